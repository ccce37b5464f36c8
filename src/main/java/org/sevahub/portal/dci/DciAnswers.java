package org.sevahub.portal.dci;

import com.fasterxml.jackson.databind.JsonNode;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's late answers (on-search, txn/on-status), checked and handed to the waiting process in one
 * transaction with the record of the message id: a refused answer leaves no trace and can be sent again.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
class DciAnswers {

	private final DciCodec codec;

	private final DciBearer bearer;

	private final DciTransactions transactions;

	private final ApplicationRepository applications;

	private final ApplicationService service;

	private final DciProperties properties;

	private final ApplicationEvents events;

	DciAnswers(ApplicationEvents events, DciCodec codec, DciBearer bearer, DciTransactions transactions, ApplicationRepository applications,
			ApplicationService service, DciProperties properties) {
		this.codec = codec;
		this.bearer = bearer;
		this.transactions = transactions;
		this.applications = applications;
		this.service = service;
		this.properties = properties;
		this.events = events;
	}

	/** What became of a callback taken: the transaction it answered and, for the audit trail, how. */
	record Taken(String transactionId, String outcome) {
	}

	/** Checks and takes a callback. */
	@Transactional
	public Taken receive(String authorization, byte[] body, String action) {
		String issuer = bearer.verify(authorization, properties.senderId());
		DciCodec.Opened opened = codec.open(body);
		if (!issuer.equals(opened.senderId())) {
			throw new DciRefusal(401, "err.sender_id.invalid", "The token was issued to " + issuer
					+ ", the message is from " + opened.senderId());
		}
		String receiver = opened.header().path("receiver_id").asText("");
		if (!properties.senderId().equals(receiver)) {
			throw new DciRefusal(400, "err.receiver_id.invalid", "This is " + properties.senderId() + ", the message is for "
					+ (receiver.isEmpty() ? "nobody" : receiver));
		}
		if (!DciCodec.VERSION.equals(opened.header().path("version").asText(DciCodec.VERSION))) {
			throw DciRefusal.rejected("rjct.version.invalid", "Only version " + DciCodec.VERSION);
		}
		if (!action.equals(opened.action())) {
			throw DciRefusal.rejected("rjct.action.invalid", "This endpoint takes " + action + ", not "
					+ opened.action());
		}
		if (opened.messageId().isBlank()) {
			throw DciRefusal.bad("The header has no message_id");
		}
		String status = opened.header().path("status").asText("");
		if (!java.util.Set.of("succ", "rjct", "pdng", "rcvd").contains(status)) {
			throw DciRefusal.bad("The header status must be rcvd, pdng, succ or rjct, not '" + status + "'");
		}
		if (!transactions.firstSight(opened.senderId(), opened.messageId())) {
			throw DciRefusal.rejected("rjct.message_id.duplicate", "Message " + opened.messageId() + " was received before");
		}
		if (action.equals("txn-on-status")) {
			// The header speaks of our status check; the search's own answer is inside, item by item.
			String statusTxn = opened.message().path("transaction_id").asText("");
			if (!"succ".equals(status)) {
				DciTransactions.Transaction check = known(statusTxn, "txn-status");
				DciMessages.Verdict verdict = DciMessages.verdict(opened.header(), opened.message(), java.util.List.of());
				if (verdict.finality() == DciMessages.Finality.REJECTED) {
					events.record(check.applicationId(), "REGISTRY_STATUS_CHECK_REJECTED", statusTxn + ": " + verdict.reason());
					transactions.rejected(statusTxn);
					return new Taken(statusTxn, "status check rejected: " + verdict.reason());
				}
				return new Taken(statusTxn, "status check " + status + ", waiting");
			}
			JsonNode searchResponse = opened.message().path("txnstatus_response").path("txn_status");
			String txn = searchResponse.path("transaction_id").asText("");
			return describe(txn, take(txn, null, searchResponse));
		}
		String txn = opened.message().path("transaction_id").asText("");
		return describe(txn, take(txn, opened.header(), opened.message()));
	}

	private static Taken describe(String txn, java.util.Optional<Boolean> enrolled) {
		return new Taken(txn, enrolled.map(e -> e ? "answer: enrolled" : "answer: not enrolled")
			.orElse("no answer taken"));
	}

