package org.sevahub.portal.dci;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Applicant;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.RegistryRecord.Detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search request asks only what SevaHub knows (an empty name or birth date would match every record lacking
 * one), and an answer is final only when the header and every request we sent are {@code succ}.
 */
class DciMessagesTest {

	private final ObjectMapper json = new ObjectMapper();

	private final DciMessages messages = new DciMessages(json);

	private static Applicant applicant(String name, LocalDate born, String aadhaarHash) {
		return new Applicant(null, name, null, null, null, null, born, null, null, null, null, null, null, null, null,
				null, null, null, null, null, aadhaarHash, null);
	}

	@Test
	void anApplicantWithoutAadhaarIsSearchedByNameAndBirthDateOnly() {
		ObjectNode search = messages.searchRequest("t1", applicant("Asha Patil", LocalDate.of(1950, 3, 4), null));
		assertThat(DciMessages.referenceIds(search)).containsExactly("t1-demo");
		assertThat(search.at("/search_request/0/search_criteria/query/0/expression2/attribute_value").asText())
			.isEqualTo("04.03.1950");
		assertThat(DciSpec.requestErrors("/registry/sync/search", envelope(search))).isEmpty();
	}

	@Test
	void noDemographicPredicateWithoutABirthDateOrAName() {
		ObjectNode noBirthDate = messages.searchRequest("t2", applicant("Asha Patil", null, "hash"));
		assertThat(DciMessages.referenceIds(noBirthDate)).containsExactly("t2-id");
		assertThat(noBirthDate.toString()).doesNotContain("predicate");
		ObjectNode noName = messages.searchRequest("t3", applicant(" ", LocalDate.of(1950, 3, 4), "hash"));
		assertThat(DciMessages.referenceIds(noName)).containsExactly("t3-id");
		assertThatThrownBy(() -> messages.searchRequest("t4", applicant(null, null, null)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theMatchedRecordsSayWhoWhatMatchedAndTheEnrolmentAndNeverAnAadhaarNumber() throws Exception {
		JsonNode answer = json.readTree("""
				{"search_response": [
				  {"reference_id": "t-id", "status": "succ", "data": {"reg_records": [
				    {"member": {"member_identifier": "WB-OAP-000017",
				      "demographic_info": {"person": {"identifier_type": "AADHAAR_REF", "identifier_value": "h4sh",
				        "name": {"first_name": "Asha", "surname": "Patil"}, "birth_date": "04.03.1950"}},
				      "programme_identifier": {"programme": {"programme_identifier": "OAP", "programme_name": "Old Age Pension"},
				        "enrolment_date": "02.01.2025", "enrolment_status": "Active"}}},
				    {"member": {"member_identifier": "WB-OAP-000018",
				      "demographic_info": {"person": {"identifier_type": "AADHAAR_REF", "identifier_value": "h4sh"}},
				      "programme_identifier": {"programme": {"programme_identifier": "OAP"}, "enrolment_status": "Inactive"}}}]}},
				  {"reference_id": "t-demo", "status": "succ", "data": {"reg_records": [
				    {"member": {"member_identifier": "WB-OAP-000017",
				      "demographic_info": {"person": {"identifier_type": "AADHAAR_REF", "identifier_value": "h4sh",
				        "name": {"first_name": "Asha", "surname": "Patil"}, "birth_date": "04.03.1950"}},
				      "programme_identifier": {"programme": {"programme_identifier": "OAP", "programme_name": "Old Age Pension"},
				        "enrolment_date": "02.01.2025", "enrolment_status": "Active"}}},
				    {"member": {"member_identifier": "UP-OAP-9",
				      "demographic_info": {"person": {"identifier_type": "UID", "identifier_value": "2345 6789 0123",
				        "name": {"first_name": "ASHA", "surname": " PATIL"}, "birth_date": "04.03.1950"}},
				      "programme_identifier": {"programme": {"programme_identifier": "OAP"},
				        "enrolment_date": "05.06.2020", "enrolment_status": "Active"}}}]}}]}""");
		List<DciMessages.Matched> matched = DciMessages.matchedRecords(answer, "OAP", "OLD-AGE-PENSION", "OP2026000001",
				applicant("Asha  Patil", LocalDate.of(1950, 3, 4), "h4sh"));
		List<String> lines = matched.stream().map(DciMessages.Matched::line).toList();
		// The event log's English line, for support staff.
		assertThat(lines).containsExactly(
				"Registry record WB-OAP-000017: Asha Patil, born 04.03.1950; matched on Aadhaar, name, date of birth; "
						+ "Old Age Pension (OAP) Active since 02.01.2025; identifier Aadhaar (keyed hash, not shown)",
				"Registry record UP-OAP-9: ASHA  PATIL, born 04.03.1950; matched on name, date of birth; OAP (OAP) Active "
						+ "since 05.06.2020; identifier UID XXXX-XXXX-0123");
		assertThat(String.join("\n", lines)).doesNotContain("h4sh", "2345");
		// The same as facts, for the officer's brief to put in words: dates read, what matched by name, the
		// programme's service, the identifier masked or only named.
		assertThat(matched).extracting(DciMessages.Matched::facts)
			.containsExactly(
					new RegistryRecord("WB-OAP-000017", "Asha Patil", "1950-03-04",
							List.of(Detail.AADHAAR, Detail.NAME, Detail.BIRTH_DATE), List.of(), "OLD-AGE-PENSION", "OAP",
							"Old Age Pension", "Active", "2025-01-02", RegistryRecord.Identifier.aadhaarHash("AADHAAR_REF")),
					new RegistryRecord("UP-OAP-9", "ASHA  PATIL", "1950-03-04", List.of(Detail.NAME, Detail.BIRTH_DATE),
							List.of(), "OLD-AGE-PENSION", "OAP", "", "Active", "2020-06-05",
							new RegistryRecord.Identifier("UID", "XXXX-XXXX-0123")));
		assertThat(json.writeValueAsString(matched.stream().map(DciMessages.Matched::facts).toList()))
			.doesNotContain("h4sh", "2345");
	}

	@Test
	void aRecordMatchingNothingWeHoldSaysWhatTheSearchWasByAndADateTheSpecDoesNotWriteStaysAsGiven() throws Exception {
		JsonNode answer = json.readTree("""
				{"search_response": [
				  {"reference_id": "t-demo", "status": "succ", "data": {"reg_records": [
				    {"member": {"member_identifier": "WB-OAP-000020",
				      "demographic_info": {"person": {"identifier_type": "AADHAAR", "identifier_value": "1234-5678-9012",
				        "name": {"first_name": "A.", "surname": "Patil"}, "birth_date": "1950"}},
				      "programme_identifier": {"programme": {"programme_identifier": "OAP"}, "enrolment_status": "Active"}}}]}}]}""");
		RegistryRecord facts = DciMessages.matchedRecords(answer, "OAP", "OLD-AGE-PENSION", "OP2026000001",
				applicant("Asha Patil", LocalDate.of(1950, 3, 4), "h4sh")).get(0).facts();
		assertThat(facts.matchedOn()).isEmpty();
		assertThat(facts.searchedBy()).containsExactly(Detail.NAME, Detail.BIRTH_DATE);
		assertThat(facts.born()).isEqualTo("1950");
		assertThat(facts.since()).isEmpty();
		assertThat(facts.identifier()).isEqualTo(new RegistryRecord.Identifier("AADHAAR", "XXXX-XXXX-9012"));
	}

	@Test
	void anAnswerIsFinalOnlyWhenTheHeaderAndEveryRequestSentAreSucc() throws Exception {
		List<String> sent = List.of("t-id", "t-demo");
		JsonNode succ = json.readTree("{\"status\":\"succ\"}");
		assertThat(DciMessages.verdict(succ, answer("t-id", "succ", "t-demo", "succ"), sent).finality())
			.isEqualTo(DciMessages.Finality.FINAL);
		assertThat(DciMessages.verdict(succ, answer("t-id", "succ", "t-demo", "pdng"), sent).finality())
			.isEqualTo(DciMessages.Finality.PENDING);
		assertThat(DciMessages.verdict(succ, answer("t-id", "succ", "t-demo", "rcvd"), sent).finality())
			.isEqualTo(DciMessages.Finality.PENDING);
		assertThat(DciMessages.verdict(succ, answer("t-id", "succ", "other", "succ"), sent).finality())
			.isEqualTo(DciMessages.Finality.PENDING);
		assertThat(DciMessages.verdict(succ, json.readTree("{\"search_response\":[]}"), sent).finality())
			.isEqualTo(DciMessages.Finality.PENDING);
		assertThat(DciMessages.verdict(json.readTree("{\"status\":\"pdng\"}"), answer("t-id", "succ", "t-demo", "succ"),
				sent).finality()).isEqualTo(DciMessages.Finality.PENDING);
		assertThat(DciMessages.verdict(succ, answer("t-id", "rjct", "t-demo", "succ"), sent).finality())
			.isEqualTo(DciMessages.Finality.REJECTED);
		DciMessages.Verdict header = DciMessages.verdict(json.readTree(
				"{\"status\":\"rjct\",\"status_reason_code\":\"rjct.search_criteria.invalid\",\"status_reason_message\":\"no\"}"),
				json.createObjectNode(), sent);
		assertThat(header.finality()).isEqualTo(DciMessages.Finality.REJECTED);
		assertThat(header.reason()).contains("rjct.search_criteria.invalid");
		// Reference ids not stored (a search from before V11): every item present must be succ.
		assertThat(DciMessages.verdict(null, answer("a", "succ", "b", "succ"), List.of()).finality())
			.isEqualTo(DciMessages.Finality.FINAL);
		assertThat(DciMessages.verdict(null, answer("a", "succ", "b", "pdng"), List.of()).finality())
			.isEqualTo(DciMessages.Finality.PENDING);
	}

	@Test
	void aSuccHeaderCountingFewerCompletedThanTotalIsNotYetComplete() throws Exception {
		assertThat(DciMessages.complete(null)).isTrue();
		assertThat(DciMessages.complete(json.readTree("{\"status\":\"succ\"}"))).isTrue();
		assertThat(DciMessages.complete(json.readTree("{\"status\":\"succ\",\"total_count\":2,\"completed_count\":2}")))
			.isTrue();
		assertThat(DciMessages.complete(json.readTree("{\"status\":\"succ\",\"total_count\":2,\"completed_count\":1}")))
			.isFalse();
		assertThat(DciMessages.complete(json.readTree("{\"status\":\"pdng\",\"total_count\":2,\"completed_count\":2}")))
			.isFalse();
		assertThat(DciMessages.verdict(json.readTree("{\"status\":\"succ\",\"total_count\":2,\"completed_count\":1}"),
				answer("t-id", "succ", "t-demo", "succ"), List.of("t-id", "t-demo")).reason())
			.isEqualTo("header status succ, completed_count 1 of 2");
		assertThat(DciMessages.answeredItems(answer("t-id", "succ", "t-demo", "pdng")))
			.extracting(item -> item.path("reference_id").asText())
			.containsExactly("t-id");
	}

	private JsonNode answer(String ref1, String status1, String ref2, String status2) {
		ObjectNode answer = json.createObjectNode().put("transaction_id", "t");
		answer.putArray("search_response")
			.add(json.createObjectNode().put("reference_id", ref1).put("status", status1))
			.add(json.createObjectNode().put("reference_id", ref2).put("status", status2));
		return answer;
	}

	private JsonNode envelope(ObjectNode message) {
		DciCodec codec = new DciCodec(json, "sevahub.dept.example.in", "k",
				Ed25519Keys.privateKey("e8cbhduSziJRSUbyKzFZdT6TU30EeFEfr3jSN/SNFfM="), s -> java.util.Optional.empty(),
				java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(30), null);
		return codec.seal(codec.requestHeader("search", "ibr.sandbox.example.in",
				message.path("search_request").size(), null), message);
	}

}
