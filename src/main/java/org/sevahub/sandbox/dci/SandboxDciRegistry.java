package org.sevahub.sandbox.dci;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.sevahub.application.EngineClock;
import org.sevahub.portal.dci.DciBearer;
import org.sevahub.portal.dci.DciCodec;
import org.sevahub.portal.dci.DciPeer;
import org.sevahub.portal.dci.DciRefusal;
import org.sevahub.portal.dci.Ed25519Keys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry side of the IBR spec, for the demo and the tests: it checks every request as a registry must
 * (bearer token, signature and its window, known sender, receiver, action, count, message and transaction ids
 * unique per sender), keeps the beneficiaries SP-Systems report, and answers searches by identifier or by name
 * and birth date, at once or later through the sender's callback. How it speaks is configurable
 * ({@link SandboxDciProperties}): as SevaHub does, or as a registry built from the spec alone.
 */
@Service
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.dci.enabled" }, havingValue = "true")
class SandboxDciRegistry {

	private final SandboxDciRecords records;

	private final SandboxDciProperties properties;

	private final ObjectMapper json;

	private final DciCodec codec;

	private final DciBearer bearer;

	SandboxDciRegistry(SandboxDciRecords records, SandboxDciProperties properties, ObjectMapper json) {
		this.records = records;
		this.properties = properties;
		this.json = json;
		Map<String, Ed25519PublicKeyParameters> keys = properties.senderKeys()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> Ed25519Keys.publicKey(e.getValue())));
		this.codec = new DciCodec(json, properties.registryId(), properties.keyId(),
				Ed25519Keys.privateKey(properties.signingKey()), DciPeer.byKey(keys), java.time.Duration.ofMinutes(5),
				java.time.Duration.ofSeconds(30), null)
			.signingWith(properties.digest());
		this.bearer = new DciBearer(properties.registryId(), Ed25519Keys.privateKey(properties.signingKey()),
				issuer -> Optional.ofNullable(keys.get(issuer)), java.time.Duration.ofMinutes(5),
				java.time.Duration.ofSeconds(30));
	}

	DciBearer bearer() {
		return bearer;
	}

	/**
	 * A signed envelope from the registry, as this sandbox is configured to speak: with or without
	 * {@code receiver_id}, signed over canonical JSON or over the bytes as written.
	 */
	byte[] envelope(String action, String receiver, String status, int total, int completed, JsonNode message,
			boolean encrypted) {
		ObjectNode header = codec.callbackHeader(action, receiver, status, null, null, total, completed);
		if (properties.omitReceiverId()) {
			header.remove("receiver_id");
		}
		header.put("is_msg_encrypted", encrypted);
		try {
			return properties.signsRawBytes() ? codec.sealAsSent(header, message)
					: json.writeValueAsBytes(codec.seal(header, message));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The checks every request passes before the registry looks at its message. */
	private DciCodec.Opened admit(String authorization, byte[] body, String action) {
		DciCodec.Opened opened = codec.open(body);
		bearer.check(authorization, properties.registryId(), opened.sender());
		if (!opened.addressedTo(properties.registryId())) {
			throw new DciRefusal(400, "err.receiver_id.invalid", "This registry is " + properties.registryId());
		}
		if (!DciCodec.VERSION.equals(opened.header().path("version").asText(DciCodec.VERSION))) {
			throw DciRefusal.rejected("rjct.version.invalid", "Only version " + DciCodec.VERSION);
		}
		if (!action.equals(opened.action())) {
			throw DciRefusal.rejected("rjct.action.invalid", "This endpoint takes " + action);
		}
		String messageId = opened.messageId();
		if (messageId.isBlank()) {
			throw DciRefusal.bad("The header has no message_id");
		}
		// A refusal after an id was recorded rolls the request's transaction back, and the record with it.
		if (!records.firstSight(opened.senderId(), "message", messageId)) {
			throw DciRefusal.rejected("rjct.message_id.duplicate", "Message " + messageId + " was received before");
		}
		String txn = opened.message().path("transaction_id").asText("");
		if (txn.isBlank() || txn.length() > 99) {
			throw DciRefusal.bad("transaction_id is required, at most 99 characters");
		}
		if (!records.firstSight(opened.senderId(), "transaction", txn)) {
			throw DciRefusal.rejected("rjct.reference_id.duplicate", "Transaction " + txn + " was used before by "
					+ opened.senderId());
		}
		return opened;
	}

	@Transactional
	byte[] syncSearch(String authorization, byte[] body) {
		DciCodec.Opened opened = admit(authorization, body, "search");
		ObjectNode response = search(opened);
		return signed("on-search", opened.senderId(), response, response.path("search_response"));
	}

	/**
	 * Acknowledged now, answered later through the sender's callback: in one callback, or (split answers) in two,
	 * {@code pdng} with the first request's answer and then {@code succ} with the rest and the full count.
	 */
	@Transactional
	ObjectNode asyncSearch(String authorization, byte[] body) {
		DciCodec.Opened opened = admit(authorization, body, "search");
		String callback = callbackUrl(opened);
		ObjectNode response = search(opened);
		ArrayNode items = (ArrayNode) response.path("search_response");
		int total = items.size();
		if (properties.splitAnswers() && total > 1) {
			ObjectNode first = response.deepCopy();
			((ArrayNode) first.get("search_response")).removeAll().add(items.get(0));
			ObjectNode rest = response.deepCopy();
			((ArrayNode) rest.get("search_response")).remove(0);
			records.queueCallback(opened.senderId(), callback, "on-search", first.toString(), "pdng", total, 1);
			records.queueCallback(opened.senderId(), callback, "on-search", rest.toString(), "succ", total, total);
		}
		else {
			records.queueCallback(opened.senderId(), callback, "on-search", response.toString(), "succ", total,
					completed(items));
		}
		return DciCodec.ack(response.path("correlation_id").asText());
	}

	@Transactional
	byte[] syncTxnStatus(String authorization, byte[] body) {
		DciCodec.Opened opened = admit(authorization, body, "txn-status");
		ObjectNode response = txnStatus(opened);
		return signed("txn-on-status", opened.senderId(), response, json.createArrayNode().add(response));
	}

	@Transactional
	ObjectNode asyncTxnStatus(String authorization, byte[] body) {
		DciCodec.Opened opened = admit(authorization, body, "txn-status");
		String callback = callbackUrl(opened);
		ObjectNode response = txnStatus(opened);
		records.queueCallback(opened.senderId(), callback, "txn-on-status", response.toString(), "succ", 1, 1);
		return DciCodec.ack(response.path("correlation_id").asText());
	}

	/**
	 * The spec's answer here is a plain EnrollmentUpdatesResponse; a registry answering every synchronous call
	 * alike wraps it in a signed envelope ({@code enveloped-enrollment-answers}).
	 */
	@Transactional
	Object enrollmentUpdates(String authorization, byte[] body) {
		DciCodec.Opened opened = admit(authorization, body, "notify");
		JsonNode beneficiaries = opened.message().path("enrolled_updates").path("beneficiaries");
		if (!beneficiaries.isArray() || beneficiaries.isEmpty()) {
			throw DciRefusal.bad("enrolled_updates.beneficiaries is required");
		}
		checkCount(opened, beneficiaries.size());
		ObjectNode response = answer(opened);
		ArrayNode items = response.putArray("enrolled_response");
		for (JsonNode record : beneficiaries) {
			JsonNode member = record.path("member");
			JsonNode person = member.path("demographic_info").path("person");
			JsonNode enrolment = member.path("programme_identifier");
			String memberId = member.path("member_identifier").asText("");
			String programme = enrolment.path("programme").path("programme_identifier").asText("");
			String status = enrolment.path("enrolment_status").asText("");
			ObjectNode item = items.addObject();
			item.put("reference_id", memberId.isBlank() ? "unknown" : memberId);
			item.put("timestamp", DciCodec.timestamp(EngineClock.now()));
			if (memberId.isBlank() || programme.isBlank() || status.isBlank()) {
				item.put("status", "rjct");
				item.put("status_reason_message", "member_identifier, programme_identifier and enrolment_status are required");
				continue;
			}
			String name = person.path("name").path("first_name").asText("") + " "
					+ person.path("name").path("surname").asText("");
			records.upsert(new SandboxDciRecords.Beneficiary(opened.senderId(), memberId, programme,
					person.path("identifier_type").asText(null), person.path("identifier_value").asText(null),
					nameKey(name), person.path("birth_date").asText(""), status, record.toString()));
			item.put("status", "succ");
		}
		if (properties.envelopedEnrollmentAnswers()) {
			return signed("on-notify", opened.senderId(), response, items);
		}
		return response;
	}

	/** The spec's answer here is a plain EnrolledResponse. */
	@Transactional
	ObjectNode enrolled(String authorization, byte[] body) {
		DciCodec.Opened opened = admit(authorization, body, "search");
		JsonNode query = opened.message().path("enrolled_criteria").path("query");
		String person = query.path("person_identifier").path("eq").asText("");
		String programme = query.path("programme_identifier.program.programme_identifier").path("eq").asText("");
		if (person.isBlank() || programme.isBlank()) {
			throw DciRefusal.rejected("rjct.search_criteria.invalid",
					"enrolled_criteria.query needs person_identifier and programme_identifier eq");
		}
		boolean enrolled = records.activeIn(person, programme);
		ObjectNode response = answer(opened);
		response.putArray("enrolled_response")
			.addObject()
			.put("reference_id", opened.message().path("transaction_id").asText())
			.put("timestamp", DciCodec.timestamp(EngineClock.now()))
			.put("status", "succ")
			.put("enrolled_status", enrolled ? "yes" : "no");
		return response;
	}

	private ObjectNode search(DciCodec.Opened opened) {
		JsonNode requests = opened.message().path("search_request");
		if (!requests.isArray() || requests.isEmpty()) {
			throw DciRefusal.rejected("rjct.search_criteria.invalid", "search_request is required");
		}
		checkCount(opened, requests.size());
		ObjectNode response = answer(opened);
		ArrayNode items = response.putArray("search_response");
		List<String> references = new ArrayList<>();
		for (JsonNode request : requests) {
			String reference = request.path("reference_id").asText("");
			references.add(reference);
			ObjectNode item = items.addObject();
			item.put("reference_id", reference);
			item.put("timestamp", DciCodec.timestamp(EngineClock.now()));
			List<SandboxDciRecords.Beneficiary> found;
			try {
				found = find(request.path("search_criteria"));
			}
			catch (IllegalArgumentException invalid) {
				item.put("status", "rjct");
				item.put("status_reason_code", "rjct.search_criteria.invalid");
				item.put("status_reason_message", invalid.getMessage());
				continue;
			}
			item.put("status", "succ");
			ObjectNode data = item.putObject("data");
			data.put("version", DciCodec.VERSION);
			ArrayNode recordsFound = data.putArray("reg_records");
			for (SandboxDciRecords.Beneficiary b : found) {
				recordsFound.add(read(b.record()));
			}
			item.putObject("pagination").put("page_size", 100).put("page_number", 1).put("total_count", found.size());
			item.put("locale", "eng");
		}
		records.transaction(opened.senderId(), opened.message().path("transaction_id").asText(),
				response.path("correlation_id").asText(), "search", "|" + String.join("|", references) + "|",
				response.toString());
		return response;
	}

	private List<SandboxDciRecords.Beneficiary> find(JsonNode criteria) {
		String type = criteria.path("query_type").asText("");
		JsonNode query = criteria.path("query");
		switch (type) {
			case "idtype-value" -> {
				if (!query.path("type").isTextual() || !query.path("value").isValueNode()) {
					throw new IllegalArgumentException("idtype-value needs query.type and query.value");
				}
				return records.byIdentifier(query.path("type").asText(), query.path("value").asText());
			}
			case "predicate" -> {
				String name = null;
				String birthDate = null;
				for (JsonNode predicate : query) {
					for (JsonNode expression : List.of(predicate.path("expression1"), predicate.path("expression2"))) {
						if (!expression.isObject()) {
							continue;
						}
						if (!"eq".equals(expression.path("operator").asText())) {
							throw new IllegalArgumentException("This registry supports the eq operator only");
						}
						switch (expression.path("attribute_name").asText()) {
							case "name" -> name = expression.path("attribute_value").asText();
							case "birth_date" -> birthDate = expression.path("attribute_value").asText();
							default -> throw new IllegalArgumentException("Unknown attribute "
									+ expression.path("attribute_name").asText());
						}
					}
				}
				if (name == null || birthDate == null) {
					throw new IllegalArgumentException("A demographic search needs name and birth_date");
				}
				return records.byNameAndBirthDate(nameKey(name), birthDate);
			}
			default -> throw new IllegalArgumentException("query_type " + type + " is not supported");
		}
	}

	private ObjectNode txnStatus(DciCodec.Opened opened) {
		JsonNode request = opened.message().path("txnstatus_request");
		JsonNode references = request.path("attribute_value");
		if (!"reference_id_list".equals(request.path("attribute_type").asText()) || !references.isArray()
				|| references.isEmpty()) {
			throw DciRefusal.rejected("rjct.reference_id.invalid", "This registry looks up status by reference_id_list");
		}
		String stored = records.responseByReference(opened.senderId(), references.get(0).asText())
			.orElseThrow(() -> DciRefusal.rejected("rjct.reference_id.invalid", "No search with reference "
					+ references.get(0).asText()));
		ObjectNode response = answer(opened);
		ObjectNode status = response.putObject("txnstatus_response");
		status.put("txn_type", "search");
		status.set("txn_status", read(stored));
		return response;
	}

	private void checkCount(DciCodec.Opened opened, int count) {
		if (opened.header().has("total_count") && opened.header().path("total_count").asInt(-1) != count) {
			throw DciRefusal.rejected("rjct.total_count.invalid", "total_count " + opened.header().path("total_count")
					+ " but " + count + " requests");
		}
	}

	private String callbackUrl(DciCodec.Opened opened) {
		String uri = opened.header().path("sender_uri").asText("");
		if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
			throw new DciRefusal(400, "err.sender_uri.invalid", "An asynchronous request needs sender_uri");
		}
		return uri;
	}

	private ObjectNode answer(DciCodec.Opened opened) {
		ObjectNode response = json.createObjectNode();
		response.put("transaction_id", opened.message().path("transaction_id").asText());
		response.put("correlation_id", UUID.randomUUID().toString());
		return response;
	}

	private byte[] signed(String action, String receiver, ObjectNode message, JsonNode items) {
		return envelope(action, receiver, "succ", items.size(), completed(items), message, false);
	}

	private static int completed(JsonNode items) {
		int completed = 0;
		for (JsonNode item : items) {
			completed += "succ".equals(item.path("status").asText("succ")) ? 1 : 0;
		}
		return completed;
	}

	private JsonNode read(String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Names compared as people write them in any script: NFC, case and spacing ignored. */
	static String nameKey(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
