package org.sevahub.portal.dci;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.NewApplication;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sevahub.testsupport.ProcessDriver.days;

/**
 * The registry answering later (search mode async): the process waits, the sandbox registry's callback to
 * /registry/on-search (flushed by hand here) moves it on; a silent registry is asked again after a day; status
 * checks; and our callback endpoints refusing what a registry must not be believed about.
 */
@TestPropertySource(properties = { "sevahub.portals.dci.search-mode=async", "sevahub.sandbox.dci.auto-callbacks=false" })
class DciAsyncRegistryTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DciRegistry registry;

	@Autowired
	ObjectMapper json;

	@Value("${sevahub.sandbox.dci.signing-key}")
	String registrySeed;

	@Value("${sevahub.sandbox.dci.encryption-keys[sevahub.dept.example.in]}")
	String ourEncryptionKey;

	@Value("${sevahub.portals.dci.receiver-id}")
	String registryId;

	@Value("${sevahub.portals.dci.sender-id}")
	String ourId;

	@Test
	void theProcessWaitsForTheAnswerAndGoesOnToSanction() {
		Application app = pending(DciPeople.pensionForm("Arjun Pawar", "अर्जुन पवार", DciPeople.newAadhaar()));
		assertThat(flush()).isEqualTo(1);
		assertThat(driver.instance(app)).hasPassed("Task_AwaitRegistry").isWaitingAt("Task_Sanction");

		int searches = 0;
		for (JsonNode received : inboxOf("/registry/search")) {
			assertThat(DciSpec.requestErrors("/registry/search", received)).as("%s", received).isEmpty();
			assertThat(received.at("/header/sender_uri").asText()).endsWith("/registry/on-search");
			searches++;
		}
		assertThat(searches).isPositive();
	}

	private java.util.List<JsonNode> inboxOf(String path) {
		java.util.List<JsonNode> bodies = new java.util.ArrayList<>();
		for (JsonNode received : http.getForObject("/sandbox/records/dci/inbox", JsonNode.class)) {
			if (path.equals(received.path("path").asText()) && "OK".equals(received.path("outcome").asText())) {
				try {
					bodies.add(json.readTree(received.path("body").asText()));
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
		}
		return bodies;
	}

	@Test
	void anAnswerShowingAnEnrollmentGoesToDuplicateReviewWhichMayClearIt() {
		String aadhaar = DciPeople.newAadhaar();
		Application first = pending(DciPeople.pensionForm("Savita Shinde", "सविता शिंदे", aadhaar));
		flush();
		driver.decide(first, "Task_Sanction", "approve", null);
		driver.runAsyncSteps(first);
		dispatcher.dispatchDue();

		Application second = pending(DciPeople.pensionForm("Savita Shinde", "सविता शिंदे", aadhaar));
		assertThat(flush()).isEqualTo(1);
		assertThat(driver.instance(second)).isWaitingAt("Task_ReviewDuplicate");
		driver.decide(second, "Task_ReviewDuplicate", "approve", "A different Savita Shinde: other village");
		assertThat(driver.instance(second)).hasPassed("Gw_DuplicateOutcome").isWaitingAt("Task_Sanction");
	}

	@Test
	void aRegistrySilentForADayIsAskedAgainAndTheStaleAnswerIsNotTaken() {
		Application app = pending(DciPeople.pensionForm("Ganesh Kale", "गणेश काळे", DciPeople.newAadhaar()));
		String firstTxn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		assertThat(driver.advanceClock(app, days(1).plusMinutes(1))).isEqualTo(1);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).hasPassed("Timer_RegistrySilent").isWaitingAt("Task_AwaitRegistry");
		assertThat(runtime.getVariable(app.processInstanceId(), "registryTransactionId")).isNotEqualTo(firstTxn);
		// Both answers go out; only the one for the search the process waits on is taken.
		assertThat(flush()).isEqualTo(1);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	@Test
	void aStatusCheckAnswersAPendingSearchSynchronouslyOrThroughOnStatus() throws Exception {
		Application sync = pending(DciPeople.pensionForm("Farida Khatun", "ফরিদা খাতুন", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(sync.processInstanceId(), "registryTransactionId");
		assertThat(registry.checkSearch(txn, false)).contains(false);
		assertThat(driver.instance(sync)).isWaitingAt("Task_Sanction");

		Application async = pending(DciPeople.pensionForm("Bimal Roy", "বিমল রায়", DciPeople.newAadhaar()));
		String asyncTxn = (String) runtime.getVariable(async.processInstanceId(), "registryTransactionId");
		assertThat(registry.checkSearch(asyncTxn, true)).isEmpty();
		assertThat(flush()).isGreaterThanOrEqualTo(1);
		assertThat(driver.instance(async)).isWaitingAt("Task_Sanction");
		int statusChecks = 0;
		for (String path : new String[] { "/registry/sync/txn/status", "/registry/txn/status" }) {
			for (JsonNode received : inboxOf(path)) {
				String asked = received.at("/message/txnstatus_request/attribute_value/0").asText();
				if (asked.startsWith(txn) || asked.startsWith(asyncTxn)) {
					assertThat(DciSpec.requestErrors(path, received)).isEmpty();
					statusChecks++;
				}
			}
		}
		assertThat(statusChecks).isEqualTo(2);
	}

	@Test
	void onSearchRefusesForgeriesThenTakesAnEncryptedAnswerOnce() throws Exception {
		Application app = pending(DciPeople.pensionForm("Rina Das", "রিনা দাস", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		ObjectNode answer = json.createObjectNode().put("transaction_id", txn).put("correlation_id", "c-1");
		answer.putArray("search_response")
			.addObject()
			.put("reference_id", txn + "-id")
			.put("timestamp", DciCodec.timestamp(java.time.Instant.now()))
			.put("status", "succ")
			.putObject("data")
			.putArray("reg_records");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		DciBearer registryBearer = new DciBearer(registryId, Ed25519Keys.privateKey(registrySeed), s -> Optional.empty(),
				Duration.ofMinutes(5), Duration.ofSeconds(30));

		ObjectNode tampered = registryCodec.seal(header(registryCodec), answer.deepCopy());
		((ObjectNode) tampered.get("message")).put("correlation_id", "c-2");
		assertRefused(onSearch(tampered, registryBearer.issue(ourId)), 401, "err.signature.invalid");

		Ed25519PrivateKeyParameters ours = Ed25519Keys.privateKey("e8cbhduSziJRSUbyKzFZdT6TU30EeFEfr3jSN/SNFfM=");
		DciCodec wrongKey = codec(registryId, ours);
		assertRefused(onSearch(wrongKey.seal(header(wrongKey), answer.deepCopy()), registryBearer.issue(ourId)), 401,
				"err.signature.invalid");

		DciCodec stranger = codec("stranger.example.in", Ed25519Keys.privateKey(registrySeed));
		assertRefused(onSearch(stranger.seal(header(stranger), answer.deepCopy()), registryBearer.issue(ourId)), 401,
				"err.sender_id.invalid");

		Date now = ClockUtil.getCurrentTime();
		ClockUtil.setCurrentTime(new Date(now.getTime() - Duration.ofMinutes(10).toMillis()));
		ObjectNode expired = registryCodec.seal(header(registryCodec), answer.deepCopy());
		ClockUtil.setCurrentTime(now);
		assertRefused(onSearch(expired, registryBearer.issue(ourId)), 401, "err.signature.invalid");

		assertRefused(onSearch(registryCodec.seal(header(registryCodec), answer.deepCopy()), null), 401,
				"err.request.unauthorized");
		ObjectNode otherTxn = answer.deepCopy().put("transaction_id", "not-ours");
		assertRefused(onSearch(registryCodec.seal(header(registryCodec), otherTxn), registryBearer.issue(ourId)), 400,
				"rjct.reference_id.invalid");
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");

		ObjectNode header = header(registryCodec);
		header.put("is_msg_encrypted", true);
		ObjectNode encrypted = registryCodec.seal(header,
				DciMessageCrypto.encrypt(json, answer, DciMessageCrypto.rsaPublicKey(ourEncryptionKey), "k"));
		ResponseEntity<String> taken = onSearch(encrypted, registryBearer.issue(ourId));
		assertThat(taken.getStatusCode().value()).isEqualTo(200);
		JsonNode ack = json.readTree(taken.getBody());
		assertThat(ack.at("/message/ack_status").asText()).isEqualTo("ACK");
		assertThat(DciSpec.ackErrors(ack)).isEmpty();
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");

		assertRefused(onSearch(encrypted, registryBearer.issue(ourId)), 409, "rjct.message_id.duplicate");
		assertRefused(onSearch(registryCodec.seal(header(registryCodec), answer.deepCopy()), registryBearer.issue(ourId)),
				409, "rjct.reference_id.duplicate");
	}

	@Test
	void aSearchTheRegistryRejectedIsAcknowledgedRecordedAndSearchedAgainLater() throws Exception {
		Application app = pending(DciPeople.pensionForm("Kavita Jadhav", "कविता जाधव", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		ObjectNode answer = json.createObjectNode().put("transaction_id", txn).put("correlation_id", "c-9");
		answer.putArray("search_response")
			.addObject()
			.put("reference_id", txn + "-id")
			.put("timestamp", "2026-12-07T04:30:00Z")
			.put("status", "rjct")
			.put("status_reason_code", "rjct.search_criteria.invalid")
			.put("status_reason_message", "query_type not supported");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		DciBearer registryBearer = new DciBearer(registryId, Ed25519Keys.privateKey(registrySeed), s -> Optional.empty(),
				Duration.ofMinutes(5), Duration.ofSeconds(30));
		ResponseEntity<String> taken = onSearch(registryCodec.seal(header(registryCodec), answer), registryBearer.issue(ourId));
		assertThat(taken.getStatusCode().value()).isEqualTo(200);
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("rjct.search_criteria.invalid"));
		assertThat(driver.advanceClock(app, days(1).plusMinutes(1))).isEqualTo(1);
		driver.runAsyncSteps(app);
		assertThat(flush()).isEqualTo(1);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	private DciCodec codec(String id, Ed25519PrivateKeyParameters key) {
		return new DciCodec(json, id, "k", key, s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30),
				null);
	}

	private ObjectNode header(DciCodec from) {
		return from.callbackHeader("on-search", ourId, "succ", null, null, 1, 1);
	}

	private ResponseEntity<String> onSearch(ObjectNode envelope, String token) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return http.exchange("/registry/on-search", HttpMethod.POST,
				new HttpEntity<>(json.writeValueAsString(envelope), headers), String.class);
	}

	private void assertRefused(ResponseEntity<String> response, int status, String code) throws Exception {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.at("/errors/0/code").asText()).isEqualTo(code);
		assertThat(DciSpec.httpErrorErrors(body)).isEmpty();
	}

	private int flush() {
		return http.postForObject("/sandbox/records/dci/callbacks/flush", null, JsonNode.class).path("sent").asInt();
	}

	private Application pending(Map<String, String> form) {
		Application app = applications.create(NewApplication.direct("OLD-AGE-PENSION", form));
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).hasPassed("Task_SearchRegistry").isWaitingAt("Task_AwaitRegistry");
		return driver.reload(app);
	}

}
