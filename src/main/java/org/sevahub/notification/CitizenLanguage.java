package org.sevahub.notification;

import org.sevahub.application.Application;
import org.sevahub.application.catalog.ChannelLanguages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language a citizen is written to in: the one recorded on the application (the citizen's choice on the
 * pages), else the language of the portal they came through ({@code sevahub.channel-languages}), else the
 * installation's default.
 */
@Component
class CitizenLanguage {

	private final JdbcClient jdbc;

	private final ChannelLanguages channels;

	private final NotifyProperties properties;

	CitizenLanguage(JdbcClient jdbc, ChannelLanguages channels, NotifyProperties properties) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.properties = properties;
	}

	String of(Application application) {
		String recorded = jdbc.sql("SELECT language FROM application WHERE id = :id")
			.param("id", application.id())
			.query(String.class)
			.optional()
			.orElse(null);
		if (recorded != null && !recorded.isBlank()) {
			return recorded.strip();
		}
		String portal = channels.channelLanguages().get(application.channel());
		return portal != null ? portal : properties.defaultLanguage();
	}

}
