package org.sevahub.application.catalog;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The language a channel's citizens read: a citizen handed over by Aaple Sarkar sees the service named in
 * Marathi, one from BSK in Bengali, whatever the service's own state language is.
 *
 * @param channelLanguages channel ({@code direct} or a portal's name) to a language code of the catalog's names
 */
@ConfigurationProperties("sevahub")
public record ChannelLanguages(Map<String, String> channelLanguages) {

	public ChannelLanguages {
		channelLanguages = channelLanguages == null ? Map.of() : Map.copyOf(channelLanguages);
	}

	/** The service's name in the channel's language, else in the service's state language, else English. */
	public String serviceName(ServiceDefinition service, String channel) {
		String language = channel == null ? null : channelLanguages.get(channel);
		return language != null && service.names().containsKey(language) ? service.names().get(language)
				: service.nameLocal();
	}

}
