package org.sevahub.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The application API (docs/architecture.md) over real HTTP: what it answers, and what it refuses without a trace. */
@SevaHubTest
class ApplicationApiTest {

	static final String BIRTH = """
			{"serviceCode": "BIRTH-CERT",
			 "applicant": {"nameEn": "Sunita Banerjee", "nameLocal": "সুনীতা বন্দ্যোপাধ্যায়", "mobile": "9876543210",
			               "address": "12 Lake Road", "district": "Kolkata", "pincode": "700029"},
			 "data": {"childName": "Rahul", "childNameLocal": "राहुल", "childGender": "M", "childDateOfBirth": "2026-10-01",
			          "placeOfBirth": "SSKM Hospital", "fatherName": "Amit", "motherName": "Sunita", "relation": "parent"}}""";

	/** The applicant's number in BIRTH: the citizen these tests sign in as. */
	static final String MOBILE = "9876543210";

	@Autowired
	TestRestTemplate anonymous;

	@Autowired
	Environment environment;

	TestRestTemplate http;

	@BeforeEach
	void signIn() {
		http = CitizenLogin.as(anonymous, environment, MOBILE);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestDocuments documents;

	@Test
	void createsSubmitsAndDescribesAnApplication() {
		String no = create(BIRTH);
		ResponseEntity<Map> submitted = post("/api/v1/applications/" + no + "/submit", "{}");
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(submitted.getBody()).containsEntry("status", "UNDER_VERIFICATION").containsEntry("accepted", "true");

		Map<String, Object> view = http.getForObject("/api/v1/applications/" + no, Map.class);
		assertThat(view).containsEntry("status", "UNDER_VERIFICATION").containsEntry("applicantName", "Su**** Ba******");
		assertThat((List<Map<String, Object>>) view.get("history")).extracting(h -> h.get("status"))
			.containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION");
		assertThat((List<String>) view.get("nextActions")).containsExactly("withdraw");
	}

	/**
	 * A withdrawal reason or appeal grounds with a NUL or another control character: 200 CANCELLED on H2, a 500 on
	 * PostgreSQL, which cannot store NUL. Refused as a field error before anything is looked at or changed.
	 */
	@Test
	void controlCharactersInAReasonOrGroundsAreRefusedAndNothingChanges() {
		String no = create(BIRTH);
		post("/api/v1/applications/" + no + "/submit", "{}");
		for (String reason : new String[] { "a\\u0000", "a\\u0007b", "\\u001b[31mred" }) {
			ResponseEntity<Map> withdrawn = post("/api/v1/applications/" + no + "/withdraw", "{\"reason\":\"" + reason + "\"}");
			assertThat(withdrawn.getStatusCode().value()).as(reason).isEqualTo(400);
			assertThat(withdrawn.getBody()).containsEntry("error", "invalid");
			assertThat((Map<String, String>) withdrawn.getBody().get("fieldErrors")).containsKey("reason");
			ResponseEntity<Map> appealed = post("/api/v1/applications/" + no + "/appeal", "{\"grounds\":\"" + reason + "\"}");
			assertThat(appealed.getStatusCode().value()).as(reason).isEqualTo(400);
			assertThat((Map<String, String>) appealed.getBody().get("fieldErrors")).containsKey("grounds");
		}
		assertThat(http.getForObject("/api/v1/applications/" + no, Map.class)).containsEntry("status", "UNDER_VERIFICATION");
		// Tabs and line breaks are text, not control characters.
		assertThat(post("/api/v1/applications/" + no + "/withdraw", "{\"reason\":\"Moved away.\\n\\tNo longer needed\"}")
			.getBody()).containsEntry("status", "CANCELLED");
	}

	@Test
	void aDoubleSubmitChangesNothing() {
		String no = create(BIRTH);
		post("/api/v1/applications/" + no + "/submit", "{}");
		ResponseEntity<Map> again = post("/api/v1/applications/" + no + "/submit", "{\"data\": {\"childName\": \"X\"}}");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).containsEntry("accepted", "false");
		assertThat(countWhere("SELECT COUNT(*) FROM status_history h JOIN application a ON a.id = h.application_id "
				+ "WHERE a.application_no = '" + no + "' AND h.status = 'SUBMITTED'")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT form_data FROM application WHERE application_no = :no").param("no", no)
			.query(String.class)
			.single()).contains("\"childName\":\"Rahul\"");
	}

