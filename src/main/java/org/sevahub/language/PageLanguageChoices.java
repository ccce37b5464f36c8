package org.sevahub.language;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The language switcher's links for a page rendered outside Spring MVC's handlers (the error page a door
 * renders), where {@link LanguageSwitcher}'s interceptor does not run: the same links, from the same code.
 */
@Component
public class PageLanguageChoices {

	private final LanguageSwitcher switcher;

	PageLanguageChoices(LanguageSwitcher switcher) {
		this.switcher = switcher;
	}

	/** The model attribute the page fragments read the links from. */
	public static String modelName() {
		return LanguageSwitcher.MODEL_NAME;
	}

	/**
	 * @param request the request answered; on the servlet container's error dispatch, the links go to the address
	 *                the citizen asked for, not to /error
	 * @param locale  the page's language, the one marked current
	 */
	public List<?> of(HttpServletRequest request, Locale locale) {
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			return switcher.choices(asked == null ? request : new HttpServletRequestWrapper(request) {
				@Override
				public String getRequestURI() {
					return asked.toString();
				}
			});
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}

}
