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
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
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

	PagesDoor(ThymeleafViewResolver views, PageLanguageChoices languages) {
		this.views = views;
		this.languages = languages;
	}

	@Override
	public List<String> paths() {
		return List.of("/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		int worded = WORDED.contains(status) ? status : status >= 500 ? 500 : 400;
		try {
			Locale locale = RequestContextUtils.getLocale(request);
			View view = views.resolveViewName("error", locale);
			// The site's header as every page has it: the language switcher, Track, My applications.
			view.render(Map.of("status", status, "titleKey", "door.error." + worded + ".title", "textKey",
					"door.error." + worded + ".text", PageLanguageChoices.modelName(), languages.of(request, locale)),
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