	@Test
	void aDraftAfterSubmissionIsRefused() {
		String no = create(BIRTH);
		post("/api/v1/applications/" + no + "/submit", "{}");
		ResponseEntity<Map> draft = exchange(HttpMethod.PUT, "/api/v1/applications/" + no + "/draft", "{\"data\": {}}");
		assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(draft.getBody()).containsEntry("error", "not-allowed");
	}

	@Test
	void anIncompleteSubmissionGetsFieldErrorsAndChangesNothing() {
		String no = create("""
				{"serviceCode": "BIRTH-CERT", "applicant": {"nameEn": "Ram Das"}}""");
		ResponseEntity<Map> refused = post("/api/v1/applications/" + no + "/submit",
				"{\"data\": {\"childDateOfBirth\": \"2030-01-01\", \"childGender\": \"X\"}}");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		Map<String, String> errors = (Map<String, String>) refused.getBody().get("fieldErrors");
		assertThat(errors).containsKeys("childName", "placeOfBirth")
			.containsEntry("childDateOfBirth", "Date of birth cannot be in the future")
			.containsEntry("childGender", "Sex of the child must be one of the listed choices");
		assertThat(http.getForObject("/api/v1/applications/" + no, Map.class)).containsEntry("status", "INITIATED");
		assertThat(jdbc.sql("SELECT form_data FROM application WHERE application_no = :no").param("no", no)
			.query(String.class)
			.single()).doesNotContain("2030-01-01");
	}

