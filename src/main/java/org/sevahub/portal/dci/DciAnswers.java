package org.sevahub.portal.dci;

import com.fasterxml.jackson.databind.JsonNode;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.RegistryReply;

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

	/** The event kind of a registry record that matched the applicant. */
	public static final String MATCH = "REGISTRY_MATCH";

	private final ApplicationEvents events;

	private final com.fasterxml.jackson.databind.ObjectMapper json;

	DciAnswers(ApplicationEvents events, DciCodec codec, DciBearer bearer, DciTransactions transactions, ApplicationRepository applications,
			ApplicationService service, DciProperties properties, com.fasterxml.jackson.databind.ObjectMapper json) {
		this.json = json;
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

	/**
	 * Checks and takes a callback: its signature (always), the sender's bearer token (as configured for that
	 * sender), that it is for us where it says whom it is for, its version, action and message id.
	 */
	@Transactional
	public Taken receive(String authorization, byte[] body, String action) {
		DciCodec.Opened opened = codec.open(body);
		bearer.check(authorization, properties.senderId(), opened.sender());
		if (!opened.addressedTo(properties.senderId())) {
			throw new DciRefusal(400, "err.receiver_id.invalid", "This is " + properties.senderId()
					+ ", the message is for " + opened.header().path("receiver_id").asText());
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
		checkLengths(opened);
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
					events.record(check.applicationId(), "REGISTRY_STATUS_CHECK_REJECTED", statusTxn + ": " + verdict.reason(),
							RegistryReply.refused(serviceOf(check.applicationId()), verdict.reason()));
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

	/**
	 * Ids longer than the columns that keep them (dci_message, dci_transaction, dci_answer_part) are the
	 * sender's mistake, refused as such before anything is written.
	 */
	private static void checkLengths(DciCodec.Opened opened) {
		longest("header.message_id", opened.messageId(), 99);
		longest("header.sender_id", opened.senderId(), 200);
		JsonNode message = opened.message();
		longest("message.transaction_id", message.path("transaction_id").asText(""), 99);
		longest("txn_status.transaction_id",
				message.path("txnstatus_response").path("txn_status").path("transaction_id").asText(""), 99);
		for (JsonNode item : message.path("search_response")) {
			longest("search_response.reference_id", item.path("reference_id").asText(""), 200);
		}
		for (JsonNode item : message.path("txnstatus_response").path("txn_status").path("search_response")) {
			longest("search_response.reference_id", item.path("reference_id").asText(""), 200);
		}
	}

	private static void longest(String field, String value, int longest) {
		if (value != null && value.length() > longest) {
			throw DciRefusal.bad(field + " is longer than " + longest + " characters");
		}
		if (org.sevahub.platform.doors.ControlCharacters.in(value)) {
			throw DciRefusal.bad(field + " contains control characters");
		}
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
	 * answered {@code succ}, and the registry said the answer is complete. An answer may come in parts (a
	 * {@code pdng} callback with some requests answered, then a {@code succ} one with the rest): each part's
	 * answered requests are kept by transaction and reference id, and the whole is taken when it is complete.
	 * A rejection is recorded for an officer to see and ends the transaction (the process searches again when
	 * its wait runs out); an answer not yet final is acknowledged and the process goes on waiting.
	 *
	 * @param header the answer's header when it speaks of the search itself ({@code on-search}); null for the
	 *               search answer inside a status check's
	 * @return whether the person is enrolled; empty when nothing was taken
	 */
	@Transactional
	public java.util.Optional<Boolean> take(String txn, JsonNode header, JsonNode searchResponse) {
		DciTransactions.Transaction search = transactions.lock(txn)
			.filter(t -> t.kind().equals("search"))
			.orElseThrow(() -> DciRefusal.rejected("rjct.reference_id.invalid", "Transaction " + txn
					+ " is not a search we sent"));
		boolean superseded = "SUPERSEDED".equals(search.state());
		if (!superseded && !"SENT".equals(search.state())) {
			throw DciRefusal.rejected("rjct.reference_id.duplicate", "Search " + txn + " was answered before");
		}
		java.util.Optional<DciMessages.Verdict> rejection = DciMessages.rejection(header, searchResponse);
		// Each event's English detail names the transaction, for support staff; its facts (RegistryReply) are what
		// officers read, with the registry's own reason quoted where it refused.
		String serviceCode = serviceOf(search.applicationId());
		if (rejection.isPresent()) {
			RegistryReply refused = RegistryReply.refused(serviceCode, rejection.get().reason());
			if (superseded) {
				events.record(search.applicationId(), "REGISTRY_LATE_ANSWER", txn + " (superseded): REJECTED "
						+ rejection.get().reason(), refused);
				return java.util.Optional.empty();
			}
			// The registry refused our search: no answer about the person. Taken (so it is not resent), left for
			// an officer to see; the process searches again when its wait for an answer runs out.
			transactions.rejected(txn);
			events.record(search.applicationId(), "REGISTRY_SEARCH_REJECTED", txn + ": " + rejection.get().reason(),
					refused);
			return java.util.Optional.empty();
		}
		JsonNode whole = keep(search, header, searchResponse);
		DciMessages.Verdict verdict = search.answerComplete() || DciMessages.complete(header)
				? DciMessages.items(whole, search.referenceIds())
				: new DciMessages.Verdict(DciMessages.Finality.PENDING, DciMessages.headerState(header));
		if (verdict.finality() == DciMessages.Finality.PENDING) {
			int answered = whole.path("search_response").size();
			int asked = Math.max(answered, search.referenceIds().size());
			events.record(search.applicationId(), superseded ? "REGISTRY_LATE_ANSWER" : "REGISTRY_SEARCH_PENDING",
					txn + (superseded ? " (superseded): PENDING " : ": ") + verdict.reason() + " (" + answered + " of "
							+ asked + " requests answered so far)",
					RegistryReply.partly(serviceCode, answered, asked));
			return java.util.Optional.empty();
		}
		Application app = applications.findById(search.applicationId()).orElseThrow();
		boolean enrolled = DciMessages.enrolledIn(whole, search.programme(), app.applicationNo());
		recordMatches(search.applicationId(), whole, search.programme(), app);
		if (superseded) {
			// Nobody waits for it: recorded for an officer, who sees what it said, and acknowledged so the
			// registry stops resending.
			transactions.answeredLate(txn, enrolled);
			events.record(search.applicationId(), "REGISTRY_LATE_ANSWER", txn + " (superseded): "
					+ (enrolled ? "enrolled in " : "not enrolled in ") + search.programme(),
					RegistryReply.answered(serviceCode, enrolled));
			return java.util.Optional.empty();
		}
		transactions.answered(txn, enrolled);
		if (!service.registryAnswered(txn, enrolled)) {
			// Sent before the step that asked has committed, or for a search the process gave up on: the
			// registry is asked to try again later rather than have the answer dropped (everything rolls back).
			throw new DciRefusal(503, "err.service.unavailable", "Nobody waits for search " + txn + " yet");
		}
		return java.util.Optional.of(enrolled);
	}

	/**
	 * Which registry records made the applicant a possible duplicate, one event each, for the officer's duplicate
	 * review (TaskBriefs shows the application's REGISTRY events, each record in the officer's words from its facts).
	 */
	void recordMatches(long applicationId, JsonNode searchResponse, String programme, Application app) {
		for (DciMessages.Matched matched : DciMessages.matchedRecords(searchResponse, programme, app.serviceCode(),
				app.applicationNo(), applications.applicantOf(app))) {
			events.record(applicationId, MATCH, matched.line(), matched.facts());
		}
	}

	/** The catalog's code of the application's service, whose name is the programme's to officers. */
	private String serviceOf(long applicationId) {
		return applications.findById(applicationId).orElseThrow().serviceCode();
	}

	/** Keeps this part's answered requests with the earlier parts'; the whole answer so far. */
	private JsonNode keep(DciTransactions.Transaction search, JsonNode header, JsonNode searchResponse) {
		java.util.Map<String, String> items = new java.util.LinkedHashMap<>();
		for (JsonNode item : DciMessages.answeredItems(searchResponse)) {
			items.put(item.path("reference_id").asText(""), item.toString());
		}
		transactions.keepPart(search.transactionId(), items, DciMessages.complete(header));
		com.fasterxml.jackson.databind.node.ObjectNode whole = json.createObjectNode();
		com.fasterxml.jackson.databind.node.ArrayNode all = whole.putArray("search_response");
		for (String item : transactions.keptItems(search.transactionId())) {
			try {
				all.add(json.readTree(item));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return whole;
	}

}
