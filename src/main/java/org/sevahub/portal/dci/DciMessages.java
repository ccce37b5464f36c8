package org.sevahub.portal.dci;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.EngineClock;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.catalog.ServiceDefinition;

/**
 * The message bodies of the IBR spec as SevaHub fills them. The person is identified by the state's Aadhaar
 * reference (our keyed hash, never the number) and by name and birth date; the beneficiary record follows the
 * spec's example shape (programme and benefit inside the member, dates as dd.MM.yyyy).
 */
final class DciMessages {

	/** What the registry knows a person by in place of the Aadhaar number. */
	static final String AADHAAR_REF = "AADHAAR_REF";

	static final String ACTIVE = "Active";

	static final String INACTIVE = "Inactive";

	private static final DateTimeFormatter DCI_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final ObjectMapper json;

	DciMessages(ObjectMapper json) {
		this.json = json;
	}

	static String programme(ServiceDefinition service) {
		Object programme = service.portalSettings(DciClient.PORTAL).get("program");
		if (programme == null) {
			throw new IllegalStateException("Service " + service.code() + " names no DCI program (portals.dci.program)");
		}
		return programme.toString();
	}

	/**
	 * A search: by identifier where the applicant gave an Aadhaar, and by name and date of birth where both are
	 * known (an empty value would match every record lacking it: false duplicates). Neither: nothing to search
	 * by, which throws.
	 */
	ObjectNode searchRequest(String transactionId, Applicant applicant) {
		ObjectNode message = json.createObjectNode();
		message.put("transaction_id", transactionId);
		ArrayNode requests = message.putArray("search_request");
		if (applicant.aadhaarHash() != null && !applicant.aadhaarHash().isBlank()) {
			ObjectNode criteria = criteria(requests, transactionId + "-id", "idtype-value");
			criteria.putObject("query").put("type", AADHAAR_REF).put("value", applicant.aadhaarHash());
		}
		String name = nameOf(applicant);
		if (!name.isEmpty() && applicant.dateOfBirth() != null) {
			ObjectNode criteria = criteria(requests, transactionId + "-demo", "predicate");
			ObjectNode predicate = criteria.putArray("query").addObject();
			predicate.put("seq_num", 1);
			predicate.putObject("expression1")
				.put("attribute_name", "name")
				.put("operator", "eq")
				.put("attribute_value", name);
			predicate.put("condition", "and");
			predicate.putObject("expression2")
				.put("attribute_name", "birth_date")
				.put("operator", "eq")
				.put("attribute_value", DCI_DATE.format(applicant.dateOfBirth()));
		}
		if (requests.isEmpty()) {
			throw new IllegalArgumentException("The applicant has neither an Aadhaar nor a name and birth date to "
					+ "search the registry by");
		}
		return message;
	}

	private ObjectNode criteria(ArrayNode requests, String referenceId, String queryType) {
		ObjectNode request = requests.addObject();
		request.put("reference_id", referenceId);
		request.put("timestamp", DciCodec.timestamp(EngineClock.now()));
		ObjectNode criteria = request.putObject("search_criteria");
		criteria.put("version", DciCodec.VERSION);
		criteria.put("reg_event_type", "enrollement");
		criteria.put("query_type", queryType);
		request.put("locale", "eng");
		return criteria;
	}

	static List<String> referenceIds(JsonNode searchRequest) {
		return searchRequest.path("search_request").findValuesAsText("reference_id");
	}

