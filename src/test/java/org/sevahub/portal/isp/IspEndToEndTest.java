package org.sevahub.portal.isp;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.portal.isp.IspHandovers.Handover;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.TasklistDecisions;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The department side of UP's ISP end to end, over real HTTP against the sandbox ISP: ISP's hand-over, the
 * locked form, submission, officers' decisions through the engine's REST API, and every status ISP is told,
 * decrypted and checked field by field against the manual's tables.
 */
@SevaHubTest
class IspEndToEndTest {

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationService applications;

	@Autowired
	ProcessDriver driver;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	IssuedDocuments documents;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void clockOfItsOwn() {
		// Ahead of every other test's queued messages, which are then all due: they are sent first, with the portals
		// healthy, so a fault a test switches on (one rejection, say) hits only its own messages.
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(7).toInstant()));
		dispatcher.dispatchDue();
	}

	@AfterEach
	void reset() {
		http.delete("/sandbox/faults/isp");
		ClockUtil.reset();
	}

	@Test
	void fromIspsHandOverToS112WithEveryStatusInOrderAndEveryFieldAsTheManualSays() throws Exception {
		Handover handover = landFromIsp("INC01", null);
		String form = page(handover, "/form");
		assertThat(form).contains("value=\"रमेश कुमार वर्मा\"", "value=\"Ramesh Kumar Verma\"", "value=\"Lucknow\"",
				"value=\"Suresh Chandra Verma\"", "value=\"84000\"");
		// ISP's citizens read Hindi: the page opens in it.
		assertThat(form).contains("lang=\"hi\"", "आवेदन किए बिना ISP पर लौटें");
		assertThat(form).containsPattern("id=\"f-applicant-nameLocal\"[^>]*readonly");
		assertThat(form).doesNotContainPattern("id=\"f-annualIncome\"[^>]*readonly");

		// The citizen tries to change a locked name: ISP's stays.
		driver.documents().attachNeeded(handover.applicationNo());
		MockHttpServletResponse submitted = mvc.perform(post("/applications/" + handover.applicationNo() + "/form")
			.with(csrf())
			.cookie(handover.access())
			.param("applicant.nameLocal", "कोई और नाम")
			.param("occupation", "agriculture")
			.param("incomeSources", "खेती और पशुपालन")
			.param("purpose", "education")
			.param("action", "submit")).andReturn().getResponse();
		assertThat(submitted.getRedirectedUrl()).endsWith("/acknowledgement");
		Application app = applications.get(handover.applicationNo());
		assertThat(applications.applicantOf(app).nameLocal()).isEqualTo("रमेश कुमार वर्मा");
		assertThat(applications.applicantOf(app).aadhaarRef()).isEqualTo("ISPVAULT00000000000042");

		http.postForEntity("/sandbox/payment/" + app.applicationNo() + "?amount=33.60", null, String.class);
		complete(app, "assistantlko", "forward", "दस्तावेज़ सही हैं, तहसीलदार को अग्रेषित");
		complete(app, "officerlko", "approve", "Approved");
		driver.runAsyncSteps(app);
		dispatcher.dispatchDue();

		List<JsonNode> pushes = pushes(handover.requestId());
		assertThat(pushes).extracting(p -> p.get("status_code").asText())
			.containsExactly("S102", "S103", "S104", "S107", "S105", "S115", "S113", "S112");
		assertThat(calls(handover.requestId())).allSatisfy(c -> assertThat(c.get("outcome")).isEqualTo("SUCCESSFUL"));
		app = applications.get(app.applicationNo());

		JsonNode ack = pushes.get(2);
		assertThat(ack.fieldNames()).toIterable().containsAll(java.util.List.of("request_id", "applicant_id",
				"service_code", "application_id", "application_url", "status_code", "remarks", "pendency_level",
				"pending_with_officer", "action_taken_time", "selected_district_for_processing_application",
				"designated_code", "designated_location_code", "designated_target_date", "first_appellate_code",
				"first_appellate_location_code", "first_appellate_days", "second_appellate_code",
				"second_appellate_location_code", "second_appellate_days", "d1", "d20"));
		assertThat(ack.get("request_id").asText()).isEqualTo(handover.requestId()).hasSize(14);
		assertThat(ack.get("applicant_id").asText()).isEqualTo(handover.applicantId()).hasSize(10);
		assertThat(ack.get("service_code").asText()).isEqualTo("INC01");
		assertThat(ack.get("application_id").asText()).isEqualTo(app.applicationNo());
		assertThat(ack.get("pendency_level").asText()).isEqualTo("2");
		assertThat(ack.get("pending_with_officer").asText()).isEqualTo("Dealing Assistant");
		assertThat(ack.get("action_taken_time").asText()).isEqualTo(
				java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(app.submittedAt().atZone(IST)));
		assertThat(ack.get("selected_district_for_processing_application").asText()).isEqualTo("164");
		assertThat(ack.get("designated_code").asText()).isEqualTo("DL0111");
		assertThat(ack.get("designated_location_code").asText()).isEqualTo("L16401");
		assertThat(ack.get("designated_target_date").asText()).isEqualTo(app.slaDueAt().atZone(IST).toLocalDate().toString());
		assertThat(ack.get("first_appellate_days").asText()).isEqualTo("30");
		assertThat(ack.get("second_appellate_days").asText()).isEqualTo("45");
		assertThat(ack.get("d1").asText()).isEqualTo("0522-2236XXX");
		assertThat(ack.get("d20").asText()).isEmpty();
		ResponseEntity<byte[]> receipt = http.getForEntity(ack.get("application_url").asText(), byte[].class);
		assertThat(receipt.getStatusCode().value()).as("ISP's link to the submitted application").isEqualTo(200);
		assertThat(receipt.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();

		JsonNode forwarded = pushes.get(4);
		assertThat(forwarded.get("remarks").asText()).isEqualTo("दस्तावेज़ सही हैं, तहसीलदार को अग्रेषित");
		assertThat(forwarded.get("pending_with_officer").asText()).isEqualTo("Tahsildar");
		assertThat(forwarded.get("pendency_level").asText()).isEqualTo("3");

		JsonNode delivered = pushes.get(7);
		IssuedDocuments.IssuedDocument certificate = documents.forApplication(app.id()).orElseThrow();
		assertThat(delivered.get("certificate_no").asText()).isEqualTo(certificate.number());
		assertThat(delivered.get("certificate_url").asText()).isEqualTo(certificate.downloadUrl());
		assertThat(delivered.get("certificate_expiry_date").asText()).isEqualTo(certificate.validUntil().toString());
		assertThat(delivered.get("dbt_amount").asText()).isEmpty();

		String ackPage = page(handover, "/acknowledgement");
		assertThat(ackPage).contains("ISP पर लौटें", "return_success_or_failed=SUCCESS");
		String back = ackPage.replaceAll("(?s).*id=\"return-ISP\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		http.getForEntity(back, String.class);
		assertThat(http.getForObject("/sandbox/records/isp/returns?sessionkey=" + handover.sessionkey(), List.class))
			.hasSize(1);
	}

	@Test
	void aDbtSchemeTellsIspTheSanctionedAmountAndALifetimeCertificateIs999999() throws Exception {
		Handover pension = landFromIsp("OAP01", null);
		driver.documents().attachNeeded(applications.get(pension.applicationNo()), Map.of("applicant.category", "OBC"));
		mvc.perform(post("/applications/" + pension.applicationNo() + "/form").with(csrf())
			.cookie(pension.access())
			.param("annualIncome", "60000")
			.param("bankAccountNumber", "123456789012")
			.param("ifsc", "SBIN0001234")
			.param("applicant.category", "OBC")
			.param("action", "submit"));
		Application app = applications.get(pension.applicationNo());
		complete(app, "assistantlko", "forward", null);
		driver.runAsyncSteps(app);
		complete(app, "officerlko", "approve", null);
		driver.runAsyncSteps(app);
		dispatcher.dispatchDue();
		JsonNode delivered = pushes(pension.requestId()).get(pushes(pension.requestId()).size() - 1);
		assertThat(delivered.get("status_code").asText()).isEqualTo("S112");
		// Ramesh is 68 and OBC: the table sanctions 800 a month.
		assertThat(delivered.get("dbt_amount").asText()).isEqualTo("800");

		Handover birth = landFromIsp("BRC01", null);
		driver.documents().attachNeeded(birth.applicationNo());
		mvc.perform(post("/applications/" + birth.applicationNo() + "/form").with(csrf())
			.cookie(birth.access())
			.param("childName", "Anya Verma")
			.param("childGender", "F")
			.param("childDateOfBirth", "2026-10-02")
			.param("placeOfBirth", "KGMU, Lucknow")
			.param("fatherName", "Ramesh Kumar Verma")
			.param("motherName", "Sita Verma")
			.param("relation", "parent")
			.param("action", "submit"));
		Application birthApp = applications.get(birth.applicationNo());
		complete(birthApp, "assistantlko", "forward", null);
		complete(birthApp, "officerlko", "approve", null);
		driver.runAsyncSteps(birthApp);
		dispatcher.dispatchDue();
		List<JsonNode> pushes = pushes(birth.requestId());
		assertThat(pushes.get(pushes.size() - 1).get("certificate_expiry_date").asText()).isEqualTo("999999");
	}

	@Test
	void aClarificationIsS109ThenS114AndARejectionAfterAnUnansweredOneIsWithheld() throws Exception {
		Handover handover = landFromIsp("BRC01", null);
		submitBirth(handover);
		Application app = applications.get(handover.applicationNo());
		complete(app, "assistantlko", "clarify", "जन्म का अस्पताल प्रमाण पत्र लगाएँ");
		applications.submit(app.applicationNo(), Map.of("placeOfBirth", "KGMU Lucknow, ward 4"));
		complete(app, "assistantlko", "clarify", "Still missing the discharge slip");
		// no reply for 30 days: the application is closed as rejected, which ISP may not be told after S109
		advance(Duration.ofDays(31));
		driver.advanceClock(app, Duration.ZERO);
		dispatcher.dispatchDue();

		assertThat(pushes(handover.requestId())).extracting(p -> p.get("status_code").asText())
			.containsExactly("S104", "S107", "S109", "S114", "S107", "S109");
		assertThat(jdbc.sql("SELECT last_error FROM delivery WHERE application_id = :app AND portal = 'isp' "
				+ "AND state = 'NOT_SENT'").param("app", app.id()).query(String.class).list())
			.containsExactly("Not sent: closed at the portal: S110 for REJECTED: only S114 is accepted after S109 "
					+ "(ISP's order rules, Annexure A)");
	}

	/**
	 * A token fetched before the clock was set back (an NTP step; in this suite, another test's clock) looked fresh
	 * for longer than its hour, or "renewed this second" after a 401, and the landing failed on it.
	 */
	@Test
	void aTokenFetchedBeforeTheClockWasSetBackIsRenewed() throws Exception {
		advance(Duration.ofMinutes(30));
		landFromIsp("BRC01", null);
		advance(Duration.ofMinutes(-30));
		http.postForEntity("/sandbox/records/isp/revoke-tokens", null, Map.class);
		long before = authentications();
		Handover handover = landFromIsp("BRC01", null);
		assertThat(handover.applicationNo()).isNotBlank();
		assertThat(authentications() - before).isEqualTo(1);
	}

	@Test
	void theTokenIsFetchedOnceRenewedBeforeItsHourIsUpAndAgainOnceAfterA401() throws Exception {
		Handover handover = landFromIsp("BRC01", null);
		submitBirth(handover);
		Application app = applications.get(handover.applicationNo());
		long before = authentications();
		complete(app, "assistantlko", "forward", null);
		complete(app, "officerlko", "approve", null);
		dispatcher.dispatchDue();
		assertThat(authentications() - before).as("pushes share the token").isLessThanOrEqualTo(1);

		advance(Duration.ofMinutes(56));
		long renewedAt = authentications();
		driver.runAsyncSteps(app);
		dispatcher.dispatchDue();
		assertThat(authentications() - renewedAt).as("renewed before the hour was up").isEqualTo(1);

		http.postForEntity("/sandbox/records/isp/revoke-tokens", null, Map.class);
		advance(Duration.ofSeconds(2));
		long revokedAt = authentications();
		Handover second = landFromIsp("BRC01", null);
		assertThat(second.applicationNo()).isNotBlank();
		assertThat(authentications() - revokedAt).as("one renewal after ISP's 401").isEqualTo(1);
		assertThat(pushes(handover.requestId())).extracting(p -> p.get("status_code").asText()).endsWith("S113", "S112");
	}

	@Test
	void anIspThatIsDownOrSaysFailedIsRetriedUntilItTakesTheStatus() throws Exception {
		Handover handover = landFromIsp("BRC01", null);
		fault(Map.of("mode", "DOWN", "forSeconds", 1800));
		submitBirth(handover);
		dispatcher.dispatchDue();
		assertThat(pushes(handover.requestId())).isEmpty();
		advance(Duration.ofMinutes(31));
		fault(Map.of("mode", "REJECT", "count", 1));
		dispatcher.dispatchDue();
		assertThat(pushes(handover.requestId())).isEmpty();
		advance(Duration.ofMinutes(20));
		dispatcher.dispatchDue();
		assertThat(pushes(handover.requestId())).extracting(p -> p.get("status_code").asText()).containsExactly("S104", "S107");
	}

	@Test
	void badSessionKeysGetAPageThatSaysSoAndCreateNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
		MockHttpServletResponse unknown = mvc.perform(get("/isp/landing").param("sessionkey", "0123456789abcdef"))
			.andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(unknown.getContentAsString()).contains("ISP could not confirm this visit", "Invalid or already used session key")
			.doesNotContain("Exception");
		MockHttpServletResponse malformed = mvc.perform(get("/isp/landing").param("sessionkey", "<script>")).andReturn()
			.getResponse();
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getContentAsString()).contains("The link from ISP is incomplete");
		assertThat(mvc.perform(get("/isp/landing")).andReturn().getResponse().getStatus()).isEqualTo(400);

		Handover used = landFromIsp("BRC01", null);
		MockHttpServletResponse reused = mvc.perform(get("/isp/landing").param("sessionkey", used.sessionkey())).andReturn()
			.getResponse();
		assertThat(reused.getStatus()).isEqualTo(400);
		assertThat(reused.getContentAsString()).contains("works once");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void theSandboxIspRefusesTamperedDataAWrongKeyAndABadToken() throws Exception {
		String token = json.readTree(http.postForObject("/sandbox/isp/ispws/authenticate",
				json(Map.of("username", "SANDBOXDEPT01", "password", "sandbox-isp-token-key")), String.class))
			.get("token")
			.asText();
		IspCipher right = new IspCipher("sandbox-isp-shared-secret", IspCipher.DEFAULT_SALT);
		String sealed = right.encrypt("{\"sessionkey\":\"0123456789abcdef\"}");
		String tampered = sealed.substring(0, 10) + (sealed.charAt(10) == 'A' ? 'B' : 'A') + sealed.substring(11);
		JsonNode answer = isp(token, tampered);
		assertThat(answer.get("statusMessage").asText()).isEqualTo("FAILED");
		assertThat(answer.get("error").asText()).startsWith("Invalid e_data");
		JsonNode wrongKey = isp(token, new IspCipher("another-key", IspCipher.DEFAULT_SALT).encrypt("{\"sessionkey\":\"x\"}"));
		assertThat(wrongKey.get("error").asText()).startsWith("Invalid e_data");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBearerAuth(token + "x");
		assertThat(http.exchange("/sandbox/isp/ispws/isp/v1/getRequestValidatedAndRequestID", HttpMethod.POST,
				new HttpEntity<>("{}", headers), String.class).getStatusCode().value()).isEqualTo(401);
	}

	// ----- helpers -----

	private Handover landFromIsp(String ispServiceCode, Map<String, Object> profile) throws Exception {
		return handovers().land(ispServiceCode, profile);
	}

	private void submitBirth(Handover handover) throws Exception {
		handovers().submitBirth(handover);
	}

	private IspHandovers handovers() {
		return new IspHandovers(mvc, http, driver.documents());
	}

	private String page(Handover handover, String path) throws Exception {
		return mvc.perform(get("/applications/" + handover.applicationNo() + path).cookie(handover.access()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** An officer's decision on the application's open task, through the engine's REST API. */
	private void complete(Application app, String officer, String decision, String remarks) {
		TasklistDecisions.complete(http, tasks, app, officer, decision, remarks);
	}

	private List<Map<String, Object>> calls(String requestId) {
		return handovers().calls(requestId);
	}

	private List<JsonNode> pushes(String requestId) throws Exception {
		return handovers().pushes(requestId);
	}

	private long authentications() {
		return ((Number) http.getForObject("/sandbox/records/isp/authentications", Map.class).get("count")).longValue();
	}

	private JsonNode isp(String token, String eData) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBearerAuth(token);
		return json.readTree(http.exchange("/sandbox/isp/ispws/isp/v1/getRequestValidatedAndRequestID",
				HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(Map.of("dept_id", "SANDBOXDEPT01", "e_data", eData)),
						headers), String.class).getBody());
	}

	private void fault(Map<String, Object> fault) {
		http.exchange("/sandbox/faults/isp", HttpMethod.PUT, json(fault), Map.class);
	}

	private static HttpEntity<Object> json(Object body) {
		return IspHandovers.json(body);
	}

	private static void advance(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

}
