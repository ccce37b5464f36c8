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
@TestPropertySource(properties = { "sevahub.portals.dci.search-mode=async", "sevahub.sandbox.dci.auto-callbacks=false",
		// A second sender allowed to call us (with the registry's key, for brevity): its token must not carry
		// the registry's messages.
		"sevahub.portals.dci.senders[other.ibr.example.in].public-key=xoXeOn+E4mAw+2Tr/2NV9TGnxGlZfzpeqAwJD5uRXn0=" })
class DciAsyncRegistryTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DciRegistry registry;

	@Autowired
	org.sevahub.desk.OnTheRecord onTheRecord;

	@Autowired
	ObjectMapper json;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
		assertThat(state(firstTxn)).isEqualTo("SUPERSEDED");
		// Both answers go out and are acknowledged; only the one for the search the process waits on is taken,
		// the late one recorded for an officer (not refused for the registry to resend forever).
		assertThat(flush()).isEqualTo(2);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
		assertThat(state(firstTxn)).isEqualTo("ANSWERED_LATE");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).startsWith(firstTxn + " (superseded)")
			.contains("not enrolled"));
		// Officers read the late answer in words, in their language, without the superseded search's transaction.
		assertThat(onTheRecord(app, "en")).contains("Late answer to a search since made again: the registry does not "
				+ "list the applicant as enrolled in Old Age Pension (DBT)");
		assertThat(onTheRecord(app, "hi")).contains("पहले की खोज का देर से आया उत्तर (खोज दोबारा की जा चुकी है): "
				+ "रजिस्ट्री में आवेदक वृद्धावस्था पेंशन (डीबीटी) में नामांकित दर्ज नहीं है");
		assertThat(String.join("\n", onTheRecord(app, "hi"))).doesNotContain(firstTxn);
		assertThat(flush()).isZero();
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
		ObjectNode answer = answer(txn, "succ", "succ");
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
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).startsWith(txn + ": ")
			.contains("rjct.search_criteria.invalid"));
		assertThat(driver.advanceClock(app, days(1).plusMinutes(1))).isEqualTo(1);
		driver.runAsyncSteps(app);
		assertThat(flush()).isEqualTo(1);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
		// The sanctioning officer's brief says the registry refused, in English and the state language (the tests':
		// Hindi), and why in the registry's own words, quoted; the transaction id is for support staff.
		assertThat(driver.registryRows(app)).contains("The registry refused the search for Old Age Pension (DBT) / रजिस्ट्री "
				+ "ने वृद्धावस्था पेंशन (डीबीटी) के लिए खोज अस्वीकार की; reason given by the registry / रजिस्ट्री द्वारा "
				+ "बताया गया कारण: \u201crjct.search_criteria.invalid query_type not supported\u201d");
		assertThat(String.join("\n", driver.registryRows(app))).doesNotContain(txn);
	}

	@Test
	void aPendingAnswerIsAcknowledgedAndTheProcessKeepsWaitingForTheFinalOne() throws Exception {
		Application app = pending(DciPeople.pensionForm("Sunita Pawar", "सुनीता पवार", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		String token = registryBearer().issue(ourId);

		// The whole answer pending (header pdng), one request still pending, one not answered at all, none.
		ObjectNode pdng = registryCodec.callbackHeader("on-search", ourId, "pdng", null, null, 2, 0);
		assertAcknowledged(onSearch(registryCodec.seal(pdng, answer(txn, "pdng", "pdng")), token));
		assertAcknowledged(onSearch(registryCodec.seal(header(registryCodec), answer(txn, "succ", "pdng")), token));
		assertAcknowledged(onSearch(registryCodec.seal(header(registryCodec), answer(txn, "succ", null)), token));
		ObjectNode empty = json.createObjectNode().put("transaction_id", txn);
		empty.putArray("search_response");
		assertAcknowledged(onSearch(registryCodec.seal(header(registryCodec), empty), token));
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(state(txn)).isEqualTo("SENT");
		assertThat(events.of(app.id())).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("REGISTRY_SEARCH_REJECTED"));

		assertAcknowledged(onSearch(registryCodec.seal(header(registryCodec), answer(txn, "succ", "succ")), token));
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
		assertThat(state(txn)).isEqualTo("ANSWERED");
	}

	@Test
	void aRejectionInTheHeaderIsAcknowledgedAndRecordedWithItsReason() throws Exception {
		Application app = pending(DciPeople.pensionForm("Mohan Gaikwad", "मोहन गायकवाड", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		ObjectNode rjct = registryCodec.callbackHeader("on-search", ourId, "rjct", "rjct.search_criteria.invalid",
				"predicate not supported", 2, 0);
		// No search_response at all: the header says it all.
		ObjectNode message = json.createObjectNode().put("transaction_id", txn).put("correlation_id", "c-r");
		assertAcknowledged(onSearch(registryCodec.seal(rjct, message), registryBearer().issue(ourId)));
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(state(txn)).isEqualTo("REJECTED");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("rjct.search_criteria.invalid")
			.contains("predicate not supported"));
	}

	@Test
	void aStatusCheckTheRegistryHasNotDoneOrRejectedIsAcknowledgedAndChangesNothing() throws Exception {
		Application app = pending(DciPeople.pensionForm("Rekha Bhosale", "रेखा भोसले", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		assertThat(registry.checkSearch(txn, true)).isEmpty();
		String check = jdbc.sql("SELECT transaction_id FROM dci_transaction WHERE kind = 'txn-status' "
				+ "AND application_id = :app").param("app", app.id()).query(String.class).single();
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		ObjectNode message = json.createObjectNode().put("transaction_id", check).put("correlation_id", "c-s");

		ObjectNode pdng = registryCodec.callbackHeader("txn-on-status", ourId, "pdng", null, null, 1, 0);
		assertAcknowledged(onStatus(registryCodec.seal(pdng, message.deepCopy()), registryBearer().issue(ourId)));
		assertThat(state(check)).isEqualTo("SENT");
		ObjectNode rjct = registryCodec.callbackHeader("txn-on-status", ourId, "rjct", "rjct.reference_id.invalid",
				"unknown reference", 1, 0);
		assertAcknowledged(onStatus(registryCodec.seal(rjct, message.deepCopy()), registryBearer().issue(ourId)));
		assertThat(state(check)).isEqualTo("REJECTED");
		assertThat(state(txn)).isEqualTo("SENT");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).startsWith(check + ": ")
			.contains("rjct.reference_id.invalid"));
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");

		assertThat(flush()).isGreaterThanOrEqualTo(1);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
		assertThat(driver.registryRows(app)).contains("The registry refused to say how the search for Old Age Pension (DBT) "
				+ "stands / रजिस्ट्री ने वृद्धावस्था पेंशन (डीबीटी) के लिए खोज की स्थिति बताने से इनकार किया; reason given by "
				+ "the registry / रजिस्ट्री द्वारा बताया गया कारण: \u201crjct.reference_id.invalid unknown reference\u201d");
		assertThat(String.join("\n", driver.registryRows(app))).doesNotContain(txn, check);
	}

	@Test
	void answersForAnotherReceiverOrUnderAnotherSendersTokenAreRefused() throws Exception {
		Application app = pending(DciPeople.pensionForm("Vijay Mane", "विजय माने", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));

		ObjectNode elsewhere = registryCodec.callbackHeader("on-search", "someone.else.example.in", "succ", null, null, 2, 2);
		assertRefused(onSearch(registryCodec.seal(elsewhere, answer(txn, "succ", "succ")), registryBearer().issue(ourId)),
				400, "err.receiver_id.invalid");

		DciBearer other = new DciBearer("other.ibr.example.in", Ed25519Keys.privateKey(registrySeed), s -> Optional.empty(),
				Duration.ofMinutes(5), Duration.ofSeconds(30));
		assertRefused(onSearch(registryCodec.seal(header(registryCodec), answer(txn, "succ", "succ")), other.issue(ourId)),
				401, "err.sender_id.invalid");

		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(state(txn)).isEqualTo("SENT");
		// The registry's own answer is still taken after the refusals.
		assertThat(flush()).isGreaterThanOrEqualTo(1);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	@Test
	void twoAnswersArrivingTogetherAreTakenOnce() throws Exception {
		Application app = pending(DciPeople.pensionForm("Anita Kulkarni", "अनिता कुलकर्णी", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		java.util.List<ObjectNode> bodies = java.util.List.of(
				registryCodec.seal(header(registryCodec), answer(txn, "succ", "succ")),
				registryCodec.seal(header(registryCodec), answer(txn, "succ", "succ")));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			java.util.List<java.util.concurrent.Future<ResponseEntity<String>>> sent = new java.util.ArrayList<>();
			for (ObjectNode body : bodies) {
				String token = registryBearer().issue(ourId);
				sent.add(pool.submit(() -> {
					start.await();
					return onSearch(body, token);
				}));
			}
			start.countDown();
			java.util.List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<ResponseEntity<String>> f : sent) {
				statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).getStatusCode().value());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	@Test
	void anUnexpectedFailureIsAnsweredInTheSpecsErrorShape() throws Exception {
		// A search on record whose application is gone: taking the answer fails in a way no rule foresaw.
		String txn = "orphan-" + System.nanoTime();
		jdbc.sql("INSERT INTO dci_transaction (transaction_id, kind, application_id, programme, state, created_at) "
				+ "VALUES (:txn, 'search', -1, 'OAP', 'SENT', now())").param("txn", txn).update();
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		ResponseEntity<String> response = onSearch(registryCodec.seal(header(registryCodec), answer(txn, "succ", "succ")),
				registryBearer().issue(ourId));
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.at("/errors/0/code").asText()).startsWith("err.");
		assertThat(body.has("status")).as("not Spring's default error body").isFalse();
		assertThat(DciSpec.httpErrorErrors(body)).isEmpty();
		assertThat(state(txn)).isEqualTo("SENT");
	}

	@Test
	void aCallbackThatDoesNotSayWhomItIsForIsTaken() throws Exception {
		Application app = pending(DciPeople.pensionForm("Usha Pawar", "उषा पवार", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		ObjectNode header = header(registryCodec);
		header.remove("receiver_id");
		header.remove("sender_id");
		assertAcknowledged(onSearch(registryCodec.seal(header, answer(txn, "succ", "succ")), registryBearer().issue(ourId)));
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	@Test
	void anAnswerInTwoPartsIsCombinedByTransactionAndReferenceAndTakenWhenComplete() throws Exception {
		Application app = pending(DciPeople.pensionForm("Lata Shinde", "लता शिंदे", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		String token = registryBearer().issue(ourId);
		ObjectNode firstPart = registryCodec.callbackHeader("on-search", ourId, "pdng", null, null, 2, 1);
		assertAcknowledged(onSearch(registryCodec.seal(firstPart, answer(txn, "succ", null)), token));
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).isEqualTo(
				txn + ": header status pdng, completed_count 1 of 2 (1 of 2 requests answered so far)"));
		// A part that says succ but counts one of two completed is not the end either.
		ObjectNode notYet = registryCodec.callbackHeader("on-search", ourId, "succ", null, null, 2, 1);
		assertAcknowledged(onSearch(registryCodec.seal(notYet, answer(txn, "succ", null)), token));
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");

		ObjectNode lastPart = registryCodec.callbackHeader("on-search", ourId, "succ", null, null, 2, 2);
		assertAcknowledged(onSearch(registryCodec.seal(lastPart, answer(txn, null, "succ")), token));
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
		assertThat(state(txn)).isEqualTo("ANSWERED");
		// The officer reads the answer in part in words (the counts, the programme by name), not the header's codes.
		assertThat(driver.registryRows(app)).contains("The registry has answered 1 of 2 requests about Old Age Pension (DBT) "
				+ "so far; the rest of its answer is awaited / रजिस्ट्री ने वृद्धावस्था पेंशन (डीबीटी) के लिए अब तक 2 में से 1 "
				+ "अनुरोधों का उत्तर दिया है; शेष उत्तर की प्रतीक्षा है");
		assertThat(String.join("\n", driver.registryRows(app))).doesNotContain(txn, "pdng", "completed_count");
		assertRefused(onSearch(registryCodec.seal(lastPart.deepCopy().put("message_id", "again-" + txn),
				answer(txn, null, "succ")), token), 409, "rjct.reference_id.duplicate");
	}

	@Test
	void aCallbackSignedOverItsRawBytesIsTaken() throws Exception {
		Application app = pending(DciPeople.pensionForm("Nirmala Kale", "निर्मला काळे", DciPeople.newAadhaar()));
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		byte[] body = registryCodec.sealAsSent(header(registryCodec), answer(txn, "succ", "succ"));
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).as("indented, not canonical")
			.contains("\"header\": {\n  \"");
		assertAcknowledged(post("/registry/on-search", body, registryBearer().issue(ourId)));
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	/** The ids are kept in columns of 99 and 200 characters: longer is the registry's mistake, not a 500. */
	@Test
	void idsLongerThanTheirColumnsAreRefusedAsBadInputBeforeAnythingIsWritten() throws Exception {
		DciCodec registryCodec = codec(registryId, Ed25519Keys.privateKey(registrySeed));
		long seen = jdbc.sql("SELECT count(*) FROM dci_inbound_message").query(Long.class).single();
		ObjectNode longId = header(registryCodec).put("message_id", "m".repeat(100));
		assertRefused(onSearch(registryCodec.seal(longId, answer("txn-" + System.nanoTime(), "succ", "succ")),
				registryBearer().issue(ourId)), 400, "err.request.bad");
		assertRefused(onSearch(registryCodec.seal(header(registryCodec), answer("t".repeat(100), "succ", "succ")),
				registryBearer().issue(ourId)), 400, "err.request.bad");
		assertThat(jdbc.sql("SELECT count(*) FROM dci_inbound_message").query(Long.class).single()).isEqualTo(seen);
	}

	/** The application's events as the officer's page lists them in {@code language}. */
	private java.util.List<String> onTheRecord(Application app, String language) {
		return onTheRecord.of(app.id(), org.sevahub.language.Languages.locale(language))
			.stream()
			.map(org.sevahub.desk.OnTheRecord.Line::detail)
			.toList();
	}

	/** An on-search message answering both requests of search {@code txn}; a null status leaves that one out. */
	private ObjectNode answer(String txn, String idStatus, String demoStatus) {
		ObjectNode answer = json.createObjectNode().put("transaction_id", txn).put("correlation_id", "c-" + System.nanoTime());
		com.fasterxml.jackson.databind.node.ArrayNode items = answer.putArray("search_response");
		String[][] requests = { { txn + "-id", idStatus }, { txn + "-demo", demoStatus } };
		for (String[] request : requests) {
			if (request[1] == null) {
				continue;
			}
			ObjectNode item = items.addObject()
				.put("reference_id", request[0])
				.put("timestamp", DciCodec.timestamp(java.time.Instant.now()))
				.put("status", request[1]);
			if ("succ".equals(request[1])) {
				item.putObject("data").putArray("reg_records");
			}
		}
		return answer;
	}

	private String state(String txn) {
		return jdbc.sql("SELECT state FROM dci_transaction WHERE transaction_id = :txn").param("txn", txn)
			.query(String.class).single();
	}

	private DciBearer registryBearer() {
		return new DciBearer(registryId, Ed25519Keys.privateKey(registrySeed), s -> Optional.empty(),
				Duration.ofMinutes(5), Duration.ofSeconds(30));
	}

	private ResponseEntity<String> onStatus(ObjectNode envelope, String token) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBearerAuth(token);
		return http.exchange("/registry/txn/on-status", HttpMethod.POST,
				new HttpEntity<>(json.writeValueAsString(envelope), headers), String.class);
	}

	private void assertAcknowledged(ResponseEntity<String> response) throws Exception {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		assertThat(json.readTree(response.getBody()).at("/message/ack_status").asText()).isEqualTo("ACK");
	}

	private DciCodec codec(String id, Ed25519PrivateKeyParameters key) {
		return new DciCodec(json, id, "k", key, s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30),
				null);
	}

	private ObjectNode header(DciCodec from) {
		return from.callbackHeader("on-search", ourId, "succ", null, null, 1, 1);
	}

	private ResponseEntity<String> onSearch(ObjectNode envelope, String token) throws Exception {
		return post("/registry/on-search", json.writeValueAsBytes(envelope), token);
	}

	/** The body exactly as given: a signature over the bytes as sent must see those bytes. */
	private ResponseEntity<String> post(String path, byte[] body, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
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
		Application app = driver.start("OLD-AGE-PENSION", form);
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).hasPassed("Task_SearchRegistry").isWaitingAt("Task_AwaitRegistry");
		return driver.reload(app);
	}

}
