package org.sevahub.office;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications go to the office that serves the applicant's PIN code, their appeals to the office above it, an
 * administrator's transfer moves the open task, and the officers of one district see none of another's tasks,
 * through Tasklist's filters or the engine's REST API. The demo officers: assistant and officer in Kolkata
 * (WB-KOL), assistant2 and officer2 in Howrah (WB-HWH), appellate1 at the state office (WB).
 */
class OfficeRoutingProcessTest extends ProcessTestSupport {

	static final String KOLKATA_PIN = "700029";

	static final String HOWRAH_PIN = "711101";

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	ApplicationOffices offices;

	@Autowired
	TestRestTemplate http;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	Application submitFrom(String serviceCode, String pincode, String district) {
		Map<String, String> form = new java.util.LinkedHashMap<>(ProcessDriver.validForm(serviceCode));
		form.put("applicant.pincode", pincode);
		form.put("applicant.district", district);
		Application app = driver.start(serviceCode, form);
		applications.submit(app.applicationNo(), Map.of());
		return driver.reload(app);
	}

	List<String> candidateGroups(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	@Test
	void anApplicationFromAKolkataPinCodeLandsOnlyInTheKolkataOffice() {
		Application app = submitFrom("BIRTH-CERT", KOLKATA_PIN, "Kolkata");
		assertThat(offices.officeOf(app.id())).contains("WB-KOL");
		assertThat(candidateGroups(driver.task(app, "Task_VerifyApplication"))).containsExactly("dealingAssistant:WB-KOL");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		assertThat(candidateGroups(driver.task(app, "Task_Decide"))).containsExactly("designatedOfficer:WB-KOL");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("WB-KOL", "PIN code 700029"));
	}

	@Test
	void aSubDivisionsApplicationGoesToThePostsAtItsDistrict() {
		// Uluberia's PIN code routes to the sub-division; the birth registrar's posts sit at the district above it.
		Application app = submitFrom("BIRTH-CERT", "711316", "Howrah");
		assertThat(offices.officeOf(app.id())).contains("WB-HWH-ULB");
		assertThat(candidateGroups(driver.task(app, "Task_VerifyApplication"))).containsExactly("dealingAssistant:WB-HWH");
	}

