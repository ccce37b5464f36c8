package org.sevahub.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.language.PageLanguageChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.platform.doors.Door;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The citizen pages, and the pages portals hand citizens over to (BSK, ISP and Aaple Sarkar landings, the
 * payment return, {@code /verify}): a page in the citizen's language that says what happened, whatever the
 * browser said it accepts. The fallback for every path no other door claims.
 */
@Component
class PagesDoor implements Door {

	private static final Logger log = LoggerFactory.getLogger(PagesDoor.class);

	/** Statuses with their own words in messages*.properties (door.error.*); others read as their class. */
	private static final Set<Integer> WORDED = Set.of(400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 429, 500);

	private final ThymeleafViewResolver views;

	private final PageLanguageChoices languages;

	/**
	 * Asked directly, not through the request: a refusal from the security chain is answered before the dispatcher
	 * servlet has put the resolver on the request, and read as English whatever the reader had chosen.
	 */
	private final LocaleResolver locales;

	PagesDoor(ThymeleafViewResolver views, PageLanguageChoices languages, LocaleResolver locales) {
		this.views = views;
		this.languages = languages;
		this.locales = locales;
	}

	@Override
	public List<String> paths() {
		return List.of("/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		int worded = WORDED.contains(status) ? status : status >= 500 ? 500 : 400;
		answer(request, response, status, message, String.valueOf(worded));
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message,
			String words) throws IOException {
		try {
			Locale locale = locales.resolveLocale(request);
			View view = views.resolveViewName("error", locale);
			// The site's header as every page has it: the language switcher, Track, My applications.
			view.render(Map.of("status", status, "titleKey", "door.error." + words + ".title", "textKey",
					"door.error." + words + ".text", PageLanguageChoices.modelName(), languages.of(request, locale)),
					request, response);
		}
		catch (Exception ex) {
			// The error page itself failed: a line of plain text still tells the citizen what happened.
			log.warn("The error page could not be rendered", ex);
			if (!response.isCommitted()) {
				response.resetBuffer();
				response.setContentType("text/plain;charset=UTF-8");
				response.getWriter().write("SevaHub: " + status);
			}
		}
	}

}
