package org.sevahub.citizen;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.NewApplication;
import org.sevahub.testsupport.BrowserCsrf;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Citizen sign-in through the API (docs/security.md): the OTP by SMS, the session, what the number owns, and every
 * way in which it is refused. Each test comes from its own client address and number, so the rate limits of one
 * do not touch another.
 */
@SevaHubTest
class CitizenSignInTest {

	private static final Pattern OTP = Pattern.compile("^(\\d{6}) is your SevaHub sign-in OTP");

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationService applications;

	private final String address = "10.9." + ThreadLocalRandom.current().nextInt(256) + "."
			+ ThreadLocalRandom.current().nextInt(256);

	@Test
	void anOtpBySmsGivesASessionThatListsWhatTheNumberOwns() throws Exception {
		String mobile = newMobile();
		Map<String, String> form = new HashMap<>(ProcessDriver.validForm("BIRTH-CERT"));
		form.put("applicant.mobile", mobile);
		Application mine = applications.create(NewApplication.direct("BIRTH-CERT", form));

		assertThat(requestOtp(mobile).getStatus()).isEqualTo(202);
		JsonNode sms = inbox(mobile).get(0);
		assertThat(sms.path("templateId").asText()).isEqualTo("1107170000000900002");
		String otp = otpIn(sms);
		assertThat(jdbc.sql("SELECT otp_hash || mobile_hash FROM citizen_otp ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).doesNotContain(otp).doesNotContain(mobile);

		MockHttpServletResponse session = signIn(mobile, otp);
		assertThat(session.getStatus()).isEqualTo(200);
		JsonNode body = json.readTree(session.getContentAsString());
		String token = body.path("token").asText();
		// HS256 as docs/security.md says: jjwt picks HS384 for the 51-byte default key unless told.
		assertThat(json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0])).path("alg").asText())
			.isEqualTo("HS256");
		assertThat(Date.from(java.time.Instant.parse(body.path("expiresAt").asText())))
			.isAfter(Date.from(EngineClock.now().plus(Duration.ofMinutes(29))));
		assertThat(session.getHeaders("Set-Cookie")).filteredOn(c -> c.startsWith(CitizenAuthentication.COOKIE + "="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/"));

		JsonNode owned = json.readTree(mvc.perform(get("/api/v1/citizen/applications")
			.header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString());
		assertThat(owned.findValuesAsText("applicationNo")).contains(mine.applicationNo());
		assertThat(mvc.perform(get("/api/v1/applications/" + mine.applicationNo()).header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		// A token whose number was changed is no token.
		String[] parts = token.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace(mobile, "9876543210");
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertThat(mvc.perform(get("/api/v1/citizen/applications").header("Authorization", "Bearer " + forged))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		// The OTP is spent.
		assertThat(error(signIn(mobile, otp))).isEqualTo("no-code");
	}

	@Test
	void aWrongCodeCostsATryAndTheLastTryKillsTheOtp() throws Exception {
		String mobile = newMobile();
		requestOtp(mobile);
		String otp = otpIn(inbox(mobile).get(0));
		String wrong = otp.equals("111111") ? "222222" : "111111";
		MockHttpServletResponse first = signIn(mobile, wrong);
		assertThat(first.getStatus()).isEqualTo(401);
		assertThat(json.readTree(first.getContentAsString()).path("triesLeft").asInt()).isEqualTo(2);
		assertThat(error(signIn(mobile, wrong))).isEqualTo("wrong-code");
		assertThat(error(signIn(mobile, wrong))).isEqualTo("too-many-tries");
		MockHttpServletResponse right = signIn(mobile, otp);
		assertThat(right.getStatus()).isEqualTo(401);
		assertThat(error(right)).isEqualTo("too-many-tries");
		assertThat(right.getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith(CitizenAuthentication.COOKIE + "="));
	}

	@Test
	void anExpiredCodeIsRefused() throws Exception {
		String mobile = newMobile();
		requestOtp(mobile);
		String otp = otpIn(inbox(mobile).get(0));
		try {
			ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofMinutes(6))));
			assertThat(error(signIn(mobile, otp))).isEqualTo("expired");
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	void anExpiredSessionIsNoSession() throws Exception {
		String mobile = newMobile();
		requestOtp(mobile);
		String token = json.readTree(signIn(mobile, otpIn(inbox(mobile).get(0))).getContentAsString()).path("token").asText();
		// Used once while valid, so the node has checked it before and remembers it.
		assertThat(mvc.perform(get("/api/v1/citizen/applications").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		try {
			ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofMinutes(31))));
			assertThat(mvc.perform(get("/api/v1/citizen/applications").header("Authorization", "Bearer " + token))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	void oneNumberGetsThreeOtpsAWindowAndOnlyTheNewestCounts() throws Exception {
		String mobile = newMobile();
		for (int i = 0; i < 3; i++) {
			assertThat(requestOtp(mobile).getStatus()).isEqualTo(202);
		}
		MockHttpServletResponse fourth = requestOtp(mobile);
		assertThat(fourth.getStatus()).isEqualTo(429);
		assertThat(fourth.getHeader("Retry-After")).isNotBlank();
		assertThat(error(fourth)).isEqualTo("rate-limited");
		List<JsonNode> sent = inbox(mobile);
		assertThat(sent).hasSize(3);
		assertThat(error(signIn(mobile, otpIn(sent.get(1))))).isIn("wrong-code", "no-code");
		assertThat(signIn(mobile, otpIn(sent.get(0))).getStatus()).isEqualTo(200);
	}

	@Test
	void oneAddressIsLimitedAcrossNumbersAndTrackingTooAndABadNumberIsABadRequest() throws Exception {
		assertThat(error(requestOtp("12345"))).isEqualTo("invalid-mobile");
		int sent = 0;
		MockHttpServletResponse last = null;
		for (int i = 0; i < 25; i++) {
			last = requestOtp(newMobile());
			if (last.getStatus() != 202) {
				break;
			}
			sent++;
		}
		// A number that is not one is refused before it costs the address anything: the bucket holds 20.
		assertThat(sent).isEqualTo(20);
		assertThat(last.getStatus()).isEqualTo(429);
		int tracked = 0;
		for (int i = 0; i < 40; i++) {
			int status = mvc.perform(get("/track").param("applicationNo", "BC2099000001").header("X-Forwarded-For", address))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 429) {
				break;
			}
			tracked++;
		}
		assertThat(tracked).isEqualTo(30);
	}

	/**
	 * Behind HAProxy ({@code option forwardfor} appends its own line and keeps the client's), a client that names a
	 * new address of its own in X-Forwarded-For each time still spends its real address's budget: 22 OTP requests
	 * and 35 look-ups went through when only the first line was read.
	 */
	@Test
	void aClientNamingItsOwnAddressInXForwardedForStillMeetsItsAddressesLimits() throws Exception {
		int sent = 0;
		for (int i = 0; i < 25; i++) {
			int status = mvc.perform(post("/api/v1/citizen/otp").contentType(MediaType.APPLICATION_JSON)
				.header("X-Forwarded-For", "198.51.100." + i, address)
				.content("{\"mobile\": \"" + newMobile() + "\"}")).andReturn().getResponse().getStatus();
			if (status != 202) {
				assertThat(status).isEqualTo(429);
				break;
			}
			sent++;
		}
		assertThat(sent).as("OTP requests from one address behind the balancer").isEqualTo(20);
		// Sign-in attempts share that budget; the client's made-up hops at the left of one line count no more.
		assertThat(mvc.perform(post("/api/v1/citizen/session").contentType(MediaType.APPLICATION_JSON)
			.header("X-Forwarded-For", "198.51.100.200, " + address)
			.content("{\"mobile\": \"" + newMobile() + "\", \"otp\": \"123456\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(429);
		String tracker = "10.8." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
		int tracked = 0;
		for (int i = 0; i < 35; i++) {
			int status = mvc.perform(get("/track").param("applicationNo", "BC2099000001")
				.header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113." + i)
				.header("X-Forwarded-For", tracker)).andReturn().getResponse().getStatus();
			if (status == 429) {
				break;
			}
			tracked++;
		}
		assertThat(tracked).as("look-ups from one address behind the balancer").isEqualTo(30);
	}

	@Test
	void thePagesSignInWithTheirCsrfTokenAndSignOut() throws Exception {
		String mobile = newMobile();
		MockHttpServletResponse page = mvc.perform(get("/citizen/sign-in").header("X-Forwarded-For", address))
			.andReturn()
			.getResponse();
		String token = hidden(page.getContentAsString());
		// What the browser holds after that page: the CSRF cookie with the token the page carries, and whatever
		// else the page set (a browser sends back every cookie it was given).
		assertThat(page.getCookie("XSRF-TOKEN")).as("the page's CSRF cookie").isNotNull();
		assertThat(page.getCookie("XSRF-TOKEN").getValue()).isEqualTo(token);
		jakarta.servlet.http.Cookie xsrf = new jakarta.servlet.http.Cookie("XSRF-TOKEN", token);
		jakarta.servlet.http.Cookie[] jar = java.util.stream.Stream
			.concat(java.util.Arrays.stream(page.getCookies()).filter(c -> !c.getName().equals("XSRF-TOKEN")),
					java.util.stream.Stream.of(xsrf))
			.toArray(jakarta.servlet.http.Cookie[]::new);
		MockHttpServletResponse sent = mvc.perform(post("/citizen/sign-in/otp").cookie(jar)
			.header("X-Forwarded-For", address)
			.param("_csrf", token)
			.param("mobile", mobile)
			.param("next", "/citizen/applications")).andReturn().getResponse();
		assertThat(sent.getStatus()).isEqualTo(200);
		assertThat(sent.getContentAsString()).contains("id=\"otp-form\"");
		MockHttpServletResponse signedIn = mvc.perform(post("/citizen/sign-in").cookie(jar)
			.header("X-Forwarded-For", address)
			.param("_csrf", token)
			.param("mobile", mobile)
			.param("otp", otpIn(inbox(mobile).get(0)))
			.param("next", "/citizen/applications")).andReturn().getResponse();
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/citizen/applications");
		jakarta.servlet.http.Cookie session = new jakarta.servlet.http.Cookie(CitizenAuthentication.COOKIE,
				setCookie(signedIn).replaceAll("^[^=]+=([^;]*).*$", "$1"));
		jakarta.servlet.http.Cookie[] signedInJar = java.util.stream.Stream.concat(java.util.Arrays.stream(jar),
				java.util.stream.Stream.of(session)).toArray(jakarta.servlet.http.Cookie[]::new);
		MockHttpServletResponse mine = mvc.perform(get("/citizen/applications").cookie(signedInJar))
			.andReturn()
			.getResponse();
		assertThat(mine.getStatus()).isEqualTo(200);
		// The page's token is the one the browser holds: a signed-in request does not rotate it.
		assertThat(hidden(mine.getContentAsString())).isEqualTo(xsrf.getValue());
		MockHttpServletResponse out = mvc.perform(post("/citizen/sign-out").cookie(signedInJar)
			.param("_csrf", hidden(mine.getContentAsString()))).andReturn().getResponse();
		assertThat(out.getStatus()).as(out.getContentAsString()).isEqualTo(302);
		assertThat(out.getRedirectedUrl()).isEqualTo("/");
		assertThat(setCookie(out)).contains("Max-Age=0");
		// An open redirect is not followed: "next" stays on this site.
		assertThat(SignInPagesController.safeNext("//evil.example/x")).isEqualTo("/citizen/applications");
	}

	@Test
	void theOtpStepSaysWhereTheOtpWentAndOffersAnotherNumberInTheReadersLanguage() throws Exception {
		String mobile = newMobile();
		MockHttpServletResponse sent = mvc.perform(post("/citizen/sign-in/otp").with(BrowserCsrf.csrf())
			.header("X-Forwarded-For", address)
			.param("lang", "mr")
			.param("mobile", mobile)
			.param("next", "/citizen/applications")).andReturn().getResponse();
		assertThat(sent.getStatus()).isEqualTo(200);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(sent.getContentAsString());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("mr");
		assertThat(page.getElementById("otp-sent").text())
			.isEqualTo("XXXXXX" + mobile.substring(6) + " या क्रमांकावर एसएमएसद्वारे ओटीपी पाठवला आहे. तो खाली लिहा.");
		assertThat(page.getElementById("other-number").text()).isEqualTo("दुसरा क्रमांक वापरा");
		assertThat(page.getElementById("other-number").attr("href"))
			.isEqualTo("/citizen/sign-in?next=/citizen/applications");

		MockHttpServletResponse wrong = mvc.perform(post("/citizen/sign-in").with(BrowserCsrf.csrf())
			.header("X-Forwarded-For", address)
			.param("lang", "mr")
			.param("mobile", mobile)
			.param("otp", "12")).andReturn().getResponse();
		org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(wrong.getContentAsString());
		assertThat(refused.getElementById("sign-in-error").hasClass("error")).isTrue();
		assertThat(refused.getElementById("otp").attr("aria-describedby")).isEqualTo("sign-in-error");
		assertThat(refused.getElementById("otp-sent").text()).contains("XXXXXX" + mobile.substring(6));
		assertThat(mvc.perform(get("/css/sevahub.css")).andReturn().getResponse().getContentAsString())
			.as("the page's error is styled as the form's are").containsPattern("(?m)^\\.error \\{[^}]*var\\(--bad\\)");
	}

	private static String setCookie(MockHttpServletResponse response) {
		return response.getHeaders("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(CitizenAuthentication.COOKIE + "="))
			.findFirst()
			.orElseThrow();
	}

	private static String hidden(String html) {
		Matcher value = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(value.find()).as(html).isTrue();
		return value.group(1);
	}

	private MockHttpServletResponse requestOtp(String mobile) throws Exception {
		return mvc.perform(post("/api/v1/citizen/otp").contentType(MediaType.APPLICATION_JSON)
			.header("X-Forwarded-For", address)
			.content("{\"mobile\": \"" + mobile + "\"}")).andReturn().getResponse();
	}

	private MockHttpServletResponse signIn(String mobile, String otp) throws Exception {
		return mvc.perform(post("/api/v1/citizen/session").contentType(MediaType.APPLICATION_JSON)
			.header("X-Forwarded-For", address)
			.content("{\"mobile\": \"" + mobile + "\", \"otp\": \"" + otp + "\"}")).andReturn().getResponse();
	}

	private List<JsonNode> inbox(String mobile) throws Exception {
		JsonNode list = json.readTree(
				mvc.perform(get("/sandbox/sms").param("mobile", mobile)).andReturn().getResponse().getContentAsString());
		return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
	}

	private static String otpIn(JsonNode sms) {
		Matcher otp = OTP.matcher(sms.path("message").asText());
		assertThat(otp.find()).as(sms.toString()).isTrue();
		return otp.group(1);
	}

	private String error(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString()).path("error").asText();
	}

	private static String newMobile() {
		return "7" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

}
