package org.sevahub.portal.bsk;

import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.TasklistDecisions;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * West Bengal's BSK end to end, over real HTTP against the sandbox BSK: API-1 from BSK, the citizen's one-time
 * hand-over to the locked form, a draft (API-2 with 2), the final submission with the fee (API-2 with 3),
 * officers' decisions through the engine's REST API, the signed certificate, API-3's stages in order, and the
 * certificate through API-4 and API-5A/5B.
 */
@SevaHubTest
class BskEndToEndTest {

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
	TaskService tasks;

	@Autowired
	BskConnector connector;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void clockOfItsOwn() {
		// Ahead of every other test's queued messages, so dispatching sends only ours; a second of its own, so the
		// sandbox's tickets (taken from the frozen clock) are never another test's.
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(9)
			.plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000))
			.toInstant()));
	}

	@AfterEach
	void reset() {
		http.delete("/sandbox/faults/bsk");
		ClockUtil.reset();
	}

	@Test
	void fromApi1ThroughDraftSubmissionAndDecisionsToTheCertificateByApi4AndOtp() throws Exception {
		Map<String, Object> citizen = BskRefusalsTest.citizen("Arindam Ray");
		JsonNode sent = send("api1", citizen);
		JsonNode initiated = sent.get("answer");
		assertThat(sent.get("httpStatus").asInt()).as(initiated.toString()).isEqualTo(200);
		assertThat(initiated.get("statusCode").asInt()).isEqualTo(200);
		assertThat(initiated.get("applicationStatus").asInt()).isEqualTo(1);
		assertThat(initiated.get("message").asText()).isEqualTo("initiated");
		assertThat(initiated.get("userId").asLong()).isEqualTo(9054233544L);
		long ticketNo = sent.get("request").get("ticketNo").asLong();
		assertThat(initiated.get("ticketNo").asLong()).isEqualTo(ticketNo).isGreaterThan(Integer.MAX_VALUE);
		assertThat(initiated.get("serviceCode").asText()).isEqualTo("AMD/002");
		assertThat(String.valueOf(initiated.get("appSubTime").asLong())).matches("20\\d{12}");

		// BSK resends the same ticket (a timeout on its side), seconds later: the same application and its
		// appSubTime (not the time of the resend), a fresh hand-over link.
		tick(5);
		Map<String, Object> again = new LinkedHashMap<>(citizen);
		again.put("ticketNo", ticketNo);
		long applicationsBefore = count("application");
		JsonNode resent = send("api1", again).get("answer");
		assertThat(resent.get("statusCode").asInt()).isEqualTo(200);
		assertThat(resent.get("appSubTime").asLong()).isEqualTo(initiated.get("appSubTime").asLong())
			.isNotEqualTo(BskTicket.stamp(org.sevahub.application.EngineClock.now(), IST));
		assertThat(count("application")).isEqualTo(applicationsBefore);

		// The resend's link is the one live link: the first one no longer opens the form.
		String firstLanding = initiated.get("redirectUrl").asText().replaceAll("^https?://[^/]+", "");
		MockHttpServletResponse superseded = mvc.perform(get(firstLanding)).andReturn().getResponse();
		assertThat(superseded.getStatus()).isEqualTo(400);
		assertThat(superseded.getContentAsString()).contains("BSK has since issued a newer one");
		String landing = resent.get("redirectUrl").asText().replaceAll("^https?://[^/]+", "");
		assertThat(landing).startsWith("/bsk/landing?h=");
		MockHttpServletResponse landed = mvc.perform(get(landing)).andReturn().getResponse();
		assertThat(landed.getStatus()).as(landed.getContentAsString()).isEqualTo(303);
		String no = landed.getRedirectedUrl().replaceAll("^/applications/([^/]+)/form$", "$1");
		Cookie access = landed.getCookie("sevahub_app_" + no);
		assertThat(access).isNotNull();
		MockHttpServletResponse reused = mvc.perform(get(landing)).andReturn().getResponse();
		assertThat(reused.getStatus()).isEqualTo(400);
		assertThat(reused.getContentAsString()).contains("already been used");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM bsk_handover h JOIN application a ON a.id = h.application_id "
				+ "WHERE a.application_no = :no AND h.used_at IS NULL AND h.expires_at > :now")
			.param("no", no)
			.param("now", org.sevahub.application.ApplicationRepository.timestamp(org.sevahub.application.EngineClock.now()))
			.query(Long.class)
			.single()).as("no live link left").isZero();

		String form = mvc.perform(get("/applications/" + no + "/form").cookie(access)).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains("value=\"Arindam Ray\"", "value=\"9350778824\"");
		assertThat(form).as("the service named in Bengali for BSK's citizens").contains("আয় শংসাপত্র");
		assertThat(form).containsPattern("id=\"f-applicant-nameEn\"[^>]*readonly");
		assertThat(form).containsPattern("id=\"f-applicant-mobile\"[^>]*readonly");

		Map<String, String> values = ProcessDriver.validForm("INCOME-CERT");
		values.put("applicant.nameLocal", "অরিন্দম রায়");
		values.put("applicant.nameEn", "Someone Else");
		tick(61);
		MockHttpServletResponse draft = mvc.perform(form(no, access, values, "draft")).andReturn().getResponse();
		assertThat(draft.getStatus()).as(draft.getContentAsString()).isBetween(200, 399);
		dispatcher.dispatchDue();
		tick(61);
		MockHttpServletResponse submitted = mvc.perform(form(no, access, values, "submit")).andReturn().getResponse();
		assertThat(submitted.getRedirectedUrl()).as(submitted.getContentAsString()).endsWith("/acknowledgement");
		tick(61);
		http.postForEntity("/sandbox/payment/" + no + "?amount=33.60", null, String.class);
		Application app = applications.get(no);
		assertThat(applications.applicantOf(app).nameEn()).as("BSK's name is locked").isEqualTo("Arindam Ray");
		assertThat(applications.applicantOf(app).nameLocal()).isEqualTo("অরিন্দম রায়");

		tick(61);
		complete(app, "assistant", "forward", "কাগজপত্র ঠিক আছে");
		tick(61);
		complete(app, "officer", "approve", "Approved");
		tick(61);
		driver.runAsyncSteps(app);
		tick(61);
		dispatcher.dispatchDue();

		List<JsonNode> api2 = api2(no);
		assertThat(api2).extracting(c -> c.get("applicationStatus").asInt()).containsExactly(2, 3);
		JsonNode draftCall = api2.get(0);
		assertThat(draftCall.get("message").asText()).isEqualTo("Draft Submitted");
		assertThat(draftCall.get("userid").asLong()).isEqualTo(9054233544L);
		assertThat(draftCall.get("ticketNo").asLong()).isEqualTo(ticketNo);
		assertThat(draftCall.get("serviceCode").asText()).isEqualTo("AMD/002");
		assertThat(draftCall.get("appNo").asText()).isEqualTo(no);
		assertThat(draftCall.get("paidAmt").asDouble()).isZero();
		JsonNode finalCall = api2.get(1);
		assertThat(finalCall.get("message").asText()).isEqualTo("Final Submitted");
		assertThat(finalCall.get("deptPayRefNo").asText()).startsWith("SBX-");
		assertThat(finalCall.get("paidAmt").asDouble()).isEqualTo(33.6);
		// The clock moved between API-1, the draft, the submission, the payment and the decisions: appSubTime is
		// the moment the SUBMITTED status was recorded (once the fee was paid, 61 s after the form was sent, so
		// not application.submittedAt), not API-1's nor the moment API-2 went out.
		java.time.Instant submittedStatus = driver.history(app).stream().filter(e -> e.status().equals("SUBMITTED"))
			.findFirst().orElseThrow().occurredAt();
		assertThat(submittedStatus).isAfter(applications.get(no).submittedAt());
		assertThat(String.valueOf(finalCall.get("appSubTime").asLong()))
			.isEqualTo(BskTicket.FORMAT.format(submittedStatus.atZone(IST)))
			.isNotEqualTo(String.valueOf(initiated.get("appSubTime").asLong()))
			.isNotEqualTo(String.valueOf(BskTicket.stamp(org.sevahub.application.EngineClock.now(), IST)));

		// API-3: every stage, in order, with its time.
		Map<String, Object> query = Map.of("userId", 9054233544L, "tokenNo", ticketNo, "serviceCode", "AMD/002",
				"applicationNo", no);
		JsonNode status = send("api3", query).get("answer");
		assertThat(status.get("statusCode").asInt()).isEqualTo(200);
		assertThat(status.get("applicationStatus").asInt()).isEqualTo(4);
		assertThat(status.get("ServiceCode").asText()).isEqualTo("AMD/002");
		assertThat(status.get("serviceName").asText()).isEqualTo("Income Certificate");
		List<JsonNode> stages = list(status.get("applicationStage"));
		// Every status the process recorded, in its order, named as bsk.yml names it, at the time it was recorded.
		List<StatusHistoryEntry> recorded = driver.history(app);
		BskStatusMap bskYml = BskStatusMap.load();
		assertThat(stages).extracting(s -> s.get("message").asText())
			.containsExactlyElementsOf(recorded.stream()
				.map(e -> bskYml.stage(e.status())
						+ (e.remarks() == null || e.remarks().isBlank() ? "" : ": " + e.remarks()))
				.toList());
		assertThat(stages).extracting(s -> s.get("responseTime").asLong())
			.containsExactlyElementsOf(recorded.stream().map(e -> BskTicket.stamp(e.occurredAt(), IST)).toList());
		assertThat(stages).extracting(s -> s.get("message").asText().replaceAll(":.*", ""))
			.startsWith("Application initiated at BSK", "Draft saved")
			.contains("Successfully Submitted", "Certificate Issued");
		assertThat(stages).anySatisfy(s -> assertThat(s.get("message").asText()).endsWith("কাগজপত্র ঠিক আছে"));
		List<Long> times = stages.stream().map(s -> s.get("responseTime").asLong()).toList();
		assertThat(times).isSorted().allSatisfy(t -> assertThat(String.valueOf(t)).hasSize(14));
		assertThat(new java.util.HashSet<>(times)).as("the clock moved between the steps").hasSizeGreaterThanOrEqualTo(5);

		// API-4: the link, then the signed PDF itself.
		IssuedDocuments.IssuedDocument certificate = documents.forApplication(app.id()).orElseThrow();
		JsonNode link = send("api4", Map.of("userid", 9054233544L, "ticketNo", ticketNo, "serviceCode", "AMD002",
				"documentNo", certificate.number())).get("answer");
		assertThat(link.get("statusCode").asInt()).as(link.toString()).isEqualTo(200);
		assertThat(link.get("applicationStatus").asInt()).isEqualTo(5);
		assertThat(link.get("documentType").asInt()).isEqualTo(1);
		assertThat(link.get("documentValue").asText()).isEqualTo(certificate.downloadUrl());
		ResponseEntity<byte[]> pdf = http.getForEntity(certificate.downloadUrl(), byte[].class);
		assertThat(pdf.getStatusCode().value()).isEqualTo(200);
		JsonNode inline = send("api4", Map.of("userId", 9054233544L, "tokenNo", ticketNo, "serviceCode", "AMD/002",
				"applicationNo", no, "documentType", 2)).get("answer");
		byte[] bytes = Base64.getDecoder().decode(inline.get("documentValue").asText());
		assertThat(bytes).isEqualTo(documents.pdf(certificate.number()).orElseThrow());
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(certificate.signed()).isTrue();
		assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a PAdES signature dictionary")
			.contains("/ByteRange", "/SubFilter");

		// API-5A/5B: the OTP goes to the citizen's mobile, the right one gives the document once.
		long otpId = System.nanoTime() % 1_000_000_000_000L;
		JsonNode generated = send("api5a", Map.of("otpld", otpId, "documentNo", certificate.number())).get("answer");
		assertThat(generated.get("otpGenStatus").asInt()).as(generated.toString()).isEqualTo(1);
		assertThat(generated.get("otpld").asLong()).isEqualTo(otpId);
		String otp = latestOtp("9350778824");
		assertThat(jdbc.sql("SELECT otp_hash FROM bsk_otp WHERE otp_id = :id").param("id", otpId).query(String.class)
			.single()).doesNotContain(otp);
		// The right OTP in a call refused for another reason (a documentType BSK's table lacks): nothing is spent.
		JsonNode refused = send("api5b", Map.of("otpId", otpId, "userTypedOtp", Long.parseLong(otp), "documentType", 3))
			.get("answer");
		assertThat(refused.get("statusCode").asInt()).as(refused.toString()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT used_at FROM bsk_otp WHERE otp_id = :id").param("id", otpId).query().singleRow()
			.get("used_at")).isNull();
		JsonNode verified = send("api5b", Map.of("otpId", otpId, "userTypedOtp", Long.parseLong(otp), "documentType", 2))
			.get("answer");
		assertThat(verified.get("statusCode").asInt()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.get("ServiceCode").asText()).isEqualTo("AMD002");
		assertThat(verified.get("documentType").asInt()).isEqualTo(2);
		assertThat(Base64.getDecoder().decode(verified.get("documentValue").asText())).isEqualTo(bytes);
		JsonNode replay = send("api5b", Map.of("otpId", otpId, "userTypedOtp", Long.parseLong(otp))).get("answer");
		assertThat(replay.get("statusCode").asInt()).isEqualTo(400);
		assertThat(replay.get("message").asText()).contains("already been used");
	}

	@Test
	void api2IsRetriedWhileBskIsDownAndASecondSendIsAnsweredAsAlreadyReceived() throws Exception {
		JsonNode initiated = send("api1", Map.of("serviceCode", "AMD001", "name", "Sunita Banerjee", "mobile",
				"9876501234", "gender", "female")).get("answer");
		String landing = initiated.get("redirectUrl").asText().replaceAll("^https?://[^/]+", "");
		MockHttpServletResponse landed = mvc.perform(get(landing)).andReturn().getResponse();
		String no = landed.getRedirectedUrl().replaceAll("^/applications/([^/]+)/form$", "$1");
		fault(Map.of("mode", "DOWN", "forSeconds", 1800));
		mvc.perform(form(no, landed.getCookie("sevahub_app_" + no), ProcessDriver.validForm("BIRTH-CERT"), "submit"));
		dispatcher.dispatchDue();
		assertThat(api2(no)).isEmpty();
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(31 * 60)));
		dispatcher.dispatchDue();
		List<JsonNode> api2 = api2(no);
		assertThat(api2).extracting(c -> c.get("applicationStatus").asInt()).containsExactly(3);
		assertThat(api2.get(0).get("paidAmt").asDouble()).as("a free service").isZero();
		assertThat(api2.get(0).get("deptPayRefNo").asText()).isEmpty();

		// A node that crashed after BSK took the message sends it again: BSK says it has it.
		Application app = applications.get(no);
		Map<String, Object> row = jdbc.sql("SELECT id, seq, kind, status, payload FROM delivery WHERE application_id = :app "
				+ "AND portal = 'bsk'").param("app", app.id()).query().singleRow();
		SendResult again = connector.send(new QueuedMessage(((Number) row.get("id")).longValue(), app.id(), no, "bsk",
				((Number) row.get("seq")).intValue(), (String) row.get("kind"), (String) row.get("status"),
				(String) row.get("payload"), 2));
		assertThat(again).isInstanceOf(SendResult.AlreadyReceived.class);
	}

	@Test
	void anOtpThatIsWrongTooOftenExpiredOrReusedGivesNoDocument() throws Exception {
		JsonNode initiated = send("api1", Map.of("serviceCode", "AMD001", "name", "মিতালী পাল", "mobile", "9831012345"))
			.get("answer");
		String landing = initiated.get("redirectUrl").asText().replaceAll("^https?://[^/]+", "");
		MockHttpServletResponse landed = mvc.perform(get(landing)).andReturn().getResponse();
		String no = landed.getRedirectedUrl().replaceAll("^/applications/([^/]+)/form$", "$1");
		Map<String, String> values = ProcessDriver.validForm("BIRTH-CERT");
		values.put("applicant.nameEn", "Mitali Pal");
		MockHttpServletResponse submitted = mvc.perform(form(no, landed.getCookie("sevahub_app_" + no), values, "submit"))
			.andReturn().getResponse();
		assertThat(submitted.getRedirectedUrl()).as(submitted.getContentAsString()).endsWith("/acknowledgement");
		Application app = applications.get(no);
		complete(app, "assistant", "forward", null);
		complete(app, "officer", "approve", null);
		driver.runAsyncSteps(app);
		String documentNo = documents.forApplication(app.id()).orElseThrow().number();

		// Three wrong tries kill the OTP, even for the right one after them.
		long otpId = System.nanoTime() % 1_000_000_000_000L;
		assertThat(send("api5a", Map.of("otpld", otpId, "documentNo", documentNo)).get("answer").get("otpGenStatus").asInt())
			.isEqualTo(1);
		String otp = latestOtp("9831012345");
		long wrong = Long.parseLong(otp) == 999_999 ? 100_000 : Long.parseLong(otp) + 1;
		assertThat(otpAnswer(otpId, wrong).get("message").asText()).contains("Wrong OTP", "2 tries left");
		assertThat(otpRow(otpId)).containsEntry("attempts", 1).containsEntry("used_at", null);
		assertThat(otpAnswer(otpId, wrong).get("message").asText()).contains("1 try left");
		assertThat(otpAnswer(otpId, wrong).get("message").asText()).contains("no tries left");
		assertThat(otpRow(otpId)).containsEntry("attempts", 3).containsEntry("used_at", null);
		Map<String, Object> spentRow = otpRow(otpId);
		JsonNode tooMany = otpAnswer(otpId, Long.parseLong(otp));
		assertThat(tooMany.get("statusCode").asInt()).isEqualTo(400);
		assertThat(tooMany.get("message").asText()).contains("Too many wrong OTPs");
		assertThat(tooMany.has("documentValue")).isFalse();
		assertThat(otpRow(otpId)).as("the refusal wrote nothing").isEqualTo(spentRow);

		// An otpld BSK used once cannot be used for a second OTP, and no SMS goes out for it.
		int smsBefore = http.getForObject("/sandbox/sms?mobile=9831012345", List.class).size();
		JsonNode reusedId = send("api5a", Map.of("otpld", otpId, "documentNo", documentNo)).get("answer");
		assertThat(http.getForObject("/sandbox/sms?mobile=9831012345", List.class)).hasSize(smsBefore);
		assertThat(reusedId.get("statusCode").asInt()).isEqualTo(400);
		assertThat(reusedId.get("message").asText()).contains("has already been used for an OTP");
		assertThat(otpRow(otpId)).as("the first OTP of that otpld is untouched").isEqualTo(spentRow);

		// An OTP typed after its five minutes is refused; a wrong one before that leaves it usable.
		long late = otpId + 1;
		send("api5a", Map.of("otpId", late, "applicationNo", no));
		String lateOtp = latestOtp("9831012345");
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(6 * 60)));
		JsonNode expired = otpAnswer(late, Long.parseLong(lateOtp));
		assertThat(expired.get("message").asText()).contains("has expired");
		assertThat(otpRow(late)).containsEntry("attempts", 0).containsEntry("used_at", null);

		long fresh = otpId + 2;
		send("api5a", Map.of("otpld", fresh, "documentNo", documentNo));
		String freshOtp = latestOtp("9831012345");
		long wrongFresh = Long.parseLong(freshOtp) == 999_999 ? 100_000 : Long.parseLong(freshOtp) + 1;
		assertThat(otpAnswer(fresh, wrongFresh).get("statusCode").asInt()).isEqualTo(400);
		assertThat(otpRow(fresh)).containsEntry("attempts", 1).containsEntry("used_at", null);
		JsonNode right = otpAnswer(fresh, Long.parseLong(freshOtp));
		assertThat(right.get("statusCode").asInt()).as(right.toString()).isEqualTo(200);
		assertThat(right.get("documentType").asInt()).isEqualTo(1);
		assertThat(right.get("documentValue").asText()).isEqualTo(documents.forApplication(app.id()).orElseThrow().downloadUrl());
		Map<String, Object> usedRow = otpRow(fresh);
		assertThat(usedRow.get("used_at")).isNotNull();
		assertThat(otpAnswer(fresh, Long.parseLong(freshOtp)).get("message").asText()).contains("already been used");
		assertThat(otpRow(fresh)).as("a replay changes nothing").isEqualTo(usedRow);
	}

	private Map<String, Object> otpRow(long otpId) {
		return jdbc.sql("SELECT attempts, used_at, expires_at, otp_hash FROM bsk_otp WHERE otp_id = :id")
			.param("id", otpId)
			.query()
			.singleRow();
	}

	private JsonNode otpAnswer(long otpId, long typed) throws Exception {
		return send("api5b", Map.of("otpld", otpId, "userTypedOtp", typed)).get("answer");
	}

	// ----- helpers -----

	static final java.time.ZoneId IST = java.time.ZoneId.of("Asia/Kolkata");

	/** Moves the engine's clock on, so times recorded before and after a step differ. */
	private static void tick(long seconds) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(seconds)));
	}

	private JsonNode send(String api, Map<String, Object> fields) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return json.readTree(http.postForObject("/sandbox/records/bsk/send/" + api, new HttpEntity<>(fields, headers),
				String.class));
	}

	private void fault(Map<String, Object> fault) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		http.exchange("/sandbox/faults/bsk", HttpMethod.PUT, new HttpEntity<>(fault, headers), Map.class);
	}

	private List<JsonNode> api2(String appNo) throws Exception {
		List<Map<String, Object>> calls = http.exchange("/sandbox/records/bsk/api2?appNo=" + appNo, HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
			.getBody();
		List<JsonNode> accepted = new java.util.ArrayList<>();
		for (Map<String, Object> call : calls) {
			if ("SUCCESS".equals(call.get("outcome"))) {
				accepted.add(json.readTree((String) call.get("body")));
			}
		}
		return accepted;
	}

	private String latestOtp(String mobile) {
		List<?> inbox = http.getForObject("/sandbox/sms?mobile=" + mobile, List.class);
		String message = (String) ((Map<?, ?>) inbox.get(0)).get("message");
		Matcher otp = Pattern.compile("OTP (\\d{6})").matcher(message);
		assertThat(otp.find()).as(message).isTrue();
		return otp.group(1);
	}

	/** The citizen's form posted; before a submission, the documents it needs are sent as the form's script does. */
	private MockHttpServletRequestBuilder form(String no, Cookie access, Map<String, String> values, String action) {
		if ("submit".equals(action)) {
			driver.documents().attachNeeded(applications.get(no), values);
		}
		MockHttpServletRequestBuilder request = post("/applications/" + no + "/form").with(csrf()).cookie(access);
		values.forEach(request::param);
		return request.param("action", action);
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new java.util.ArrayList<>();
		array.forEach(items::add);
		return items;
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	/** An officer's decision on the application's open task, through the engine's REST API. */
	private void complete(Application app, String officer, String decision, String remarks) {
		TasklistDecisions.complete(http, tasks, app, officer, decision, remarks);
	}

}
