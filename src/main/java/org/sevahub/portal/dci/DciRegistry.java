package org.sevahub.portal.dci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.BeneficiaryRegistry;
import org.sevahub.application.EngineClock;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.delivery.DeliveryOutbox;
import org.sevahub.delivery.OutboundMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The welfare process's registry, the DCI way. A search goes out at once, synchronously
 * ({@code /registry/sync/search}) or asynchronously ({@code /registry/search}, the answer arriving later at
 * {@code /registry/on-search}); enrollment reports and withdrawals are queued in the delivery outbox for
 * {@link DciConnector} to send to {@code /registry/sync/enrollment/updates}. A search that fails throws, so the
 * async service task retries it on its Camunda retry cycle.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
public class DciRegistry implements BeneficiaryRegistry {

	static final String ENROLLMENT = "enrollment-updates";

	private final DciProperties properties;

	private final DciClient client;

	private final DciCodec codec;

	private final DciTransactions transactions;

	private final DciMessages messages;

	private final ApplicationRepository applications;

	private final DeliveryOutbox outbox;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final DciAnswers answers;

	DciRegistry(DciAnswers answers, DciProperties properties, DciClient client, DciCodec codec, DciTransactions transactions,
			ApplicationRepository applications, DeliveryOutbox outbox, ObjectMapper json,
			@Value("${sevahub.time-zone}") ZoneId zone) {
		this.properties = properties;
		this.client = client;
		this.codec = codec;
		this.transactions = transactions;
		this.messages = new DciMessages(json);
		this.applications = applications;
		this.outbox = outbox;
		this.json = json;
		this.zone = zone;
		this.answers = answers;
	}

	@Override
	public Search search(Application application, ServiceDefinition service) {
		String programme = DciMessages.programme(service);
		String txn = newTransactionId();
		ObjectNode request = messages.searchRequest(txn, applications.applicantOf(application));
		List<String> references = DciMessages.referenceIds(request);
		int count = request.path("search_request").size();
		transactions.supersede(application.id());
		try {
			if (properties.asyncSearch()) {
				transactions.startedNow(txn, "search", application.id(), programme, references);
				ObjectNode header = codec.requestHeader("search", properties.receiverId(), count,
						client.callbackUrl("/registry/on-search"));
				DciClient.Answer answer = client.post("/registry/search", header, request, application.applicationNo());
				String ack = answer.body() == null ? "" : answer.body().path("message").path("ack_status").asText();
				if (!answer.ok() || !"ACK".equals(ack)) {
					throw new IllegalStateException("The registry did not take search " + txn + ": " + answer.error());
				}
				return Search.pending(txn);
			}
			transactions.started(txn, "search", application.id(), programme, references);
			ObjectNode header = codec.requestHeader("search", properties.receiverId(), count, null);
			DciClient.Answer answer = client.post("/registry/sync/search", header, request, application.applicationNo());
			DciCodec.Opened opened = answered(answer, "on-search", txn);
			JsonNode response = opened.message();
			DciMessages.Verdict verdict = DciMessages.verdict(opened.header(), response, references);
			if (verdict.finality() != DciMessages.Finality.FINAL) {
				// Not an answer about the person: the step fails and Camunda retries it, then raises an incident.
				throw new IllegalStateException("The registry did not answer search " + txn + ": "
						+ verdict.finality() + " " + verdict.reason());
			}
			boolean enrolled = DciMessages.enrolledIn(response, programme, application.applicationNo());
			answers.recordMatches(application.id(), response, programme, application);
			if (!transactions.answered(txn, enrolled)) {
				throw new IllegalStateException("Search " + txn + " was answered twice");
			}
			return Search.answered(txn, enrolled, enrolled ? "already enrolled in " + programme
					: "not enrolled in " + programme);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The registry could not be reached for search " + txn, ex);
		}
	}

	@Override
	public void reportEnrollment(Application application, ServiceDefinition service) {
		queue(application, service, DciMessages.ACTIVE, "enrollment");
	}

	@Override
	public void withdrawEnrollment(Application application, ServiceDefinition service) {
		queue(application, service, DciMessages.INACTIVE, "withdrawal");
	}

	/**
	 * The message is built now, in the process step's transaction, with its transaction and message ids fixed:
	 * a resend after a crash carries the same ids, which the registry recognises as a duplicate.
	 */
	private void queue(Application application, ServiceDefinition service, String enrolmentStatus, String kind) {
		String txn = newTransactionId();
		transactions.started(txn, kind, application.id(), DciMessages.programme(service), List.of());
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		ObjectNode payload = json.createObjectNode();
		payload.put("message_id", UUID.randomUUID().toString());
		payload.set("message", messages.enrollmentUpdate(txn, application, applications.applicantOf(application),
				service, enrolmentStatus, today));
		outbox.enqueue(application, DciClient.PORTAL, application.status(),
				new OutboundMessage(ENROLLMENT, payload.toString()));
	}

