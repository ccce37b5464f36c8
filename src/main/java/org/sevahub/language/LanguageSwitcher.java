package org.sevahub.language;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the switcher on every page offers: the installation's languages, each named in itself, linking to the
 * same page with {@code ?lang=xx} (its other parameters kept).
 */
@ControllerAdvice
class LanguageSwitcher {

	private final Languages languages;

	private final MessageSource messages;

	LanguageSwitcher(Languages languages, MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
	}

	/** @param name the language's name in that language ("বাংলা"), so a reader finds their own */
	public record Choice(String code, String name, String url, boolean current) {
	}

	@ModelAttribute("languageChoices")
	List<Choice> choices(HttpServletRequest request) {
		if (languages.codes().size() < 2) {
			return List.of();
		}
		String current = LocaleContextHolder.getLocale().getLanguage();
		return languages.codes()
			.stream()
			.map(code -> new Choice(code,
					messages.getMessage("language.name", null, code, Locale.forLanguageTag(code)),
					UriComponentsBuilder.fromPath(request.getRequestURI())
						.query(request.getQueryString())
						.replaceQueryParam("lang", code)
						.build()
						.toUriString(),
					code.equals(current)))
			.toList();
	}

}
