package org.sevahub.officer;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Officers through /engine-rest: only their form's fields, only their instances, no engine surgery. */
@SevaHubTest
class EngineRestGuardTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Test
	void aCompletionSettingAVariableTheFormDoesNotDeclareIsRefusedAndChangesNothing() {
		Task task = verificationTask();
		String instance = task.getProcessInstanceId();
		Object name = runtime.getVariable(instance, "applicantName");
		for (String extra : List.of("applicantName", "slaDueAt", "applicationNo", "assistant")) {
			ResponseEntity<Map> refused = as("assistant").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
					json("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"" + extra
							+ "\": {\"value\": \"2099-01-01\"}}}"),
					Map.class);
			assertThat(refused.getStatusCode().value()).as(extra).isEqualTo(400);
			assertThat(refused.getBody()).containsEntry("type", "InvalidRequestException");
			assertThat((String) refused.getBody().get("message")).contains(extra);
		}
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		assertThat(runtime.getVariable(instance, "applicantName")).isEqualTo(name);
		ResponseEntity<String> done = as("assistant").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
				json("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \"ok\"}}}"),
				String.class);
		assertThat(done.getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void officersCannotWriteVariablesOrInstancesDirectly() {
		Task task = verificationTask();
		String instance = task.getProcessInstanceId();
		ResponseEntity<Map> put = as("assistant").exchange(
				"/engine-rest/process-instance/" + instance + "/variables/applicantName", HttpMethod.PUT,
				json("{\"value\": \"Someone Else\"}"), Map.class);
		assertThat(put.getStatusCode().value()).isEqualTo(403);
		assertThat(put.getBody()).containsEntry("type", "AuthorizationException");
		ResponseEntity<Map> local = as("assistant").postForEntity("/engine-rest/task/" + task.getId() + "/variables",
				json("{\"modifications\": {\"slaDueAt\": {\"value\": \"2099-01-01\"}}}"), Map.class);
		assertThat(local.getStatusCode().value()).isEqualTo(403);
		ResponseEntity<Map> message = as("assistant").postForEntity("/engine-rest/message",
				json("{\"messageName\": \"x\"}"), Map.class);
		assertThat(message.getStatusCode().value()).isEqualTo(403);
		assertThat(runtime.getVariable(instance, "applicantName")).isNotEqualTo("Someone Else");
		// Administrators keep the engine's whole API.
		assertThat(as("demo").getForEntity("/engine-rest/process-instance/" + instance + "/variables", Map.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void anOfficerReadsOnlyTheInstancesWhoseTasksTheirGroupsHold() {
		Task task = verificationTask();
		String instance = task.getProcessInstanceId();
		assertThat(as("assistant").getForEntity("/engine-rest/process-instance/" + instance + "/variables", Map.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(as("assistant").getForEntity("/engine-rest/task/" + task.getId() + "/form-variables", Map.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		for (String other : List.of("appellate2", "officer")) {
			ResponseEntity<Map> refused = as(other)
				.getForEntity("/engine-rest/process-instance/" + instance + "/variables", Map.class);
			assertThat(refused.getStatusCode().value()).as(other).isEqualTo(403);
			assertThat(refused.getBody()).containsEntry("type", "AuthorizationException");
			assertThat(as(other).getForEntity("/engine-rest/variable-instance?processInstanceIdIn=" + instance, String.class)
				.getStatusCode()
				.value()).isEqualTo(403);
		}
		// A query that names no instance would read them all.
		assertThat(as("assistant").getForEntity("/engine-rest/variable-instance", String.class).getStatusCode().value())
			.isEqualTo(403);
		assertThat(as("assistant").getForEntity("/engine-rest/variable-instance?processInstanceIdIn=" + instance,
				String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private Task verificationTask() {
		Application app = driver.start("BIRTH-CERT");
		applications.submit(app.applicationNo(), Map.of());
		return tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, user);
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
