package org.sevahub.language;

import java.util.Locale;

import org.sevahub.application.Application;
import org.sevahub.application.catalog.ChannelLanguages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language an application's citizen reads, for what is made for them away from a page (a certificate): the
 * one they chose on its pages, else their portal's, else the installation's first; always one it serves.
 */
@Component
public class ApplicationLanguages {

	private final JdbcClient jdbc;

	private final ChannelLanguages channels;

	private final Languages languages;

	ApplicationLanguages(JdbcClient jdbc, ChannelLanguages channels, Languages languages) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.languages = languages;
	}

	public String of(Application application) {
		String recorded = jdbc.sql("SELECT language FROM application WHERE id = :id")
			.param("id", application.id())
			.query(String.class)
			.optional()
			.map(String::strip)
			.orElse(null);
		if (languages.serves(recorded)) {
			return recorded;
		}
		String portal = channels.channelLanguages().get(application.channel());
		return languages.serves(portal) ? portal : languages.defaultLocale().getLanguage();
	}

	/**
	 * The language a certificate is laid out in beside English: the installation's state language where it has
	 * one ({@code sevahub.state-language}, or its only language besides English). An installation serving several
	 * states' citizens (the demo) uses the citizen's own, else the service's state language, else its first.
	 */
	public Locale stateLanguageOf(Application application, String serviceStateLanguage) {
		if (languages.hasOneStateLanguage()) {
			return Locale.forLanguageTag(languages.stateLanguage());
		}
		String citizen = of(application);
		if (!"en".equals(citizen)) {
			return Locale.forLanguageTag(citizen);
		}
		return Locale.forLanguageTag(languages.serves(serviceStateLanguage) ? serviceStateLanguage
				: languages.stateLanguage());
	}

}
