package org.sevahub.platform;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An officer signed in to Camunda Tasklist as a browser is: the webapp's login form, its session cookie and its
 * CSRF token (cookie echoed in a header), then the webapp's own REST API. Nothing but the cookies is kept here,
 * so the session lives wherever the server keeps it.
 */
public final class TasklistSession {

	public record Answer(int status, String node, JsonNode body) {
	}

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ObjectMapper json = new ObjectMapper();

	private final String baseUrl;

	public TasklistSession(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Opens Tasklist (which sets the CSRF cookie) and signs in with the login form. */
	public void signIn(String user, String password) throws Exception {
		signIn("tasklist", user, password);
	}

	/** Opens one of Camunda's webapps ({@code tasklist}, {@code cockpit}, {@code admin}) and signs in to it. */
	public void signIn(String app, String user, String password) throws Exception {
		Answer page = send("GET", "/camunda/app/" + app + "/default/", null, null);
		check(page, 200, "open " + app);
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		check(send("POST", "/camunda/api/admin/auth/user/default/login/" + app, form,
				"application/x-www-form-urlencoded"), 200, "sign in");
		// As the webapp does next: the sign-in began a new session, whose CSRF token the first GET hands out.
		check(whoAmI(), 200, "ask who signed in");
	}

	/** The session cookie's value, for a MockMvc request that must come from this signed-in browser. */
	public String sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(SharedSessions.COOKIE))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	/** Who the webapp says is signed in on this session; null if nobody. */
	Answer whoAmI() throws Exception {
		return send("GET", "/camunda/api/admin/auth/user/default", null, null);
	}

	Answer tasks(String taskDefinitionKey) throws Exception {
		return send("GET", "/camunda/api/engine/engine/default/task?taskDefinitionKey=" + taskDefinitionKey
				+ "&maxResults=50", null, null);
	}

	Answer complete(String taskId, String decision) throws Exception {
		return send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/complete",
				"{\"variables\": {\"decision\": {\"value\": \"" + decision + "\"}}}", "application/json");
	}

	public Answer send(String method, String path, String body, String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, text/html")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		String token = csrfToken();
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode parsed = null;
		if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isBlank()) {
			parsed = json.readTree(response.body());
		}
		return new Answer(response.statusCode(), response.headers().firstValue("X-SevaHub-Node").orElse("?"), parsed);
	}

	/** The token Tasklist's script reads: its own cookie, not the HttpOnly one SevaHub's pages use. */
	private String csrfToken() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN") && !c.isHttpOnly())
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static void check(Answer answer, int expected, String what) {
		if (answer.status() != expected) {
			throw new IllegalStateException(what + ": HTTP " + answer.status() + " from " + answer.node() + " " + answer.body());
		}
	}

}
