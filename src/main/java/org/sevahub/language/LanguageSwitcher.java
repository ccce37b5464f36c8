package org.sevahub.language;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the switcher on every page offers: the installation's languages, each named in itself, linking to the
 * same page with {@code ?lang=xx} (its other parameters kept).
 * <p>
 * An interceptor that adds them once a handler has chosen a page to render, not a {@code @ModelAttribute}: those
 * run before every handler, JSON APIs and redirects included, and asking for the language on an application's
 * address reads the application's row ({@link CitizenLocaleResolver}), for a model nobody renders.
 */
@Component
class LanguageSwitcher implements HandlerInterceptor {

	static final String MODEL_NAME = "languageChoices";

	private final Languages languages;

	private final MessageSource messages;

	LanguageSwitcher(Languages languages, MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
	}

	/** @param name the language's name in that language ("বাংলা"), so a reader finds their own */
	public record Choice(String code, String name, String url, boolean current) {
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		// A page answering a POST (the OTP step, a form sent back with its errors) offers none: its links would GET an
		// address that only takes a POST, losing the sign-in or what was typed.
		if (page != null && !isRedirect(page) && "GET".equals(request.getMethod())) {
			page.addObject(MODEL_NAME, choices(request));
		}
	}

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

	private static boolean isRedirect(ModelAndView page) {
		return page.getView() instanceof SmartView view ? view.isRedirectView()
				: page.getViewName() != null && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
	}

}
