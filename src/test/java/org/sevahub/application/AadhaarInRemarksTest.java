package org.sevahub.application;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Aadhaar number written into remarks, by an officer deciding or a citizen withdrawing, is kept, shown and sent
 * on masked: the status history, the engine's variables and their history, and the messages queued for portals. So
 * is one written into a form's free text.
 */
@SevaHubTest
class AadhaarInRemarksTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	StatusHistory statuses;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficersRemarksKeepNoAadhaarInClear() {
		Application app = driver.start("BIRTH-CERT");
		applications.submit(app.applicationNo(), Map.of());
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
		ResponseEntity<String> done = http.withBasicAuth("demo", "demo")
			.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json("""
					{"variables": {"decision": {"value": "clarify"},
					 "remarks": {"value": "Please confirm Aadhaar 9417 2836 5046 is yours"}}}"""), String.class);
		assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);

		assertThat(statuses.of(app.id())).extracting(StatusHistoryEntry::remarks)
			.contains("Please confirm Aadhaar XXXX XXXX 5046 is yours");
		assertNowhereInClear(app, task.getProcessInstanceId(), "941728365046", "9417 2836 5046");
	}

	@Test
	void aCitizensReasonForWithdrawingKeepsNoAadhaarInClear() {
		Application app = driver.start("BIRTH-CERT");
		applications.submit(app.applicationNo(), Map.of());
		String instance = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult()
			.getProcessInstanceId();
		applications.withdraw(app.applicationNo(), "Applied twice, once with 4736-1928-5709");

		assertThat(statuses.of(app.id())).extracting(StatusHistoryEntry::remarks)
			.contains("Applied twice, once with XXXX XXXX 5709");
		assertNowhereInClear(app, instance, "473619285709", "4736-1928-5709");
	}

	@Test
	void aNumberWrittenIntoTheFormsFreeTextIsKeptMasked() {
		Application app = driver.start("INCOME-CERT");
		applications.saveDraft(app.applicationNo(), Map.of("incomeSources", "Salary; Aadhaar 4736 1928 5709 attached"));
		assertThat(applications.byId(app.id()).formData())
			.containsEntry("incomeSources", "Salary; Aadhaar XXXX XXXX 5709 attached");
	}

	private void assertNowhereInClear(Application app, String processInstanceId, String... forms) {
		List<String> kept = new java.util.ArrayList<>();
		statuses.of(app.id()).forEach(entry -> kept.add(String.valueOf(entry.remarks())));
		history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.includeDeleted()
			.list()
			.stream()
			.map(HistoricVariableInstance::getValue)
			.forEach(value -> kept.add(String.valueOf(value)));
		kept.addAll(jdbc.sql("SELECT payload FROM delivery WHERE application_id = :app")
			.param("app", app.id())
			.query(String.class)
			.list());
		assertThat(kept).isNotEmpty();
		for (String form : forms) {
			assertThat(kept).noneMatch(text -> text.contains(form));
		}
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
