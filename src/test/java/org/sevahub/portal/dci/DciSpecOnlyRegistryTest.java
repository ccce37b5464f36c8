package org.sevahub.portal.dci;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.NewApplication;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.testsupport.ProcessTestSupport;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A registry built from the IBR spec alone, over real HTTP: the sandbox registry speaking as one (callbacks
 * without {@code receiver_id} or a bearer token, signatures over the bytes as sent with SHA-256, a search
 * answered in two parts, enrollment updates answered in a signed envelope) and SevaHub configured for it
 * ({@code registry-bearer: off}, {@code registry-digest: SHA-256}); two more registries, with the bearer check
 * optional and required, for the other settings. What no registry may be believed about is refused all the same.
 */
@TestPropertySource(properties = { "sevahub.portals.dci.search-mode=async", "sevahub.sandbox.dci.auto-callbacks=false",
		"sevahub.sandbox.dci.omit-receiver-id=true", "sevahub.sandbox.dci.omit-bearer=true",
		"sevahub.sandbox.dci.signing=raw", "sevahub.sandbox.dci.digest=SHA-256", "sevahub.sandbox.dci.split-answers=true",
		"sevahub.sandbox.dci.enveloped-enrollment-answers=true", "sevahub.portals.dci.registry-bearer=off",
		"sevahub.portals.dci.registry-digest=SHA-256",
		// The other registries sign with the sandbox's key, for brevity, and with SevaHub's digest.
		"sevahub.portals.dci.senders[optional.ibr.example.in].public-key=" + DciSpecOnlyRegistryTest.REGISTRY_PUBLIC_KEY,
		"sevahub.portals.dci.senders[optional.ibr.example.in].bearer=optional",
		"sevahub.portals.dci.senders[strict.ibr.example.in].public-key=" + DciSpecOnlyRegistryTest.REGISTRY_PUBLIC_KEY })
class DciSpecOnlyRegistryTest extends ProcessTestSupport {

	static final String REGISTRY_PUBLIC_KEY = "xoXeOn+E4mAw+2Tr/2NV9TGnxGlZfzpeqAwJD5uRXn0=";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DciConnector connector;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	TestDocuments documents;

	@Value("${sevahub.sandbox.dci.signing-key}")
	String registrySeed;

	@Value("${sevahub.portals.dci.receiver-id}")
	String registryId;

	@Value("${sevahub.portals.dci.sender-id}")
	String ourId;

	/** Answers other tests left queued go first, so that a test flushing one callback flushes its own. */
	@BeforeEach
	void registryCaughtUp() {
		flush(Integer.MAX_VALUE);
	}

