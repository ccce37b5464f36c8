package org.sevahub.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After each test class, the shared application's real HTTP server must still hand a citizen's page its CSRF token
 * as the {@code XSRF-TOKEN} cookie. A test that swaps the CSRF filter's token store (Spring Security's
 * {@code csrf()} post-processor does; {@link BrowserCsrf} does not) fails here, by name, instead of a browser test
 * that happens to run after it.
 */
public class CsrfCookieGuard implements TestExecutionListener {

	@Override
	public void afterTestClass(TestContext context) throws Exception {
		if (!context.hasApplicationContext()) {
			return;
		}
		String port = context.getApplicationContext().getEnvironment().getProperty("local.server.port");
		if (port == null) {
			return;
		}
		HttpResponse<Void> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/citizen/sign-in"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.discarding());
		if (page.headers().allValues("Set-Cookie").stream().noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))) {
			throw new AssertionError(context.getTestClass().getName()
					+ " left the shared application without its CSRF cookie (GET /citizen/sign-in answered "
					+ page.statusCode() + ", Set-Cookie " + page.headers().allValues("Set-Cookie")
					+ "): use BrowserCsrf.csrf(), not Spring Security's csrf() post-processor");
		}
	}

}