	private DciTransactions.Transaction known(String txn, String kind) {
		return transactions.find(txn)
			.filter(t -> t.kind().equals(kind))
			.orElseThrow(() -> DciRefusal.rejected("rjct.reference_id.invalid", "Transaction " + txn
					+ " is not a " + kind + " we sent"));
	}

	/**
	 * Passes a search's answer to the process waiting for it, when the answer is final: every request we sent
	 * answered {@code succ}. A rejection is recorded for an officer to see and ends the transaction (the process
	 * searches again when its wait runs out); an answer not yet final ({@code pdng}, {@code rcvd}, a request
	 * unanswered) is acknowledged and the process goes on waiting.
	 *
	 * @param header the answer's header when it speaks of the search itself ({@code on-search}); null for the
	 *               search answer inside a status check's
	 * @return whether the person is enrolled; empty when nothing was taken
	 */
	@Transactional
	public java.util.Optional<Boolean> take(String txn, JsonNode header, JsonNode searchResponse) {
		DciTransactions.Transaction search = known(txn, "search");
		if ("SUPERSEDED".equals(search.state())) {
			return late(search, header, searchResponse);
		}
		if (!"SENT".equals(search.state())) {
			throw DciRefusal.rejected("rjct.reference_id.duplicate", "Search " + txn + " was answered before");
		}
		DciMessages.Verdict verdict = DciMessages.verdict(header, searchResponse, search.referenceIds());
		switch (verdict.finality()) {
			case REJECTED -> {
				// The registry refused our search: no answer about the person. Taken (so it is not resent), left
				// for an officer to see; the process searches again when its wait for an answer runs out.
				if (!transactions.rejected(txn)) {
					throw DciRefusal.rejected("rjct.reference_id.duplicate", "Search " + txn + " was answered before");
				}
				events.record(search.applicationId(), "REGISTRY_SEARCH_REJECTED", txn + ": " + verdict.reason());
				return java.util.Optional.empty();
			}
			case PENDING -> {
				events.record(search.applicationId(), "REGISTRY_SEARCH_PENDING", txn + ": " + verdict.reason());
				return java.util.Optional.empty();
			}
			default -> {
			}
		}
		Application app = applications.findById(search.applicationId()).orElseThrow();
		boolean enrolled = DciMessages.enrolledIn(searchResponse, search.programme(), app.applicationNo());
		// Claimed first, atomically: of two answers arriving together, the second waits on the row and finds it
		// taken.
		if (!transactions.answered(txn, enrolled)) {
			throw DciRefusal.rejected("rjct.reference_id.duplicate", "Search " + txn + " was answered before");
		}
		if (!service.registryAnswered(txn, enrolled)) {
			// Sent before the step that asked has committed, or for a search the process gave up on: the
			// registry is asked to try again later rather than have the answer dropped (the claim rolls back).
			throw new DciRefusal(503, "err.service.unavailable", "Nobody waits for search " + txn + " yet");
		}
		return java.util.Optional.of(enrolled);
	}

	/**
	 * The answer to a search the process replaced with a newer one (its wait ran out): nobody waits for it, so
	 * it is not taken, but acknowledged (the registry stops resending) and recorded for an officer, who sees
	 * what it said.
	 */
	private java.util.Optional<Boolean> late(DciTransactions.Transaction search, JsonNode header, JsonNode searchResponse) {
		DciMessages.Verdict verdict = DciMessages.verdict(header, searchResponse, search.referenceIds());
		if (verdict.finality() != DciMessages.Finality.FINAL) {
			events.record(search.applicationId(), "REGISTRY_LATE_ANSWER", search.transactionId() + " (superseded): "
					+ verdict.finality() + " " + verdict.reason());
			return java.util.Optional.empty();
		}
		Application app = applications.findById(search.applicationId()).orElseThrow();
		boolean enrolled = DciMessages.enrolledIn(searchResponse, search.programme(), app.applicationNo());
		if (!transactions.answeredLate(search.transactionId(), enrolled)) {
			throw DciRefusal.rejected("rjct.reference_id.duplicate", "Search " + search.transactionId()
					+ " was answered before");
		}
		events.record(search.applicationId(), "REGISTRY_LATE_ANSWER", search.transactionId() + " (superseded): "
				+ (enrolled ? "enrolled in " : "not enrolled in ") + search.programme());
		return java.util.Optional.empty();
	}

}