	/** {@code /registry/sync/enrollment/updates}: the beneficiary, the programme and the benefit. */
	ObjectNode enrollmentUpdate(String transactionId, Application app, Applicant applicant, ServiceDefinition service,
			String enrolmentStatus, LocalDate today) {
		ObjectNode message = json.createObjectNode();
		message.put("transaction_id", transactionId);
		ArrayNode beneficiaries = message.putObject("enrolled_updates").putArray("beneficiaries");
		ObjectNode record = beneficiaries.addObject();
		ObjectNode context = record.putObject("@context");
		context.put("@vocab", "https://schema.spdci.org/extensions/ibr/v1");
		context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
		context.put("schema", "http://schema.org/");
		record.put("@id", "Beneficiary");
		record.put("@type", "Beneficiary");
		record.put("assistance_unit", "1");
		ObjectNode member = record.putObject("member");
		member.put("member_identifier", app.applicationNo());
		ObjectNode person = member.putObject("demographic_info").putObject("person");
		person.put("identifier_type", applicant.aadhaarHash() != null ? AADHAAR_REF : "APPLICATION_NO");
		person.put("identifier_value", applicant.aadhaarHash() != null ? applicant.aadhaarHash() : app.applicationNo());
		String[] parts = nameOf(applicant).split("\\s+", 2);
		ObjectNode name = person.putObject("name");
		name.put("first_name", parts[0]);
		name.put("surname", parts.length > 1 ? parts[1] : "");
		person.put("sex", applicant.gender() == null ? "" : applicant.gender());
		person.put("birth_date", applicant.dateOfBirth() == null ? "" : DCI_DATE.format(applicant.dateOfBirth()));
		person.put("address", applicant.district() == null ? "" : applicant.district());
		ArrayNode extra = member.putArray("additional_attributes");
		if (applicant.nameLocal() != null) {
			extra.addObject().put("attribute_name", "name_local").put("attribute_value", applicant.nameLocal());
		}
		member.put("registration_date", DCI_DATE.format(today));
		ObjectNode enrolment = member.putObject("programme_identifier");
		enrolment.putObject("programme")
			.put("programme_identifier", programme(service))
			.put("programme_name", service.nameEn());
		enrolment.put("enrolment_date", DCI_DATE.format(today));
		enrolment.put("enrolment_status", enrolmentStatus);
		enrolment.put("status_change_date", INACTIVE.equals(enrolmentStatus) ? DCI_DATE.format(today) : "");
		ObjectNode benefits = enrolment.putObject("benefits");
		benefits.put("benefit_type", "Cash");
		benefits.put("benefit_date", DCI_DATE.format(today));
		benefits.put("benefit_value", app.sanctionedAmount() == null ? "" : "INR " + app.sanctionedAmount().toPlainString());
		benefits.put("benefit_frequency", "Monthly");
		return message;
	}

	/** {@code /registry/sync/enrolled}: is this person enrolled in the programme? */
	ObjectNode enrolledRequest(String transactionId, Applicant applicant, String programme) {
		ObjectNode message = json.createObjectNode();
		message.put("transaction_id", transactionId);
		ObjectNode criteria = message.putObject("enrolled_criteria");
		criteria.put("query_type", "idtype-value");
		criteria.put("response_entity", "Member");
		ObjectNode query = criteria.putObject("query");
		query.putObject("person_identifier").put("eq", applicant.aadhaarHash());
		query.putObject("programme_identifier.program.programme_identifier").put("eq", programme);
		return message;
	}

	/**
	 * A status check on a search. By the reference ids of its requests: the spec's {@code attribute_value} is a
	 * oneOf in which a transaction id matches two branches, so only the list form validates.
	 */
	ObjectNode txnStatusRequest(String transactionId, List<String> referenceIds) {
		ObjectNode message = json.createObjectNode();
		message.put("transaction_id", transactionId);
		ObjectNode request = message.putObject("txnstatus_request");
		request.put("reference_id", transactionId + "-status");
		request.put("txn_type", "search");
		request.put("attribute_type", "reference_id_list");
		ArrayNode ids = request.putArray("attribute_value");
		referenceIds.forEach(ids::add);
		request.put("locale", "eng");
		return message;
	}

	/** What an answer to a search says: final (the records can be read), rejected, or not yet. */
	enum Finality {
		FINAL, REJECTED, PENDING
	}

	record Verdict(Finality finality, String reason) {
	}

	/**
	 * Whether an answer to a search can be taken. Final only when the header status (null: none to check) says
	 * the answer is complete and every reference id we sent is answered {@code succ}; rejected when the header
	 * or any item is {@code rjct}; pending otherwise ({@code pdng}/{@code rcvd}, an item missing, an empty
	 * answer).
	 *
	 * @param referenceIds the reference ids we sent; empty (unknown, a search from before they were stored):
	 *                     every item present must be {@code succ}, and there must be one
	 */
	static Verdict verdict(JsonNode header, JsonNode searchResponse, List<String> referenceIds) {
		java.util.Optional<Verdict> rejected = rejection(header, searchResponse);
		if (rejected.isPresent()) {
			return rejected.get();
		}
		if (!complete(header)) {
			return new Verdict(Finality.PENDING, headerState(header));
		}
		return items(searchResponse, referenceIds);
	}

