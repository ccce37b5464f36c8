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

	/** Checks and takes a callback; returns the transaction id it answered. */
	@Transactional
	public String receive(String authorization, byte[] body, String action) {
		String issuer = bearer.verify(authorization, properties.senderId());
		DciCodec.Opened opened = codec.open(body);
		if (!issuer.equals(opened.senderId())) {
			throw new DciRefusal(401, "err.sender_id.invalid", "The token was issued to " + issuer
					+ ", the message is from " + opened.senderId());
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
		if (!transactions.firstSight(opened.senderId(), opened.messageId())) {
			throw DciRefusal.rejected("rjct.message_id.duplicate", "Message " + opened.messageId() + " was received before");
		}
		JsonNode searchResponse = action.equals("txn-on-status")
				? opened.message().path("txnstatus_response").path("txn_status") : opened.message();
		String txn = searchResponse.path("transaction_id").asText("");
		if (!searchResponse.path("search_response").isArray()) {
			throw DciRefusal.rejected("rjct.search_criteria.invalid", "The message carries no search_response");
		}
		take(txn, searchResponse);
		return txn;
	}

	/** Passes a search's answer to the process waiting for it. */
	@Transactional
	public boolean take(String txn, JsonNode searchResponse) {
		DciTransactions.Transaction search = transactions.find(txn)
			.filter(t -> t.kind().equals("search"))
			.orElseThrow(() -> DciRefusal.rejected("rjct.reference_id.invalid", "Transaction " + txn
					+ " is not a search we sent"));
		if (!"SENT".equals(search.state())) {
			throw DciRefusal.rejected("rjct.reference_id.duplicate", "Search " + txn + " was answered before");
		}
		Application app = applications.findById(search.applicationId()).orElseThrow();
		for (JsonNode item : searchResponse.path("search_response")) {
			if ("rjct".equals(item.path("status").asText())) {
				// The registry refused our search: no answer about the person. Taken (so it is not resent), left
				// for an officer to see; the process searches again when its wait for an answer runs out.
				events.record(app.id(), "REGISTRY_SEARCH_REJECTED", txn + ": " + item.path("status_reason_code").asText()
						+ " " + item.path("status_reason_message").asText());
				transactions.rejected(txn);
				return false;
			}
		}
		boolean enrolled = DciMessages.enrolledIn(searchResponse, search.programme(), app.applicationNo());
		if (!service.registryAnswered(txn, enrolled)) {
			// Sent before the step that asked has committed, or for a search the process gave up on: the
			// registry is asked to try again later rather than have the answer dropped.
			throw new DciRefusal(503, "err.service.unavailable", "Nobody waits for search " + txn + " yet");
		}
		transactions.answered(txn, enrolled);
		return enrolled;
	}

}