	@Test
	void aSearchAnsweredInTwoPartsWithoutReceiverOrTokenAndSignedAsSentIsTakenAfterTheSecond() throws Exception {
		Application app = pending("Kamala Devi", "कमला देवी");
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");

		assertThat(flush(1)).isEqualTo(1);
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail())
			.isEqualTo(txn + ": header status pdng, completed_count 1 of 2 (1 of 2 requests answered so far)"));
		assertThat(flush(1)).isEqualTo(1);
		assertThat(driver.instance(app)).hasPassed("Task_AwaitRegistry").isWaitingAt("Task_Sanction");

		List<JsonNode> sent = callbacksFor(txn);
		assertThat(sent).extracting(c -> c.path("status").asText()).containsExactly("pdng", "succ");
		assertThat(sent).extracting(c -> c.path("completed_count").asInt()).containsExactly(1, 2);
		for (JsonNode callback : sent) {
			assertThat(callback.path("sent_with_bearer").asBoolean(true)).isFalse();
			String body = callback.path("sent_body").asText();
			JsonNode envelope = json.readTree(body);
			assertThat(envelope.path("header").has("receiver_id")).isFalse();
			assertThat(envelope.path("message").path("search_response")).hasSize(1);
			assertThat(body).as("signed as written, indented").contains("\"header\": {\n  \"");
			assertThat(DciSpec.requestErrors("/registry/on-search", envelope)).as(body).isEmpty();
		}
	}

	@Test
	void enrollmentUpdatesAnsweredInASignedEnvelopeAreDelivered() throws Exception {
		Application app = pending("Shanti Bai", "शांति बाई");
		flush(2);
		driver.decide(app, "Task_Sanction", "approve", null);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Task_ReportEnrollment");
		dispatcher.dispatchDue();
		assertThat(jdbc.sql("SELECT state FROM delivery WHERE application_id = :app AND portal = 'dci'")
			.param("app", app.id()).query(String.class).list()).containsExactly("DELIVERED");

		// The same report with fresh ids, sent by hand to see what the connector made of the answer.
		String payload = json.createObjectNode()
			.put("message_id", "m-" + System.nanoTime())
			.set("message", new DciMessages(json).enrollmentUpdate("u-" + System.nanoTime(), app,
					applications.applicantOf(app), catalog.get("OLD-AGE-PENSION"), "Active", java.time.LocalDate.of(2026, 12, 7)))
			.toString();
		SendResult result = connector.send(new QueuedMessage(0, app.id(), app.applicationNo(), "dci", 2,
				DciRegistry.ENROLLMENT, "DELIVERED", payload, 1));
		assertThat(result).isInstanceOfSatisfying(SendResult.Delivered.class,
				d -> assertThat(d.detail()).startsWith("enrolled_response succ (signed answer)"));
	}

	@Test
	void eachBearerSettingTakesOrRefusesACallbackWithoutAToken() throws Exception {
		Application app = pending("Parvati Jadhav", "पार्वती जाधव");
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registry = codec(registryId).signingWith(DciDigest.SHA_256);
		DciCodec optional = codec("optional.ibr.example.in");
		DciCodec strict = codec("strict.ibr.example.in");

		// off: the registry's signature alone vouches for it; a token sent anyway is not looked at.
		assertStatus(onSearch(registry.sealAsSent(part(registry), firstPart(txn)), null), 200, null);
		assertStatus(onSearch(registry.sealAsSent(part(registry), firstPart(txn)), "Bearer not.a.token"), 200, null);
		// optional: checked when it comes.
		assertStatus(onSearch(bytes(optional.seal(part(optional), firstPart(txn))), null), 200, null);
		assertStatus(onSearch(bytes(optional.seal(part(optional), firstPart(txn))), token("optional.ibr.example.in")), 200,
				null);
		assertStatus(onSearch(bytes(optional.seal(part(optional), firstPart(txn))), "Bearer not.a.token"), 401,
				"err.request.unauthorized");
		// required.
		assertStatus(onSearch(bytes(strict.seal(part(strict), firstPart(txn))), null), 401, "err.request.unauthorized");
		assertStatus(onSearch(bytes(strict.seal(part(strict), firstPart(txn))), token("optional.ibr.example.in")), 401,
				"err.sender_id.invalid");
		assertStatus(onSearch(bytes(strict.seal(part(strict), firstPart(txn))), token("strict.ibr.example.in")), 200, null);

		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(flush(2)).isEqualTo(2);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
	}

	@Test
	void aWrongReceiverABadSignatureOrAReplayedMessageIsStillRefused() throws Exception {
		Application app = pending("Meena Kumari", "मीना कुमारी");
		String txn = (String) runtime.getVariable(app.processInstanceId(), "registryTransactionId");
		DciCodec registry = codec(registryId).signingWith(DciDigest.SHA_256);

		ObjectNode elsewhere = part(registry).put("receiver_id", "someone.else.example.in");
		assertStatus(onSearch(registry.sealAsSent(elsewhere, firstPart(txn)), null), 400, "err.receiver_id.invalid");

		byte[] tampered = new String(registry.sealAsSent(part(registry), firstPart(txn)), StandardCharsets.UTF_8)
			.replace("\"succ\"", "\"rjct\"")
			.getBytes(StandardCharsets.UTF_8);
		assertStatus(onSearch(tampered, null), 401, "err.signature.invalid");
		// Signed with SevaHub's own digest, not the one configured for this registry.
		assertStatus(onSearch(bytes(codec(registryId).seal(part(registry), firstPart(txn))), null), 401,
				"err.signature.invalid");

		byte[] once = registry.sealAsSent(part(registry), firstPart(txn));
		assertStatus(onSearch(once, null), 200, null);
		assertStatus(onSearch(once, null), 409, "rjct.message_id.duplicate");
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		assertThat(jdbc.sql("SELECT state FROM dci_transaction WHERE transaction_id = :txn").param("txn", txn)
			.query(String.class).single()).isEqualTo("SENT");
	}

	private Application pending(String nameEn, String nameLocal) {
		// A surname of its own: the registry keeps earlier runs' beneficiaries, found by name and birth date too.
		Map<String, String> form = new java.util.LinkedHashMap<>(org.sevahub.testsupport.ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("applicant.nameEn", nameEn + " " + form.get("applicant.nameEn").replaceAll(".* ", ""));
		form.put("applicant.nameLocal", nameLocal);
		Application app = applications.create(NewApplication.direct("OLD-AGE-PENSION", form));
		documents.attachNeeded(app);
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isWaitingAt("Task_AwaitRegistry");
		return driver.reload(app);
	}

	/** The header of the first of two parts, as a spec-only registry writes it: no receiver_id. */
	private ObjectNode part(DciCodec from) {
		ObjectNode header = from.callbackHeader("on-search", ourId, "pdng", null, null, 2, 1);
		header.remove("receiver_id");
		return header;
	}

	/** The answer to the identifier request of search {@code txn}, nobody found. */
	private ObjectNode firstPart(String txn) {
		ObjectNode message = json.createObjectNode().put("transaction_id", txn).put("correlation_id", "c-" + System.nanoTime());
		message.putArray("search_response")
			.addObject()
			.put("reference_id", txn + "-id")
			.put("timestamp", DciCodec.timestamp(java.time.Instant.now()))
			.put("status", "succ")
			.putObject("data")
			.putArray("reg_records");
		return message;
	}

	private DciCodec codec(String id) {
		return new DciCodec(json, id, "k", Ed25519Keys.privateKey(registrySeed), s -> Optional.empty(),
				Duration.ofMinutes(5), Duration.ofSeconds(30), null);
	}

	private String token(String issuer) {
		return "Bearer " + new DciBearer(issuer, Ed25519Keys.privateKey(registrySeed), s -> Optional.empty(),
				Duration.ofMinutes(5), Duration.ofSeconds(30)).issue(ourId);
	}

	private byte[] bytes(ObjectNode envelope) throws Exception {
		return json.writeValueAsBytes(envelope);
	}

	private ResponseEntity<String> onSearch(byte[] body, String authorization) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		return http.exchange("/registry/on-search", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private void assertStatus(ResponseEntity<String> response, int status, String code) throws Exception {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		JsonNode body = json.readTree(response.getBody());
		if (code == null) {
			assertThat(body.at("/message/ack_status").asText()).isEqualTo("ACK");
		}
		else {
			assertThat(body.at("/errors/0/code").asText()).isEqualTo(code);
			assertThat(DciSpec.httpErrorErrors(body)).isEmpty();
		}
	}

	private int flush(int limit) {
		return http.postForObject("/sandbox/records/dci/callbacks/flush?limit=" + limit, null, JsonNode.class)
			.path("sent")
			.asInt();
	}

	private List<JsonNode> callbacksFor(String txn) throws Exception {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode callback : http.getForObject("/sandbox/records/dci/callbacks", JsonNode.class)) {
			String body = callback.path("sent_body").asText("");
			if (!body.isEmpty() && txn.equals(json.readTree(body).at("/message/transaction_id").asText())) {
				found.add(callback);
			}
		}
		return found;
	}

}