	/** The registry's refusal, in the header or in any item; empty when it refused nothing. */
	static java.util.Optional<Verdict> rejection(JsonNode header, JsonNode searchResponse) {
		if (header != null && "rjct".equals(header.path("status").asText(""))) {
			return java.util.Optional.of(new Verdict(Finality.REJECTED, reason(header)));
		}
		for (JsonNode item : searchResponse.path("search_response")) {
			if ("rjct".equals(item.path("status").asText())) {
				return java.util.Optional.of(new Verdict(Finality.REJECTED, reason(item)));
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * Whether a header says the answer is complete: {@code succ}, and (where it counts them) no fewer requests
	 * completed than it has. A registry answering in parts says {@code pdng} on the first ones; one that says
	 * {@code succ} on each part tells by {@code completed_count}. Null (the search's answer inside a status
	 * check, whose own header was {@code succ}): complete.
	 */
	static boolean complete(JsonNode header) {
		if (header == null) {
			return true;
		}
		JsonNode total = header.path("total_count");
		JsonNode completed = header.path("completed_count");
		return "succ".equals(header.path("status").asText(""))
				&& !(total.isIntegralNumber() && completed.isIntegralNumber() && completed.asInt() < total.asInt());
	}

	static String headerState(JsonNode header) {
		String status = header.path("status").asText("");
		String counts = header.path("completed_count").isIntegralNumber() && header.path("total_count").isIntegralNumber()
				? ", completed_count " + header.path("completed_count").asInt() + " of " + header.path("total_count").asInt()
				: "";
		return "header status " + (status.isEmpty() ? "missing" : status) + counts;
	}

	/** The items {@code succ} in an answer: what a part of an answer contributes to the whole. */
	static List<JsonNode> answeredItems(JsonNode searchResponse) {
		List<JsonNode> answered = new java.util.ArrayList<>();
		for (JsonNode item : searchResponse.path("search_response")) {
			if ("succ".equals(item.path("status").asText(""))) {
				answered.add(item);
			}
		}
		return answered;
	}

	/** Whether the items answer every request we sent, each {@code succ}. */
	static Verdict items(JsonNode searchResponse, List<String> referenceIds) {
		java.util.Map<String, JsonNode> items = new java.util.LinkedHashMap<>();
		for (JsonNode item : searchResponse.path("search_response")) {
			items.put(item.path("reference_id").asText(""), item);
		}
		if (items.isEmpty()) {
			return new Verdict(Finality.PENDING, "no search_response");
		}
		java.util.Collection<String> expected = referenceIds.isEmpty() ? items.keySet() : referenceIds;
		for (String reference : expected) {
			JsonNode item = items.get(reference);
			if (item == null) {
				return new Verdict(Finality.PENDING, "no answer for " + reference);
			}
			String status = item.path("status").asText("");
			if (!"succ".equals(status)) {
				return new Verdict(Finality.PENDING, reference + " is " + (status.isEmpty() ? "without status" : status));
			}
		}
		return new Verdict(Finality.FINAL, "");
	}

	private static String reason(JsonNode node) {
		return node.path("status_reason_code").asText("") + " " + node.path("status_reason_message").asText("");
	}

	/**
	 * Whether a search response shows the person enrolled and active in the programme, other than through this
	 * very application (a search repeated after our own report must not flag ourselves).
	 */
	static boolean enrolledIn(JsonNode searchResponse, String programme, String ownApplicationNo) {
		for (JsonNode item : searchResponse.path("search_response")) {
			for (JsonNode record : item.path("data").path("reg_records")) {
				JsonNode member = record.path("member");
				JsonNode enrolment = member.path("programme_identifier");
				if (programme.equals(enrolment.path("programme").path("programme_identifier").asText())
						&& ACTIVE.equalsIgnoreCase(enrolment.path("enrolment_status").asText())
						&& !ownApplicationNo.equals(member.path("member_identifier").asText())) {
					return true;
				}
			}
		}
		return false;
	}

	/** A registry record that matched: the line support staff read in the event log, and its facts for officers. */
	record Matched(String line, RegistryRecord facts) {
	}

	/**
	 * The registry's records that make the applicant a possible duplicate ({@link #enrolledIn}'s), each as the
	 * officer's duplicate review shows it: the registry's reference, the name and birth date it holds, which of the
	 * applicant's details it matched, and the enrolment. Never an Aadhaar number: the search carries only its keyed
	 * hash, which is named, not shown, and an identifier that looks like an Aadhaar number is masked.
	 *
	 * @param service the catalog's code of the service searched for, whose name is the programme's to officers
	 */
	static List<Matched> matchedRecords(JsonNode searchResponse, String programme, String service,
			String ownApplicationNo, Applicant applicant) {
		java.util.Map<String, Matched> records = new java.util.LinkedHashMap<>();
		for (JsonNode item : searchResponse.path("search_response")) {
			boolean byAadhaar = item.path("reference_id").asText("").endsWith("-id");
			List<RegistryRecord.Detail> searchedBy = byAadhaar ? List.of(RegistryRecord.Detail.AADHAAR)
					: List.of(RegistryRecord.Detail.NAME, RegistryRecord.Detail.BIRTH_DATE);
			for (JsonNode record : item.path("data").path("reg_records")) {
				JsonNode member = record.path("member");
				JsonNode enrolment = member.path("programme_identifier");
				String reference = member.path("member_identifier").asText();
				if (!programme.equals(enrolment.path("programme").path("programme_identifier").asText())
						|| !ACTIVE.equalsIgnoreCase(enrolment.path("enrolment_status").asText())
						|| ownApplicationNo.equals(reference) || records.containsKey(reference)) {
					continue;
				}
				JsonNode person = member.path("demographic_info").path("person");
				String name = (person.path("name").path("first_name").asText("") + " "
						+ person.path("name").path("surname").asText("")).strip();
				String born = person.path("birth_date").asText("");
				List<RegistryRecord.Detail> matched = new java.util.ArrayList<>();
				String type = person.path("identifier_type").asText("");
				String value = person.path("identifier_value").asText("");
				if (AADHAAR_REF.equals(type) && value.equals(applicant.aadhaarHash())) {
					matched.add(RegistryRecord.Detail.AADHAAR);
				}
				if (!name.isEmpty() && normalised(name).equals(normalised(nameOf(applicant)))) {
					matched.add(RegistryRecord.Detail.NAME);
				}
				if (applicant.dateOfBirth() != null && born.equals(DCI_DATE.format(applicant.dateOfBirth()))) {
					matched.add(RegistryRecord.Detail.BIRTH_DATE);
				}
				String programmeName = enrolment.path("programme").path("programme_name").asText("");
				String status = enrolment.path("enrolment_status").asText();
				String since = enrolment.path("enrolment_date").asText("");
				RegistryRecord.Identifier identifier = type.isEmpty() ? null : identifier(type, value);
				String line = "Registry record " + reference + ": " + (name.isEmpty() ? "no name given" : name)
						+ (born.isEmpty() ? "" : ", born " + born) + "; matched on "
						+ (matched.isEmpty() ? "the registry's search by " + (byAadhaar ? "Aadhaar (keyed hash)"
								: "name and birth date") : String.join(", ", matched.stream().map(DciMessages::inEnglish).toList()))
						+ "; " + (programmeName.isEmpty() ? programme : programmeName) + " (" + programme + ") " + status
						+ " since " + (since.isEmpty() ? "?" : since)
						+ (identifier == null ? "" : "; identifier " + inEnglish(identifier));
				records.put(reference, new Matched(line, new RegistryRecord(reference, name, isoDate(born),
						List.copyOf(matched), matched.isEmpty() ? searchedBy : List.of(), service, programme,
						programmeName, status, isoDate(since), identifier)));
			}
		}
		return List.copyOf(records.values());
	}

	private static String inEnglish(RegistryRecord.Detail detail) {
		return switch (detail) {
			case AADHAAR -> "Aadhaar";
			case NAME -> "name";
			case BIRTH_DATE -> "date of birth";
		};
	}

	private static String inEnglish(RegistryRecord.Identifier identifier) {
		return identifier.aadhaarHash() ? "Aadhaar (keyed hash, not shown)" : identifier.type() + " " + identifier.masked();
	}

	/** A registry date (dd.MM.yyyy) as ISO, for the officer's page to write in words; one it cannot read, as given. */
	private static String isoDate(String registryDate) {
		try {
			return LocalDate.parse(registryDate, DCI_DATE).toString();
		}
		catch (java.time.format.DateTimeParseException notTheSpecsFormat) {
			return registryDate;
		}
	}

	/**
	 * An identifier as an officer may see it: an Aadhaar's keyed hash named only, a number that may be an Aadhaar
	 * number (its type says so, or it has 12 digits) masked to its last four digits.
	 */
	static RegistryRecord.Identifier identifier(String type, String value) {
		if (AADHAAR_REF.equals(type)) {
			return RegistryRecord.Identifier.aadhaarHash(type);
		}
		String digits = value.replaceAll("[\\s-]", "");
		if (type.toUpperCase(java.util.Locale.ROOT).contains("AADHAAR") || digits.matches("\\d{12}")) {
			return new RegistryRecord.Identifier(type,
					"XXXX-XXXX-" + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "XXXX"));
		}
		return new RegistryRecord.Identifier(type, value);
	}

	private static String normalised(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	private static String nameOf(Applicant applicant) {
		String name = applicant.nameEn() != null && !applicant.nameEn().isBlank() ? applicant.nameEn()
				: applicant.nameLocal();
		return name == null ? "" : name.strip();
	}

}
