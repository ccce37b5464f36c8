package org.sevahub.language;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.CitizenAccess;
import org.sevahub.application.catalog.ChannelLanguages;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a page is shown in, always one the installation serves:
 * <ol>
 * <li>on an application's pages, the application's own language: the citizen's last choice there, else the
 * language of the portal they arrived from (BSK Bengali, Aaple Sarkar Marathi, ISP Hindi);</li>
 * <li>the reader's choice from the switcher ({@code ?lang=xx}), remembered in a cookie;</li>
 * <li>the browser's {@code Accept-Language};</li>
 * <li>the installation's first language.</li>
 * </ol>
 * A choice made on an application the reader holds is recorded on it, so the SMS and e-mails follow it too.
 */
class CitizenLocaleResolver implements LocaleResolver {

	static final String COOKIE = "sevahub-lang";

	private static final String CHOSEN = CitizenLocaleResolver.class.getName() + ".chosen";

	private static final Pattern APPLICATION_PATH = Pattern.compile("^/applications/([A-Za-z0-9-]{1,40})(/.*)?$");

	private final Languages languages;

	private final ChannelLanguages channels;

	private final JdbcClient jdbc;

	private final CitizenAccess access;

	CitizenLocaleResolver(Languages languages, ChannelLanguages channels, JdbcClient jdbc, CitizenAccess access) {
		this.languages = languages;
		this.channels = channels;
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Optional<String> ofApplication = applicationNo(request).flatMap(this::applicationLanguage);
		if (ofApplication.isPresent()) {
			return Languages.locale(ofApplication.get());
		}
		String remembered = cookie(request);
		if (languages.serves(remembered)) {
			return Languages.locale(remembered);
		}
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
			for (Locale accepted : Collections.list(request.getLocales())) {
				if (languages.serves(accepted.getLanguage())) {
					return Languages.locale(accepted.getLanguage());
				}
			}
		}
		return languages.defaultLocale();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (locale == null || !languages.serves(locale.getLanguage())) {
			return;
		}
		String code = locale.getLanguage();
		request.setAttribute(CHOSEN, Languages.locale(code));
		if (response != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, code)
				.path("/")
				.maxAge(Duration.ofDays(365))
				.sameSite("Lax")
				.httpOnly(true)
				.build()
				.toString());
		}
		applicationNo(request).filter(no -> access.has(request, no))
			.ifPresent(no -> jdbc.sql("UPDATE application SET language = :language WHERE application_no = :no")
				.param("language", code)
				.param("no", no)
				.update());
	}

	private Optional<String> applicationLanguage(String applicationNo) {
		return jdbc.sql("SELECT language, channel FROM application WHERE application_no = :no")
			.param("no", applicationNo)
			.query((rs, row) -> {
				String recorded = rs.getString("language");
				if (recorded != null && languages.serves(recorded.strip())) {
					return recorded.strip();
				}
				String ofPortal = channels.channelLanguages().get(rs.getString("channel"));
				return languages.serves(ofPortal) ? ofPortal : null;
			})
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	private static Optional<String> applicationNo(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher m = APPLICATION_PATH.matcher(path);
		return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

	private static String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie c : request.getCookies()) {
			if (COOKIE.equals(c.getName())) {
				return c.getValue();
			}
		}
		return null;
	}

}
