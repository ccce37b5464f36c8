package org.sevahub.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The languages an installation serves ({@code sevahub.languages}, e.g. {@code en,bn} in West Bengal): pages,
 * receipts and certificates are offered in these and no other. The state language is the one certificates are
 * laid out in beside English: {@code sevahub.state-language}, else the first of the list that is not English.
 */
@ConfigurationProperties("sevahub")
public record Languages(String languages, String stateLanguage) {

	/** Every language SevaHub has texts for (messages*.properties); an installation serves some of them. */
	public static final List<String> BUNDLED = List.of("en", "hi", "bn", "mr");

	public Languages {
		languages = languages == null || languages.isBlank() ? "en" : languages;
	}

	public List<String> codes() {
		return Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	public boolean serves(String code) {
		return code != null && codes().contains(code);
	}

	/** The first language of the list: what a reader gets when nothing says otherwise. */
	public Locale defaultLocale() {
		return locale(codes().get(0));
	}

	/**
	 * The locale texts in a language are written in: its words with international digits ({@code bn-u-nu-latn}).
	 * Java's locale data writes numbers for Bengali and Marathi in their own digits (a count through a message's
	 * {@code {0}}), where dates, application numbers, OTPs and what citizens type are in international digits, as on
	 * Indian government sites; the extension makes every number formatted for the locale international. The
	 * language itself ({@link Locale#getLanguage()}) stays the plain code: bundles, {@code <html lang>}, the switcher
	 * and the code stored on an application read that.
	 */
	public static Locale locale(String code) {
		return new Locale.Builder().setLanguage(code).setUnicodeLocaleKeyword("nu", "latn").build();
	}

	/** Configured so, or only one language besides English is served. */
	public boolean hasOneStateLanguage() {
		return stateLanguage != null && !stateLanguage.isBlank()
				|| codes().stream().filter(c -> !"en".equals(c)).count() <= 1;
	}

	/** The state's language beside English on certificates and officers' forms; English when there is none. */
	@Override
	public String stateLanguage() {
		if (stateLanguage != null && !stateLanguage.isBlank()) {
			return stateLanguage.strip();
		}
		return codes().stream().filter(c -> !"en".equals(c)).findFirst().orElse("en");
	}

}