	@Test
	void wrongKeysAreNamedAndNothingIsCreated() {
		long before = countWhere("SELECT COUNT(*) FROM application");
		ResponseEntity<Map> unknownTop = post("/api/v1/applications",
				"{\"serviceCode\": \"BIRTH-CERT\", \"aplicant\": {}}");
		assertThat(unknownTop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((Map<String, String>) unknownTop.getBody().get("fieldErrors")).containsKey("aplicant");
		ResponseEntity<Map> unknownField = post("/api/v1/applications",
				"{\"serviceCode\": \"BIRTH-CERT\", \"data\": {\"childname\": \"x\"}}");
		assertThat((Map<String, String>) unknownField.getBody().get("fieldErrors")).containsEntry("childname",
				"'childname' is not a field of this form");
		assertThat(countWhere("SELECT COUNT(*) FROM application")).isEqualTo(before);
	}

	@Test
	void malformedJsonAndAnUnknownServiceAreRefusedWithoutATrace() {
		long before = countWhere("SELECT COUNT(*) FROM application");
		ResponseEntity<Map> malformed = post("/api/v1/applications", "{\"serviceCode\": \"BIRTH-CERT\", ");
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(malformed.getBody()).containsEntry("error", "malformed");
		ResponseEntity<Map> unknown = post("/api/v1/applications", "{\"serviceCode\": \"PASSPORT\"}");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) unknown.getBody().get("message")).contains("PASSPORT");
		assertThat(http.getForEntity("/api/v1/applications/XX2026999999", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(countWhere("SELECT COUNT(*) FROM application")).isEqualTo(before);
	}

	@Test
	void theCatalogGivesFeePortalCodesAndTheCitizenForm() {
		Map<String, Object> income = http.getForObject("/api/v1/services/INCOME-CERT", Map.class);
		assertThat(income).containsEntry("fee", 33.6).containsEntry("disposalDays", 15);
		assertThat((Map<String, String>) income.get("portalCodes")).containsEntry("bsk", "AMD002")
			.containsEntry("isp", "INC01")
			.containsEntry("aaplesarkar", "1102")
			.containsEntry("digilocker", "INCER");
		assertThat((Map<String, Object>) income.get("form")).containsEntry("id", "income-certificate");
		assertThat(http.getForEntity("/api/v1/services/NOPE", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theEngineRestApiNeedsAnOfficerAndRefusesAnUnknownDecision() {
		assertThat(anonymous.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		String no = create(BIRTH);
		post("/api/v1/applications/" + no + "/submit", "{}");
		TestRestTemplate assistant = anonymous.withBasicAuth("assistant", "assistant");
		List<Map<String, Object>> tasks = assistant.exchange("/engine-rest/task?processInstanceBusinessKey=" + no,
				HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
			.getBody();
		assertThat(tasks).hasSize(1);
		String taskId = (String) tasks.get(0).get("id");

		ResponseEntity<Map> refused = assistant.postForEntity("/engine-rest/task/" + taskId + "/complete",
				json("{\"variables\": {\"decision\": {\"value\": \"approve\"}}}"), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("message"))
			.isEqualTo("decision: 'approve' is not one of the form's choices (forward, clarify)");
		assertThat(assistant.getForObject("/engine-rest/task/" + taskId, Map.class)).containsEntry("id", taskId);

		ResponseEntity<Map> foreign = anonymous.withBasicAuth("appellate2", "appellate2")
			.postForEntity("/engine-rest/task/" + taskId + "/complete",
					json("{\"variables\": {\"decision\": {\"value\": \"forward\"}}}"), Map.class);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> done = assistant.postForEntity("/engine-rest/task/" + taskId + "/complete",
				json("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \"ঠিক আছে\"}}}"),
				String.class);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> view = http.getForObject("/api/v1/applications/" + no, Map.class);
		assertThat((List<Map<String, Object>>) view.get("history")).anySatisfy(h -> assertThat(h)
			.containsEntry("status", "FORWARDED")
			.containsEntry("actor", "assistant")
			.containsEntry("remarks", "ঠিক আছে"));
	}

	@Test
	void withoutACredentialTheApiAnswers401AndAnotherCitizen404AsForAnUnknownNumber() {
		String no = create(BIRTH);
		TestRestTemplate stranger = CitizenLogin.as(anonymous, environment, "9123456780");
		String pension = "{\"applicant\": {\"mobile\": \"9123456780\"}, \"data\": {\"bankAccount\": \"000111\"}}";
		List<Object[]> calls = List.of(new Object[] { HttpMethod.GET, "", null },
				new Object[] { HttpMethod.PUT, "/draft", pension }, new Object[] { HttpMethod.POST, "/submit", "{}" },
				new Object[] { HttpMethod.POST, "/withdraw", "{}" },
				new Object[] { HttpMethod.POST, "/appeal", "{\"grounds\": \"x\"}" },
				new Object[] { HttpMethod.GET, "/documents", null });
		for (Object[] call : calls) {
			HttpMethod method = (HttpMethod) call[0];
			String path = "/api/v1/applications/" + no + call[1];
			ResponseEntity<Map> nobody = anonymous.exchange(path, method, json((String) call[2]), Map.class);
			assertThat(nobody.getStatusCode()).as("anonymous " + method + " " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(nobody.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
			ResponseEntity<Map> theirs = stranger.exchange(path, method, json((String) call[2]), Map.class);
			ResponseEntity<Map> unknown = stranger.exchange("/api/v1/applications/BC2099999999" + call[1], method,
					json((String) call[2]), Map.class);
			assertThat(theirs.getStatusCode()).as("stranger " + method + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(theirs.getBody()).isEqualTo(unknown.getBody());
			assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(http.getForObject("/api/v1/applications/" + no, Map.class)).containsEntry("status", "INITIATED");
		assertThat(jdbc.sql("SELECT form_data FROM application WHERE application_no = :no").param("no", no)
			.query(String.class)
			.single()).doesNotContain("000111");
		assertThat(anonymous.postForEntity("/api/v1/applications", json(BIRTH), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getForEntity("/api/v1/citizen/applications", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aSignedInCitizenAppliesOnlyUnderTheirOwnNumberAndSeesWhatItOwns() {
		long before = countWhere("SELECT COUNT(*) FROM application");
		ResponseEntity<Map> other = post("/api/v1/applications", BIRTH.replace(MOBILE, "9123456780"));
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((Map<String, String>) other.getBody().get("fieldErrors")).containsKey("applicant.mobile");
		assertThat(countWhere("SELECT COUNT(*) FROM application")).isEqualTo(before);
		String mine = create(BIRTH);
		List<Map<String, Object>> owned = http.exchange("/api/v1/citizen/applications", HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
			.getBody();
		assertThat(owned).extracting(a -> a.get("applicationNo")).contains(mine);
		assertThat(CitizenLogin.as(anonymous, environment, "9000000001")
			.exchange("/api/v1/citizen/applications", HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					})
			.getBody()).extracting(a -> a.get("applicationNo")).doesNotContain(mine);
	}

	/** Creates the application and sends the documents it needs, as a client does before submitting. */
	private String create(String body) {
		ResponseEntity<Map> created = post("/api/v1/applications", body);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).containsEntry("status", "INITIATED");
		String no = (String) created.getBody().get("applicationNo");
		documents.attachNeeded(no);
		return no;
	}

	private long countWhere(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private ResponseEntity<Map> post(String path, String json) {
		return http.postForEntity(path, json(json), Map.class);
	}

	private ResponseEntity<Map> exchange(HttpMethod method, String path, String json) {
		return http.exchange(path, method, json(json), Map.class);
	}

	private static HttpEntity<String> json(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(json, headers);
	}

}
