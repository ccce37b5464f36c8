package org.sevahub.testsupport;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A write as a browser sends it: the {@code XSRF-TOKEN} cookie SevaHub hands out, and the same value in the form's
 * {@code _csrf} field or, for a page's script, the {@code X-XSRF-TOKEN} header.
 * <p>
 * Spring Security's own {@code csrf()} post-processor is not used. It replaces the CSRF filter's token store, in the
 * application context every test of a kind shares, with a session-backed test store, and that context's real HTTP
 * server keeps it: pages then stopped handing out the cookie, so a browser test that ran later had its uploads
 * refused and its Tasklist logins lost. {@link CsrfCookieGuard} fails the test class that does it.
 */
public final class BrowserCsrf implements RequestPostProcessor {

	private final boolean asHeader;

	private BrowserCsrf(boolean asHeader) {
		this.asHeader = asHeader;
	}

	/** The token as a form sends it, in {@code _csrf}. */
	public static BrowserCsrf csrf() {
		return new BrowserCsrf(false);
	}

	/** The token as a page's script sends it, in {@code X-XSRF-TOKEN}. */
	public BrowserCsrf asHeader() {
		return new BrowserCsrf(true);
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		String token = UUID.randomUUID().toString();
		Cookie[] held = request.getCookies() == null ? new Cookie[0] : request.getCookies();
		request.setCookies(Stream.concat(Arrays.stream(held), Stream.of(new Cookie("XSRF-TOKEN", token)))
			.toArray(Cookie[]::new));
		if (asHeader) {
			request.addHeader("X-XSRF-TOKEN", token);
		}
		else {
			request.addParameter("_csrf", token);
		}
		return request;
	}

}
