package org.sevahub.portal.dci;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.NewApplication;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The welfare scheme against the sandbox registry over real HTTP, the registry answering at once (the default
 * search mode): searched, sanctioned, delivered, enrolled; the same person again caught as a duplicate; a
 * withdrawal reported; every message SevaHub sent valid against the spec; forged requests refused.
 */
class DciEndToEndTest extends ProcessTestSupport {

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DciRegistry registry;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	DciCodec codec;

	@Autowired
	DciConnector connector;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	DciBearer bearer;

	@Value("${sevahub.sandbox.dci.signing-key}")
	String registrySeed;

	@Value("${sevahub.portals.dci.receiver-id}")
	String registryId;

	@Test
	void searchedSanctionedDeliveredEnrolledAndTheSamePersonAgainIsADuplicate() throws Exception {
		String aadhaar = DciPeople.newAadhaar();
		Application app = verified(DciPeople.pensionForm("Subrata Mondal", "সুব্রত মণ্ডল", aadhaar));
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).hasPassed("Task_SearchRegistry").isWaitingAt("Task_Sanction");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).endsWith("not enrolled in OAP"));

		driver.decide(app, "Task_Sanction", "approve", "অনুমোদিত");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Task_ReportEnrollment", "End_Delivered");
		assertThat(registry.enrolled(app, catalog.get("OLD-AGE-PENSION"))).isFalse();
		dispatcher.dispatchDue();

		JsonNode record = beneficiary(app.applicationNo());
		assertThat(record.at("/member/programme_identifier/enrolment_status").asText()).isEqualTo("Active");
		assertThat(record.at("/member/programme_identifier/benefits/benefit_value").asText()).isEqualTo("INR 1000.00");
		assertThat(record.at("/member/additional_attributes/0/attribute_value").asText()).isEqualTo("সুব্রত মণ্ডল");
		assertThat(record.toString()).doesNotContain(aadhaar);
		assertThat(registry.enrolled(app, catalog.get("OLD-AGE-PENSION"))).isTrue();

		Application again = verified(DciPeople.pensionForm("Subrata Mondal", "সুব্রত মণ্ডল", aadhaar));
		driver.runAsyncSteps(again);
		assertThat(driver.instance(again)).isWaitingAt("Task_ReviewDuplicate");
		assertThat(BpmnAwareTests.task(driver.instance(again))).hasCandidateGroup("designatedOfficer:WB-KOL");
		// The officer sees which registry record matched: the first application's, enrolled, and on what; in English
		// and the state language (the tests': Hindi) as the rest of the brief, dates in words, the programme by its
		// name. The search's transaction id is for support staff, in the event log; not in the officer's brief.
		String brief = matchesInTheBrief(again);
		assertThat(driver.registryRows(again)).containsExactly("Registry record " + app.applicationNo()
				+ ": Subrata Mondal, born 1 January 1950; matched on Aadhaar, name, date of birth; Old Age Pension (DBT): "
				+ "active since 7 December 2026; identifier: Aadhaar (keyed hash, not shown) / रजिस्ट्री अभिलेख "
				+ app.applicationNo() + ": Subrata Mondal, जन्म 1 जनवरी 1950; मेल खाए: आधार, नाम, जन्म तिथि; "
				+ "वृद्धावस्था पेंशन (डीबीटी): 7 दिसंबर 2026 से सक्रिय; पहचान: आधार (कुंजीबद्ध हैश, दिखाया नहीं गया)",
				"The registry lists the applicant as enrolled in Old Age Pension (DBT) / रजिस्ट्री में आवेदक "
						+ "वृद्धावस्था पेंशन (डीबीटी) में नामांकित दर्ज है");
		String transaction = (String) engine.getRuntimeService()
			.getVariable(driver.instance(again).getId(), "registryTransactionId");
		assertThat(brief).doesNotContain(transaction, "(OAP)", "in OAP", "01.01.1950", "Active");
		assertThat(events.of(again.id())).anySatisfy(e -> assertThat(e.detail()).startsWith(transaction + ": "));
		assertThat(brief).doesNotContain(aadhaar, applications.applicantOf(again).aadhaarHash());
		driver.decide(again, "Task_ReviewDuplicate", "reject", "Already receives the pension");
		assertThat(driver.instance(again)).hasPassed("Gw_NotGranted").hasNotPassed("Task_Sanction");
		assertThat(driver.statuses(again)).endsWith("REJECTED");

		// A namesake born the same day, without Aadhaar on file, is found by the demographic search too.
		Map<String, String> namesake = DciPeople.pensionForm("subrata  MONDAL", "সুব্রত মণ্ডল", DciPeople.newAadhaar());
		Application third = verified(namesake);
		driver.runAsyncSteps(third);
		assertThat(driver.instance(third)).isWaitingAt("Task_ReviewDuplicate");
		assertThat(matchesInTheBrief(third)).contains("Registry record " + app.applicationNo() + ": Subrata Mondal",
				"matched on name, date of birth;");

		everyMessageSevaHubSentValidates();
	}

	@Test
	void aCancelledSanctionWithdrawsTheEnrollment() throws Exception {
		Application app = verified(DciPeople.pensionForm("Meera Joshi", "मीरा जोशी", DciPeople.newAadhaar()));
		driver.runAsyncSteps(app);
		driver.decide(app, "Task_Sanction", "approve", null);
		BpmnAwareTests.execute(BpmnAwareTests.job("Task_Issue", driver.instance(app)));
		assertThat(driver.instance(app)).hasPassed("Task_ReportEnrollment").isWaitingAt("Task_Deliver");
		applications.withdraw(app.applicationNo(), "लाभार्थी का निधन");
		assertThat(driver.instance(app)).isEnded().hasPassed("Task_WithdrawEnrollment", "End_Withdrawn");
		dispatcher.dispatchDue();

		JsonNode record = beneficiary(app.applicationNo());
		assertThat(record.at("/member/programme_identifier/enrolment_status").asText()).isEqualTo("Inactive");
		assertThat(registry.enrolled(app, catalog.get("OLD-AGE-PENSION"))).isFalse();

		// Both went out through the outbox, in order; sent again (a crash before the outcome was recorded), the
		// registry recognises the message and the connector calls it delivered, without a second record.
		List<Map<String, Object>> sent = jdbc.sql("SELECT kind, state, payload FROM delivery WHERE application_id = :app "
				+ "AND portal = 'dci' ORDER BY seq").param("app", app.id()).query().listOfRows();
		assertThat(sent).hasSize(2).allSatisfy(row -> assertThat(row.get("state")).isEqualTo("DELIVERED"));
		int records = beneficiaries().size();
		org.sevahub.delivery.SendResult again = connector.send(new org.sevahub.delivery.QueuedMessage(0, app.id(),
				app.applicationNo(), "dci", 1, (String) sent.get(0).get("kind"), "CERTIFICATE_ISSUED",
				(String) sent.get(0).get("payload"), 2));
		assertThat(again).isInstanceOf(org.sevahub.delivery.SendResult.AlreadyReceived.class);
		assertThat(beneficiaries()).hasSize(records);
		assertThat(beneficiary(app.applicationNo()).at("/member/programme_identifier/enrolment_status").asText())
			.isEqualTo("Inactive");
	}

	@Test
	void theSandboxRegistryRefusesForgedAndRepeatedReportsAndKeepsNothingOfThem() throws Exception {
		int before = beneficiaries().size();
		ObjectNode message = enrollmentMessage("txn-" + System.nanoTime());

		ObjectNode tampered = seal(message);
		((ObjectNode) tampered.at("/message/enrolled_updates/beneficiaries/0/member")).put("member_identifier", "X");
		assertRefused(post(tampered, bearerToken()), 401, "err.signature.invalid");

		DciCodec impostor = new DciCodec(json, codec.senderId(), "k", Ed25519Keys.privateKey(registrySeed),
				s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30), null);
		assertRefused(post(impostor.seal(header(), message), bearerToken()), 401, "err.signature.invalid");

		DciCodec stranger = new DciCodec(json, "stranger.example.in", "k", Ed25519Keys.privateKey(registrySeed),
				s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30), null);
		assertRefused(post(stranger.seal(stranger.callbackHeader("notify", registryId, "succ", null, null, 1, 1), message),
				bearerToken()), 401, "err.sender_id.invalid");

		Date now = ClockUtil.getCurrentTime();
		ClockUtil.setCurrentTime(new Date(now.getTime() - Duration.ofMinutes(10).toMillis()));
		ObjectNode stale = seal(message);
		ClockUtil.setCurrentTime(now);
		assertRefused(post(stale, bearerToken()), 401, "err.signature.invalid");

		assertRefused(post(seal(message), null), 401, "err.request.unauthorized");
		assertRefused(http.exchange("/sandbox/dci/registry/sync/enrollment/updates", org.springframework.http.HttpMethod.POST,
				new HttpEntity<>("{\"header\": ", headers(bearerToken())), String.class), 400, "err.request.bad");
		assertThat(beneficiaries()).hasSize(before);

		ObjectNode first = seal(message);
		assertThat(post(first, bearerToken()).getStatusCode().value()).isEqualTo(200);
		String member = message.at("/enrolled_updates/beneficiaries/0/member/member_identifier").asText();
		assertThat(beneficiary(member).at("/member/programme_identifier/enrolment_status").asText()).isEqualTo("Active");

		// Repeats that would change the record if taken: the same message id, or the same transaction id, now
		// withdrawing the enrollment, each freshly signed (so only the duplicate check can refuse them).
		ObjectNode withdrawal = message.deepCopy();
		((ObjectNode) withdrawal.at("/enrolled_updates/beneficiaries/0/member/programme_identifier"))
			.put("enrolment_status", "Inactive");
		ObjectNode sameMessageId = header().put("message_id", first.at("/header/message_id").asText());
		assertRefused(post(codec.seal(sameMessageId, withdrawal.deepCopy()), bearerToken()), 409,
				"rjct.message_id.duplicate");
		assertRefused(post(seal(withdrawal), bearerToken()), 409, "rjct.reference_id.duplicate");
		assertThat(beneficiaries()).hasSize(before + 1);
		assertThat(beneficiary(member).at("/member/programme_identifier/enrolment_status").asText()).isEqualTo("Active");
	}

	@Test
	void theSandboxRegistryAnswersInTheSpecsShapes() throws Exception {
		Application app = applications.create(NewApplication.direct("OLD-AGE-PENSION",
				DciPeople.pensionForm("Lakshmi Bai", "लक्ष्मी बाई", DciPeople.newAadhaar())));
		DciMessages messages = new DciMessages(json);
		String txn = "t-" + System.nanoTime();
		ObjectNode search = messages.searchRequest(txn, applications.applicantOf(app));
		JsonNode answer = call("/registry/sync/search", codec.requestHeader("search", registryId, 2, null), search);
		assertThat(DciSpec.responseErrors("/registry/sync/search", answer)).isEmpty();
		assertThat(codec.open(json.writeValueAsBytes(answer)).senderId()).isEqualTo(registryId);

		JsonNode status = call("/registry/sync/txn/status", codec.requestHeader("txn-status", registryId, 1, null),
				messages.txnStatusRequest("s-" + txn, DciMessages.referenceIds(search)));
		assertThat(DciSpec.responseErrors("/registry/sync/txn/status", status)).isEmpty();
		assertThat(status.at("/message/txnstatus_response/txn_status/transaction_id").asText()).isEqualTo(txn);

		JsonNode enrolled = call("/registry/sync/enrolled", codec.requestHeader("search", registryId, 1, null),
				messages.enrolledRequest("e-" + txn, applications.applicantOf(app), "OAP"));
		assertThat(DciSpec.componentErrors("EnrolledResponse", enrolled)).isEmpty();
		assertThat(enrolled.at("/enrolled_response/0/enrolled_status").asText()).isEqualTo("no");

		JsonNode updated = call("/registry/sync/enrollment/updates", header(), enrollmentMessage("u-" + txn));
		assertThat(DciSpec.componentErrors("EnrollmentUpdatesResponse", updated)).isEmpty();

		ObjectNode asyncHeader = codec.requestHeader("search", registryId, 2, null);
		JsonNode ack = call("/registry/search", asyncHeader, messages.searchRequest("a-" + txn, applications.applicantOf(app)));
		assertThat(ack.at("/errors/0/code").asText()).isEqualTo("err.sender_uri.invalid");
	}

	private JsonNode call(String path, ObjectNode header, ObjectNode message) throws Exception {
		ResponseEntity<String> response = http.exchange("/sandbox/dci" + path, org.springframework.http.HttpMethod.POST,
				new HttpEntity<>(json.writeValueAsString(codec.seal(header, message)), headers(bearerToken())),
				String.class);
		return json.readTree(response.getBody());
	}

	private ObjectNode enrollmentMessage(String txn) {
		Application app = applications.create(NewApplication.direct("OLD-AGE-PENSION",
				DciPeople.pensionForm("Anil Kumar Verma", "अनिल कुमार वर्मा", DciPeople.newAadhaar())));
		return new DciMessages(json).enrollmentUpdate(txn, app, applications.applicantOf(app),
				catalog.get("OLD-AGE-PENSION"), "Active", java.time.LocalDate.of(2026, 12, 7));
	}

	private ObjectNode header() {
		return codec.callbackHeader("notify", registryId, "succ", null, null, 1, 1);
	}

	private ObjectNode seal(ObjectNode message) {
		return codec.seal(header(), message.deepCopy());
	}

	private String bearerToken() {
		return bearer.issue(registryId);
	}

	private HttpHeaders headers(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return headers;
	}

	private ResponseEntity<String> post(ObjectNode envelope, String token) throws Exception {
		return http.exchange("/sandbox/dci/registry/sync/enrollment/updates", org.springframework.http.HttpMethod.POST,
				new HttpEntity<>(json.writeValueAsString(envelope), headers(token)), String.class);
	}

	/** The duplicate-review task's list of what the registry and SevaHub hold on the person, as its form shows it. */
	private String matchesInTheBrief(Application app) {
		org.camunda.bpm.engine.task.Task task = BpmnAwareTests.task(driver.instance(app));
		SpinJsonNode brief = (SpinJsonNode) engine.getTaskService().getVariableLocal(task.getId(), "brief");
		return brief.prop("matches").toString();
	}

	private void assertRefused(ResponseEntity<String> response, int status, String code) throws Exception {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.at("/errors/0/code").asText()).isEqualTo(code);
		assertThat(DciSpec.httpErrorErrors(body)).isEmpty();
	}

	private void everyMessageSevaHubSentValidates() throws Exception {
		JsonNode inbox = json.readTree(http.getForObject("/sandbox/records/dci/inbox", String.class));
		int checked = 0;
		for (JsonNode received : inbox) {
			if (!"OK".equals(received.path("outcome").asText())) {
				continue;
			}
			JsonNode body = json.readTree(received.path("body").asText());
			assertThat(DciSpec.requestErrors(received.path("path").asText(), body))
				.as("%s %s", received.path("path").asText(), body)
				.isEmpty();
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(6);
	}

	private List<JsonNode> beneficiaries() throws Exception {
		JsonNode all = json.readTree(http.getForObject("/sandbox/records/dci/beneficiaries", String.class));
		List<JsonNode> list = new java.util.ArrayList<>();
		all.forEach(list::add);
		return list;
	}

	private JsonNode beneficiary(String applicationNo) throws Exception {
		for (JsonNode b : beneficiaries()) {
			if (applicationNo.equals(b.path("memberIdentifier").asText())) {
				return json.readTree(b.path("record").asText());
			}
		}
		throw new AssertionError("The registry has no beneficiary " + applicationNo);
	}

	private Application verified(Map<String, String> form) {
		Application app = driver.start("OLD-AGE-PENSION", form);
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		return driver.reload(app);
	}

}
