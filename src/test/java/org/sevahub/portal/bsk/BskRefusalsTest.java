package org.sevahub.portal.bsk;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every refusal BSK's endpoints owe, over real HTTP: each answers BSK's {@code statusCode: 400} with a message
 * that says what was wrong, and writes nothing (no application, no link, no hand-over, no OTP spent).
 */
@SevaHubTest
class BskRefusalsTest {

	static final String SECRET = "sandbox-bsk-hs256-secret-0123456789abcdef";

	static final String PASSCODE = "376423";

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	static final long DEO = 9054233544L;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationService applications;

	@Autowired
	org.sevahub.testsupport.ProcessDriver driver;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void clockOfItsOwn() {
		// Each test's tickets are its own: the clock moves to a second no other run used.
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(11).plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000))
			.toInstant()));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void envelopeRefusals() throws Exception {
		Map<String, Object> claims = initiation("Arindam Ray");
		String good = hs256(claims, SECRET);
		long before = written();

		refused(post("/bsk/api/initiate", "{\"passcode\": \"999999\", \"token\": \"" + good + "\"}", null), "Wrong passcode");
		refused(post("/bsk/api/initiate", envelope(good), "203.0.113.9"), "Caller 203.0.113.9 is not on the department's IP allow-list");
		refused(post("/bsk/api/initiate", envelope(good), "127.0.0.1, 198.51.100.7"), "Caller 198.51.100.7");
		refused(post("/bsk/api/initiate", envelope(unsigned(claims)), null), "Unsigned token (alg \"none\") refused");
		refused(post("/bsk/api/initiate", envelope(hs384(claims, SECRET)), null), "Token signed with HS384 refused");
		refused(post("/bsk/api/initiate", envelope(rs256(claims)), null), "Token signed with RS256 refused");
		refused(post("/bsk/api/initiate", envelope(hs256(claims, SECRET + "-not-ours")), null),
				"Token signature does not verify");
		String tampered = good.substring(0, good.lastIndexOf('.') - 2) + "xx" + good.substring(good.lastIndexOf('.'));
		refusedExactly(post("/bsk/api/initiate", envelope(tampered), null),
				"Token signature does not verify with the department's key");
		refused(post("/bsk/api/initiate", "{\"passcode\": \"376423\", \"token\": ", null), "Malformed JSON");
		refused(post("/bsk/api/initiate", "[1, 2]", null), "Malformed request");
		refused(post("/bsk/api/initiate", "{\"passcode\": \"376423\"}", null), "passcode and token are both required");
		refused(post("/bsk/api/initiate", envelope("abc.def"), null), "Malformed token");
		refused(post("/bsk/api/initiate", "", null), "Empty request");
		Map<String, Object> expiring = new LinkedHashMap<>(claims);
		expiring.put("exp", EngineClock.now().minusSeconds(60).getEpochSecond());
		refused(post("/bsk/api/initiate", envelope(hs256(expiring, SECRET)), null), "Token expired");
		assertThat(written()).isEqualTo(before);
	}

	@Test
	void ticketAndFieldRefusals() throws Exception {
		long before = written();
		Map<String, Object> old = initiation("Arindam Ray");
		old.put("ticketNo", ticket(EngineClock.now().minus(Duration.ofHours(3))));
		refused(initiate(old), "has expired");
		Map<String, Object> future = initiation("Arindam Ray");
		future.put("ticketNo", ticket(EngineClock.now().plus(Duration.ofHours(1))));
		refused(initiate(future), "is in the future");
		Map<String, Object> notATime = initiation("Arindam Ray");
		notATime.put("ticketNo", 20221345990000L);
		refused(initiate(notATime), "is not a YYYYMMDDHHmmss timestamp");
		Map<String, Object> unknownService = initiation("Arindam Ray");
		unknownService.put("serviceCode", "AMD/099");
		refused(initiate(unknownService), "serviceCode AMD/099 is not a service of this department");
		Map<String, Object> badUser = initiation("Arindam Ray");
		badUser.put("userid", 12345);
		refused(initiate(badUser), "userid must be the DEO's 10-digit mobile number");
		Map<String, Object> noName = initiation("Arindam Ray");
		noName.remove("name");
		refused(initiate(noName), "name is required");
		Map<String, Object> badMobile = initiation("Arindam Ray");
		badMobile.put("mobile", "12345");
		refused(initiate(badMobile), "mobile must be the citizen's 10-digit mobile number");
		Map<String, Object> badGender = initiation("Arindam Ray");
		badGender.put("gender", "unknown");
		refused(initiate(badGender), "gender must be male, female or transgender");
		Map<String, Object> badEmail = initiation("Arindam Ray");
		badEmail.put("email", "not-an-email");
		refused(initiate(badEmail), "email \"not-an-email\" is not an e-mail address");
		assertThat(written()).isEqualTo(before);

		// A ticket names one request: the same ticket again with other data is a duplicate, and refused.
		Map<String, Object> first = initiation("Arindam Ray");
		assertThat(initiate(first).get("statusCode").asInt()).isEqualTo(200);
		long afterFirst = written();
		Map<String, Object> other = new LinkedHashMap<>(first);
		other.put("name", "Somebody Else");
		refused(initiate(other), "Duplicate ticket");
		JsonNode same = initiate(first);
		assertThat(same.get("statusCode").asInt()).isEqualTo(200);
		assertThat(written() - afterFirst).as("a resend adds only its fresh hand-over link").isEqualTo(1);
		// Captured and replayed once the ticket's window has passed: refused.
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(3))));
		refused(initiate(first), "has expired");
	}

	@Test
	void fourCopiesOfOneTicketAtOnceMakeOneApplication() throws Exception {
		Map<String, Object> claims = initiation("Arindam Ray");
		long before = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		java.util.List<java.util.concurrent.Future<JsonNode>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(pool.submit(() -> initiate(claims)));
		}
		java.util.Set<Long> appSubTimes = new java.util.HashSet<>();
		for (java.util.concurrent.Future<JsonNode> answer : answers) {
			assertThat(answer.get().get("statusCode").asInt()).as(answer.get().toString()).isEqualTo(200);
			appSubTimes.add(answer.get().get("appSubTime").asLong());
		}
		pool.shutdown();
		assertThat(appSubTimes).hasSize(1);
		// The engine's clock is frozen, so equal appSubTimes alone prove nothing: every hand-over link must open
		// the same application.
		java.util.Set<Long> applicationIds = new java.util.HashSet<>();
		for (java.util.concurrent.Future<JsonNode> answer : answers) {
			String link = answer.get().get("redirectUrl").asText().replaceAll("^.*[?&]h=([^.]+)\\..*$", "$1");
			applicationIds.add(jdbc.sql("SELECT application_id FROM bsk_handover WHERE handover_id = :id")
				.param("id", link)
				.query(Long.class)
				.single());
		}
		assertThat(applicationIds).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void copiesOfOneTicketWithDifferentDataAtOnceMakeOneApplicationAndTheRestAreDuplicates() throws Exception {
		// Several rounds of eight, started together: the copies that lose reach the database at every point of
		// the winner's transaction (before, during, after its commit), and each must be refused.
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 4; round++) {
				Map<String, Object> claims = initiation("Arindam Ray");
				long before = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				java.util.List<java.util.concurrent.Future<JsonNode>> answers = new java.util.ArrayList<>();
				for (int copy = 0; copy < 8; copy++) {
					Map<String, Object> other = new LinkedHashMap<>(claims);
					other.put("name", "Arindam Ray " + "abcdefgh".charAt(copy));
					long delay = copy * 15L;
					answers.add(pool.submit(() -> {
						start.await();
						Thread.sleep(delay);
						return initiate(other);
					}));
				}
				start.countDown();
				int accepted = 0;
				for (java.util.concurrent.Future<JsonNode> answer : answers) {
					JsonNode body = answer.get();
					if (body.get("statusCode").asInt() == 200) {
						accepted++;
					}
					else {
						refused(body, "Duplicate ticket");
					}
				}
				assertThat(accepted).as("round " + round).isEqualTo(1);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(before + 1);
				ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1)));
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aResendSpeltDifferentlyIsTheSameRequestNotADuplicate() throws Exception {
		Map<String, Object> first = initiation("Arindam Ray");
		JsonNode accepted = initiate(first);
		assertThat(accepted.get("statusCode").asInt()).as(accepted.toString()).isEqualTo(200);
		String no = applicationNo(accepted);
		long applicationsBefore = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
		// tokenNo for ticketNo, userId for userid, numbers as strings, the other spelling of the service code and
		// the mobile with +91: what BSK's document allows, the same request.
		Map<String, Object> respelt = new LinkedHashMap<>();
		respelt.put("userId", String.valueOf(DEO));
		respelt.put("tokenNo", String.valueOf(first.get("ticketNo")));
		respelt.put("ServiceCode", "AMD002");
		respelt.put("name", " Arindam Ray ");
		respelt.put("mobile", "+919350778824");
		respelt.put("email", "arindam.ray@example.in");
		respelt.put("gender", "M");
		respelt.put("age", "48");
		JsonNode resent = initiate(respelt);
		assertThat(resent.get("statusCode").asInt()).as(resent.toString()).isEqualTo(200);
		assertThat(resent.get("appSubTime").asLong()).isEqualTo(accepted.get("appSubTime").asLong());
		assertThat(applicationNo(resent)).isEqualTo(no);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(applicationsBefore);
		// A different age is still another request.
		Map<String, Object> older = new LinkedHashMap<>(respelt);
		older.put("age", "49");
		refused(initiate(older), "Duplicate ticket");
	}

	@Test
	void theAuditKeepsReferencesAndFieldNamesNeverTheCitizensDataOrTheHandOverLink() throws Exception {
		String unique = "Audit" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("\\d", "x");
		Map<String, Object> claims = initiation("Arindam " + unique);
		claims.put("email", unique.toLowerCase() + "@example.in");
		JsonNode answer = initiate(claims);
		assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(200);
		Map<String, Object> other = new LinkedHashMap<>(claims);
		other.put("name", "Other " + unique);
		refused(initiate(other), "Duplicate ticket");
		String reference = DEO + "/" + claims.get("ticketNo");
		java.util.List<String> audited = jdbc.sql("SELECT summary FROM audit_record WHERE portal = 'bsk' AND reference = :ref ORDER BY id")
			.param("ref", reference)
			.query(String.class)
			.list();
		assertThat(audited).hasSize(2);
		assertThat(audited.get(0)).contains("application ", "name", "email", "redirectUrl");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE summary LIKE :name OR summary LIKE '%/bsk/landing%'"
				+ " OR summary LIKE '%bsk/landing?h=%' OR reference LIKE :name")
			.param("name", "%" + unique + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE LOWER(summary) LIKE :email")
			.param("email", "%" + unique.toLowerCase() + "@example.in%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anApplicationNotMadeThroughBskIsNotBsksToRead() throws Exception {
		Application direct = driver.start("INCOME-CERT");
		long ticketNo = ticket(EngineClock.now());
		String message = "Application " + direct.applicationNo() + " was not made through BSK";
		refused(call("/bsk/api/status", Map.of("userid", DEO, "ticketNo", ticketNo, "serviceCode", "AMD002",
				"applicationNo", direct.applicationNo())), message);
		refused(call("/bsk/api/document", Map.of("userid", DEO, "ticketNo", ticketNo, "serviceCode", "AMD002",
				"documentNo", direct.applicationNo())), message);
		refused(call("/bsk/api/otp/generate", Map.of("otpld", 78L, "documentNo", direct.applicationNo())), message);
	}

	@Test
	void namesInBengaliHindiAndMarathiAreKeptAsTheLocalNameAndTicketsAbove32BitsAsStringsWork() throws Exception {
		for (String name : new String[] { "অরিন্দম রায়", "रमेश कुमार वर्मा", "सुनीता पाटील" }) {
			Map<String, Object> claims = initiation(name);
			claims.put("ticketNo", String.valueOf(claims.get("ticketNo")));
			claims.put("userId", String.valueOf(claims.remove("userid")));
			JsonNode answer = initiate(claims);
			assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(200);
			String no = applicationNo(answer);
			Application app = applications.get(no);
			assertThat(applications.applicantOf(app).nameLocal()).isEqualTo(name);
			assertThat(app.lockedFields()).contains("applicant.nameLocal", "applicant.mobile");
			ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1)));
		}
	}

	@Test
	void anInactiveOrUnknownDeoIsRefusedAndApi6AnswersAreCachedBriefly() throws Exception {
		long deo = 9000000000L + System.nanoTime() % 999_999_999L;
		long before = written();
		Map<String, Object> unknown = initiation("Arindam Ray");
		unknown.put("userid", deo);
		refused(initiate(unknown), "is not known to BSK");
		assertThat(written()).isEqualTo(before);

		http.put("/sandbox/records/bsk/deos/" + deo + "?status=1", null);
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
		long calls = api6Calls(deo);
		for (int i = 0; i < 2; i++) {
			Map<String, Object> claims = initiation("Arindam Ray");
			claims.put("userid", deo);
			assertThat(initiate(claims).get("statusCode").asInt()).isEqualTo(200);
			ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1)));
		}
		assertThat(api6Calls(deo) - calls).as("one API-6 call for two initiations").isEqualTo(1);

		http.put("/sandbox/records/bsk/deos/" + deo + "?status=2", null);
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
		long beforeInactive = written();
		Map<String, Object> claims = initiation("Arindam Ray");
		claims.put("userid", deo);
		refused(initiate(claims), "is inactive at BSK (API-6 userStatus 2)");
		assertThat(written()).isEqualTo(beforeInactive);
	}

	@Test
	void api6AnsweringNotAsBskIsBskUnavailableAndNothingIsCached() throws Exception {
		long deo = 9000000000L + System.nanoTime() % 999_999_999L;
		http.put("/sandbox/records/bsk/deos/" + deo + "?status=1", null);
		Map<String, Object> claims = initiation("Arindam Ray");
		claims.put("userid", deo);
		String[][] answers = { { "403", "<html>Forbidden</html>" }, { "401", "" }, { "404", "{\"statusCode\": 404}" },
				{ "200", "<html>Down for maintenance</html>" }, { "400", "not json" } };
		try {
			for (String[] answer : answers) {
				http.put("/sandbox/records/bsk/api6/override?status={status}&body={body}&times=1", null, answer[0],
						answer[1]);
				long before = written();
				long calls = api6Calls(deo);
				ResponseEntity<String> refused = post("/bsk/api/initiate", envelope(hs256(claims, SECRET)), null);
				assertThat(refused.getStatusCode().value()).as(answer[0] + " " + refused.getBody()).isEqualTo(503);
				JsonNode body = json.readTree(refused.getBody());
				assertThat(body.get("statusCode").asInt()).isEqualTo(400);
				assertThat(body.get("message").asText()).startsWith("BSK unavailable: API-6 answered HTTP " + answer[0]);
				assertThat(api6Calls(deo) - calls).isEqualTo(1);
				assertThat(written()).isEqualTo(before);
			}
		}
		finally {
			http.delete("/sandbox/records/bsk/api6/override");
		}
		// Nothing was cached: the next API-1 asks BSK again and is accepted.
		long calls = api6Calls(deo);
		JsonNode accepted = initiate(claims);
		assertThat(accepted.get("statusCode").asInt()).as(accepted.toString()).isEqualTo(200);
		assertThat(api6Calls(deo) - calls).isEqualTo(1);
	}

	@Test
	void concurrentInitiationsForAnUncachedDeoMakeOneApi6Call() throws Exception {
		long deo = 9000000000L + System.nanoTime() % 999_999_999L;
		http.put("/sandbox/records/bsk/deos/" + deo + "?status=1", null);
		long calls = api6Calls(deo);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.List<java.util.concurrent.Future<JsonNode>> answers = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 6; i++) {
				Map<String, Object> claims = initiation("Arindam Ray");
				claims.put("userid", deo);
				claims.put("ticketNo", ticket(EngineClock.now().minusSeconds(i)));
				answers.add(pool.submit(() -> {
					start.await();
					return initiate(claims);
				}));
			}
			start.countDown();
			for (java.util.concurrent.Future<JsonNode> answer : answers) {
				assertThat(answer.get().get("statusCode").asInt()).as(answer.get().toString()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(api6Calls(deo) - calls).as("one API-6 call for six concurrent initiations").isEqualTo(1);
	}

	@Test
	void documentAndOtpRefusals() throws Exception {
		JsonNode answer = initiate(initiation("Arindam Ray"));
		String no = applicationNo(answer);
		long ticketNo = answer.get("ticketNo").asLong();
		long before = written();
		java.util.List<Map<String, Object>> otpsBefore = otpRows();
		refused(call("/bsk/api/document", Map.of("userid", DEO, "ticketNo", ticketNo, "serviceCode", "AMD002",
				"documentNo", no)), "No certificate has been issued yet for application " + no);
		refused(call("/bsk/api/document", Map.of("userid", DEO, "ticketNo", ticketNo, "serviceCode", "AMD001",
				"documentNo", no)), "is not for serviceCode AMD001");
		refused(call("/bsk/api/document", Map.of("userid", DEO, "ticketNo", ticketNo, "serviceCode", "AMD002",
				"documentNo", "NO-SUCH-DOC")), "No application or document numbered NO-SUCH-DOC");
		refused(call("/bsk/api/status", Map.of("userid", DEO, "ticketNo", ticketNo, "serviceCode", "AMD002",
				"applicationNo", "IC2099999999")), "No application numbered IC2099999999");
		refused(call("/bsk/api/status", Map.of("userid", DEO, "ticketNo", 20221345990000L, "serviceCode", "AMD002",
				"applicationNo", no)), "is not a YYYYMMDDHHmmss timestamp");
		refused(call("/bsk/api/status", Map.of("userid", DEO, "ticketNo", ticket(EngineClock.now().plus(Duration.ofDays(1))),
				"serviceCode", "AMD002", "applicationNo", no)), "is in the future");
		refused(call("/bsk/api/otp/generate", Map.of("otpld", 77L, "documentNo", no)),
				"No certificate has been issued yet");
		refused(call("/bsk/api/otp/verify", Map.of("otpld", 424242424242L, "userTypedOtp", 123456)),
				"No OTP was generated for otpld 424242424242");
		assertThat(written()).as("no application, link or hand-over written").isEqualTo(before);
		assertThat(otpRows()).as("no OTP written or changed").isEqualTo(otpsBefore);
	}

	/** Every OTP row as it stands: id, tries, when spent. */
	private java.util.List<Map<String, Object>> otpRows() {
		return jdbc.sql("SELECT otp_id, attempts, used_at, expires_at FROM bsk_otp ORDER BY otp_id").query().listOfRows();
	}

	@Test
	void aForgedUnknownOrMissingHandOverLinkOpensNothing() {
		ResponseEntity<String> forged = http.getForEntity("/bsk/landing?h=abcdefgh.notamac", String.class);
		assertThat(forged.getStatusCode().value()).isEqualTo(400);
		assertThat(forged.getBody()).contains("This link was not issued by the department.");
		ResponseEntity<String> missing = http.getForEntity("/bsk/landing", String.class);
		assertThat(missing.getStatusCode().value()).isEqualTo(400);
		assertThat(missing.getBody()).contains("no hand-over code");
	}

	// ----- helpers -----

	/** An API-1 request as the document's example, with a ticket of now. */
	private Map<String, Object> initiation(String name) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("userid", DEO);
		claims.put("ticketNo", ticket(EngineClock.now()));
		claims.putAll(citizen(name));
		return claims;
	}

	/** The citizen's data of an API-1 for the Income Certificate (AMD/002), as the BSK tests and benchmarks send it. */
	static Map<String, Object> citizen(String name) {
		Map<String, Object> citizen = new LinkedHashMap<>();
		citizen.put("serviceCode", "AMD/002");
		citizen.put("name", name);
		citizen.put("mobile", "9350778824");
		citizen.put("email", "arindam.ray@example.in");
		citizen.put("gender", "male");
		citizen.put("age", 48);
		return citizen;
	}

	private static long ticket(java.time.Instant at) {
		return Long.parseLong(BskTicket.FORMAT.format(at.atZone(IST)));
	}

	private JsonNode initiate(Map<String, Object> claims) throws Exception {
		return call("/bsk/api/initiate", claims);
	}

	private JsonNode call(String path, Map<String, Object> claims) throws Exception {
		ResponseEntity<String> response = post(path, envelope(hs256(claims, SECRET)), null);
		JsonNode body = json.readTree(response.getBody());
		assertThat(response.getStatusCode().value()).as(body.toString())
			.isEqualTo(body.path("statusCode").asInt() == 200 ? 200 : 400);
		return body;
	}

	private String applicationNo(JsonNode api1Answer) throws Exception {
		String link = api1Answer.get("redirectUrl").asText().replaceAll("^https?://[^/]+", "");
		String location = mvc.perform(get(link)).andReturn().getResponse().getRedirectedUrl();
		return location.replaceAll("^/applications/([^/]+)/form$", "$1");
	}

	private ResponseEntity<String> post(String path, String body, String forwardedFor) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (forwardedFor != null) {
			headers.set("X-Forwarded-For", forwardedFor);
		}
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private void refused(JsonNode answer, String message) {
		assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.get("message").asText()).contains(message);
	}

	private void refusedExactly(ResponseEntity<String> response, String message) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(json.readTree(response.getBody()).get("message").asText()).isEqualTo(message);
	}

	private void refused(ResponseEntity<String> response, String message) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		refused(json.readTree(response.getBody()), message);
	}

	/** Rows that any accepted API-1 writes: applications, BSK links, hand-over links. */
	private long written() {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM application) + (SELECT COUNT(*) FROM portal_link WHERE portal = 'bsk')"
				+ " + (SELECT COUNT(*) FROM bsk_handover)").query(Long.class).single();
	}

	private long api6Calls(long userId) {
		return ((Number) http.getForObject("/sandbox/records/bsk/api6?userId=" + userId, Map.class).get("count")).longValue();
	}

	private String envelope(String token) throws Exception {
		return json.writeValueAsString(Map.of("passcode", PASSCODE, "token", token));
	}

	static String hs256(Map<String, Object> claims, String secret) {
		return Jwts.builder().claims(claims).signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)),
				Jwts.SIG.HS256).compact();
	}

	/** HS384 under the department's own secret, made by hand: jjwt rightly refuses a 42-byte key for HS384. */
	private String hs384(Map<String, Object> claims, String secret) throws Exception {
		String signingInput = b64(json.writeValueAsBytes(Map.of("alg", "HS384", "typ", "JWT"))) + "."
				+ b64(json.writeValueAsBytes(claims));
		Mac mac = Mac.getInstance("HmacSHA384");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA384"));
		return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	private String unsigned(Map<String, Object> claims) throws Exception {
		return b64(json.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT"))) + "." + b64(json.writeValueAsBytes(claims))
				+ ".";
	}

	private static String rs256(Map<String, Object> claims) throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		return Jwts.builder().claims(claims).signWith(rsa.generateKeyPair().getPrivate(), Jwts.SIG.RS256).compact();
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