	@Test
	void anAppealGoesToTheAppellatePostOfTheSuperiorOffice() {
		Application app = submitFrom("BIRTH-CERT", HOWRAH_PIN, "Howrah");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "Not registered in this district");
		applications.fileAppeal(app.applicationNo(), "Registered at the Howrah municipal office");
		assertThat(candidateGroups(driver.task(app, "Task_HearFirstAppeal"))).containsExactly("firstAppellate:WB");
	}

	@Test
	void aTransferMovesTheOpenTaskAndIsOnTheRecord() {
		Application app = submitFrom("BIRTH-CERT", KOLKATA_PIN, "Kolkata");
		Task verify = driver.task(app, "Task_VerifyApplication");
		assertThat(visibleTo("assistant", "dealingAssistant:WB-KOL")).contains(verify.getId());
		assertThat(tasks.getVariableLocal(verify.getId(), "brief").toString()).contains("(WB-KOL)");

		ResponseEntity<Map> answer = http.withBasicAuth("demo", "demo")
			.postForEntity("/api/v1/admin/applications/" + app.applicationNo() + "/transfer",
					json("{\"toOffice\": \"WB-HWH\", \"reason\": \"The applicant lives in Howrah\"}"), Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody()).containsEntry("from", "WB-KOL").containsEntry("to", "WB-HWH");

		assertThat(offices.officeOf(app.id())).contains("WB-HWH");
		assertThat(candidateGroups(driver.task(app, "Task_VerifyApplication"))).containsExactly("dealingAssistant:WB-HWH");
		assertThat(visibleTo("assistant", "dealingAssistant:WB-KOL")).doesNotContain(verify.getId());
		assertThat(visibleTo("assistant2", "dealingAssistant:WB-HWH")).contains(verify.getId());
		// The moved task's brief, which Tasklist's form shows, names the new office.
		assertThat(tasks.getVariableLocal(verify.getId(), "brief").toString())
			.contains("Howrah District Office (WB-HWH)").doesNotContain("WB-KOL");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("from WB-KOL to WB-HWH",
				"by demo", "The applicant lives in Howrah", "Verify application: dealingAssistant:WB-KOL"));
		// The record's detail is English: the moved task by its BPMN name, not Tasklist's bilingual one.
		assertThat(answer.getBody().get("movedTasks")).asList()
			.containsExactly("Verify application: dealingAssistant:WB-KOL → dealingAssistant:WB-HWH");

		// Resubmitting the route (a clarification's reply) keeps the administrator's office.
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		assertThat(candidateGroups(driver.task(app, "Task_Decide"))).containsExactly("designatedOfficer:WB-HWH");
	}

	@Test
	void aTransferIsRefusedInWordsForAnUnknownOfficeOrNoReasonAndOnlyForAdministrators() {
		Application app = submitFrom("BIRTH-CERT", KOLKATA_PIN, "Kolkata");
		String url = "/api/v1/admin/applications/" + app.applicationNo() + "/transfer";
		ResponseEntity<Map> unknown = http.withBasicAuth("demo", "demo")
			.postForEntity(url, json("{\"toOffice\": \"XX-NOWHERE\", \"reason\": \"test\"}"), Map.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody()).containsEntry("message", "No office has the code 'XX-NOWHERE'");
		ResponseEntity<Map> noReason = http.withBasicAuth("demo", "demo")
			.postForEntity(url, json("{\"toOffice\": \"WB-HWH\"}"), Map.class);
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map> missing = http.withBasicAuth("demo", "demo")
			.postForEntity("/api/v1/admin/applications/BC2026999999/transfer",
					json("{\"toOffice\": \"WB-HWH\", \"reason\": \"test\"}"), Map.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> officer = http.withBasicAuth("officer", "officer")
			.postForEntity(url, json("{\"toOffice\": \"WB-HWH\", \"reason\": \"mine now\"}"), String.class);
		assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(offices.officeOf(app.id())).contains("WB-KOL");
	}

	/**
	 * The mapping did not declare what it produces: a transfer asking for XML was made and committed, and only its
	 * answer refused (406); with an empty body the refusal's own answer could not be written (500).
	 */
	@Test
	void anAcceptTheAdminApiCannotAnswerIsRefusedBeforeTheTransfer() {
		Application app = submitFrom("BIRTH-CERT", KOLKATA_PIN, "Kolkata");
		String url = "/api/v1/admin/applications/" + app.applicationNo() + "/transfer";
		for (String body : new String[] { "{\"toOffice\": \"WB-HWH\", \"reason\": \"qa\"}", "{}" }) {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(MediaType.APPLICATION_XML));
			ResponseEntity<Map> answer = http.withBasicAuth("demo", "demo")
				.postForEntity(url, new HttpEntity<>(body, headers), Map.class);
			assertThat(answer.getStatusCode().value()).as(body).isEqualTo(406);
			assertThat(answer.getBody()).containsEntry("error", "not-acceptable");
		}
		assertThat(offices.officeOf(app.id())).contains("WB-KOL");
	}

	/**
	 * A reason longer than its column, or with a NUL or another control character (which PostgreSQL cannot store):
	 * refused as invalid in the admin API's shape, and the application stays where it was.
	 */
	@Test
	void anOverlongReasonOrControlCharactersAreRefusedAndNothingMoves() {
		Application app = submitFrom("BIRTH-CERT", KOLKATA_PIN, "Kolkata");
		String url = "/api/v1/admin/applications/" + app.applicationNo() + "/transfer";
		for (String body : new String[] { "{\"toOffice\": \"WB-HWH\", \"reason\": \"" + "x".repeat(501) + "\"}",
				"{\"toOffice\": \"WB-HWH\", \"reason\": \"a\\u0000\"}",
				"{\"toOffice\": \"WB-HWH\", \"reason\": \"a\\u001b[31m\"}",
				"{\"toOffice\": \"WB-HWH\\u0000\", \"reason\": \"qa\"}" }) {
			ResponseEntity<Map> answer = http.withBasicAuth("demo", "demo").postForEntity(url, json(body), Map.class);
			assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
			assertThat(answer.getBody()).as(body).containsEntry("error", "invalid").containsKey("message");
		}
		assertThat(offices.officeOf(app.id())).contains("WB-KOL");
		assertThat(events.of(app.id())).noneSatisfy(e -> assertThat(e.kind()).isEqualTo(OfficeTransfers.TRANSFERRED));
	}

	@Test
	void anOfficerOfHowrahSeesNoneOfKolkatasTasksThroughTasklistsFiltersOrTheEngineRestApi() {
		Application kolkata = submitFrom("BIRTH-CERT", KOLKATA_PIN, "Kolkata");
		Application howrah = submitFrom("BIRTH-CERT", HOWRAH_PIN, "Howrah");
		String kolkataTask = driver.task(kolkata, "Task_VerifyApplication").getId();
		String howrahTask = driver.task(howrah, "Task_VerifyApplication").getId();

		TestRestTemplate assistant2 = http.withBasicAuth("assistant2", "assistant2");
		List<Map<String, Object>> filterList = assistant2.exchange("/engine-rest/filter?resourceType=Task",
				HttpMethod.GET, null, LIST)
			.getBody();
		// By their English names: beside them is the state language of whichever test context started last.
		assertThat(filterList).extracting(f -> english(f.get("name").toString()))
			.contains("My group's tasks", "Overdue", "Due this week", "Office WB-HWH: Howrah District Office")
			.doesNotContain("Office WB-KOL: Kolkata District Office");
		for (Map<String, Object> filter : filterList) {
			List<Map<String, Object>> listed = assistant2.exchange("/engine-rest/filter/" + filter.get("id")
					+ "/list?maxResults=1000", HttpMethod.POST, json("{}"), LIST).getBody();
			assertThat(listed).as("filter %s", filter.get("name"))
				.extracting(t -> t.get("id"))
				.doesNotContain(kolkataTask);
		}
		List<Map<String, Object>> groupTasks = assistant2.exchange("/engine-rest/filter/" + filterId("My group's tasks")
				+ "/list?maxResults=1000", HttpMethod.POST, json("{}"), LIST).getBody();
		assertThat(groupTasks).extracting(t -> t.get("id")).contains(howrahTask);

		assertThat(assistant2.exchange("/engine-rest/task?maxResults=1000", HttpMethod.GET, null, LIST).getBody())
			.extracting(t -> t.get("id"))
			.contains(howrahTask)
			.doesNotContain(kolkataTask);
		assertThat(assistant2.exchange("/engine-rest/task?processInstanceBusinessKey=" + kolkata.applicationNo(),
				HttpMethod.GET, null, LIST).getBody()).isEmpty();
		assertThat(assistant2.getForEntity("/engine-rest/task/" + kolkataTask, String.class).getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(assistant2.postForEntity("/engine-rest/task/" + kolkataTask + "/claim",
				json("{\"userId\": \"assistant2\"}"), String.class).getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(http.withBasicAuth("officer2", "officer2")
			.exchange("/engine-rest/task?processInstanceBusinessKey=" + kolkata.applicationNo(), HttpMethod.GET, null, LIST)
			.getBody()).isEmpty();

		// The Kolkata assistant, through the same filters, sees the Kolkata task and not Howrah's.
		TestRestTemplate assistant = http.withBasicAuth("assistant", "assistant");
		List<Map<String, Object>> kolkataList = assistant.exchange("/engine-rest/filter/"
				+ filterId("Office WB-KOL: Kolkata District Office") + "/list?maxResults=1000", HttpMethod.POST,
				json("{}"), LIST).getBody();
		assertThat(kolkataList).extracting(t -> t.get("id")).contains(kolkataTask).doesNotContain(howrahTask);
	}

	@Test
	void theFiltersListByDueDateAndOverdueHoldsOnlyWhatIsPastItsDate() {
		Application first = submitFrom("BIRTH-CERT", HOWRAH_PIN, "Howrah");
		driver.advanceClock(first, ProcessDriver.days(1));
		Application second = submitFrom("BIRTH-CERT", HOWRAH_PIN, "Howrah");
		String firstTask = driver.task(first, "Task_VerifyApplication").getId();
		String secondTask = driver.task(second, "Task_VerifyApplication").getId();

		identity.setAuthentication("assistant2", List.of("dealingAssistant", "dealingAssistant:WB-HWH"));
		List<String> office = filters.<Task>list(filterId("Office WB-HWH: Howrah District Office"))
			.stream()
			.map(Task::getId)
			.toList();
		assertThat(office).containsSubsequence(firstTask, secondTask);
		assertThat(filters.<Task>list(filterId("Overdue"))).extracting(Task::getId).doesNotContain(firstTask, secondTask);
		assertThat(filters.<Task>list(filterId("Due this week"))).extracting(Task::getId).contains(firstTask, secondTask);

		// Three working days and a weekend on, the first is past its period; the second is not yet. The clock moves
		// without running the timers: the first one's disposal timer would take its task to the first appellate
		// officer at the job executor's next poll, and until then the filter shows it overdue.
		identity.clearAuthentication();
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(ProcessDriver.days(3))));
		identity.setAuthentication("assistant2", List.of("dealingAssistant", "dealingAssistant:WB-HWH"));
		List<String> overdue = filters.<Task>list(filterId("Overdue")).stream().map(Task::getId).toList();
		assertThat(overdue).contains(firstTask).doesNotContain(secondTask);
	}

	/** SevaHub's filter by its English name, whatever the state language beside it. */
	private String filterId(String name) {
		List<Filter> found = filters.createFilterQuery()
			.list()
			.stream()
			.filter(f -> f.getOwner() == null && english(f.getName()).equals(name))
			.toList();
		assertThat(found).as("filter %s", name).hasSize(1);
		return found.get(0).getId();
	}

	/** "My group's tasks / मेरे समूह के कार्य": My group's tasks. */
	private static String english(String name) {
		return name.split(" / ")[0];
	}

	private List<String> visibleTo(String user, String... groups) {
		identity.setAuthentication(user, List.of(groups));
		try {
			return tasks.createTaskQuery().list().stream().map(Task::getId).toList();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