	/** {@code /registry/sync/enrolled}: whether the registry has the applicant enrolled in the service's programme. */
	public boolean enrolled(Application application, ServiceDefinition service) throws IOException {
		Applicant applicant = applications.applicantOf(application);
		String programme = DciMessages.programme(service);
		String txn = newTransactionId();
		transactions.startedNow(txn, "enrolled", application.id(), programme, List.of());
		ObjectNode header = codec.requestHeader("search", properties.receiverId(), 1, null);
		DciClient.Answer answer = client.post("/registry/sync/enrolled", header,
				messages.enrolledRequest(txn, applicant, programme), application.applicationNo());
		if (!answer.ok()) {
			throw new IllegalStateException("The registry refused enrolled query " + txn + ": " + answer.error());
		}
		JsonNode item = answer.body().path("enrolled_response").path(0);
		return "yes".equals(item.path("enrolled_status").asText());
	}

	/**
	 * Asks the registry about an earlier search. Synchronously the answer comes back and is passed on like an
	 * on-search callback; asynchronously it arrives later at {@code /registry/txn/on-status}.
	 *
	 * @return the search's answer when the registry gave it now
	 */
	public java.util.Optional<Boolean> checkSearch(String searchTransactionId, boolean async) throws IOException {
		DciTransactions.Transaction search = transactions.find(searchTransactionId)
			.orElseThrow(() -> new IllegalArgumentException("No search " + searchTransactionId + " was sent"));
		String txn = newTransactionId();
		transactions.startedNow(txn, "txn-status", search.applicationId(), search.programme(), List.of());
		// The requests the search carried; for a search stored before they were, the two it could have had.
		List<String> references = search.referenceIds().isEmpty()
				? List.of(searchTransactionId + "-id", searchTransactionId + "-demo") : search.referenceIds();
		ObjectNode request = messages.txnStatusRequest(txn, references);
		if (async) {
			ObjectNode header = codec.requestHeader("txn-status", properties.receiverId(), 1,
					client.callbackUrl("/registry/txn/on-status"));
			DciClient.Answer answer = client.post("/registry/txn/status", header, request, searchTransactionId);
			if (!answer.ok() || !"ACK".equals(answer.body().path("message").path("ack_status").asText())) {
				throw new IllegalStateException("The registry did not take status check " + txn + ": " + answer.error());
			}
			return java.util.Optional.empty();
		}
		ObjectNode header = codec.requestHeader("txn-status", properties.receiverId(), 1, null);
		DciClient.Answer answer = client.post("/registry/sync/txn/status", header, request, searchTransactionId);
		DciCodec.Opened opened = answered(answer, "txn-on-status", txn);
		if (!"succ".equals(opened.header().path("status").asText())) {
			return java.util.Optional.empty();
		}
		JsonNode status = opened.message().path("txnstatus_response").path("txn_status");
		if ("SENT".equals(search.state())) {
			return answers.take(searchTransactionId, null, status);
		}
		if (DciMessages.verdict(null, status, search.referenceIds()).finality() != DciMessages.Finality.FINAL) {
			return java.util.Optional.empty();
		}
		Application app = applications.findById(search.applicationId()).orElseThrow();
		return java.util.Optional.of(DciMessages.enrolledIn(status, search.programme(), app.applicationNo()));
	}

	/** A signed synchronous answer, checked: from the registry, to us, for this transaction; a refusal or a rejection throws. */
	private DciCodec.Opened answered(DciClient.Answer answer, String action, String txn) {
		if (!answer.ok()) {
			throw new IllegalStateException("The registry refused " + txn + ": " + answer.error());
		}
		DciCodec.Opened opened = codec.open(answer.raw());
		if (!action.equals(opened.action()) || !properties.receiverId().equals(opened.senderId())) {
			throw new IllegalStateException("The registry answered " + txn + " with " + opened.action() + " from "
					+ opened.senderId());
		}
		if (!opened.addressedTo(properties.senderId())) {
			throw new IllegalStateException("err.receiver_id.invalid: the registry's answer to " + txn + " is for "
					+ opened.header().path("receiver_id").asText() + ", not " + properties.senderId());
		}
		if ("rjct".equals(opened.header().path("status").asText())) {
			throw new IllegalStateException("The registry rejected " + txn + ": "
					+ opened.header().path("status_reason_code").asText() + " "
					+ opened.header().path("status_reason_message").asText());
		}
		if (!txn.equals(opened.message().path("transaction_id").asText())) {
			throw new IllegalStateException("The registry's answer is for transaction "
					+ opened.message().path("transaction_id").asText() + ", not " + txn);
		}
		return opened;
	}

	static String newTransactionId() {
		return UUID.randomUUID().toString();
	}

}
