package org.sevahub.officer;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
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

	@Autowired
	ManagementService management;

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

	@Test
	void anOfficerOfAnotherOfficeFindsNoInstanceByQuery() {
		Task task = verificationTask();
		String instance = task.getProcessInstanceId();
		String name = (String) runtime.getVariable(instance, "applicantName");
		// Each of these answered Howrah's assistant with Kolkata's instances: by a variable's value (a yes/no oracle
		// for the applicant's name), by counting, by execution and by awaited message.
		for (String query : List.of("/engine-rest/process-instance?variables=applicantName_like_" + name.charAt(0) + "%25",
				"/engine-rest/process-instance/count", "/engine-rest/execution?processInstanceId=" + instance,
				"/engine-rest/event-subscription", "/engine-rest/incident", "/engine-rest/job/count")) {
			ResponseEntity<Map> refused = as("assistant2").getForEntity(query, Map.class);
			assertThat(refused.getStatusCode().value()).as(query).isEqualTo(403);
			assertThat(refused.getBody()).containsEntry("type", "AuthorizationException");
		}
		ResponseEntity<Map> count = as("assistant2").postForEntity("/engine-rest/process-instance/count",
				json("{\"businessKeyLike\": \"%\"}"), Map.class);
		assertThat(count.getStatusCode().value()).isEqualTo(403);
		ResponseEntity<Map> named = as("assistant2").postForEntity("/engine-rest/process-instance",
				json("{\"processInstanceIds\": [\"" + instance + "\"]}"), Map.class);
		assertThat(named.getStatusCode().value()).isEqualTo(403);
		// The history of instances stays out of officers' reach by Camunda's own grants.
		assertThat(as("assistant2").getForEntity("/engine-rest/history/process-instance?processInstanceId=" + instance,
				String.class).getBody()).isEqualTo("[]");
		// The officer who holds its task finds it by id.
		ResponseEntity<List> own = as("assistant").getForEntity("/engine-rest/process-instance?processInstanceIds=" + instance,
				List.class);
		assertThat(own.getStatusCode().value()).isEqualTo(200);
		assertThat(own.getBody()).hasSize(1);
		assertThat(as("assistant").postForEntity("/engine-rest/process-instance/count",
				json("{\"processInstanceIds\": [\"" + instance + "\"]}"), Map.class).getBody()).containsEntry("count", 1);
	}

	@Test
	void anOfficerOfAnotherOfficeReadsNoRecordOfAnInstanceByIdAndNoOfficerReadsStackTraces() {
		Task verify = verificationTask();
		String applicationNo = businessKey(verify);
		tasks.complete(verify.getId(), Map.of("decision", "forward", "remarks", "ok"));
		// The designated officer's task, whose instance keeps a job: the disposal period's timer.
		Task decide = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
		String instance = decide.getProcessInstanceId();
		Job job = management.createJobQuery().processInstanceId(instance).list().get(0);
		Incident incident = runtime.createIncident("sevahubProbe", decide.getExecutionId(), "probe", "a probe");
		VariableInstance variable = runtime.createVariableInstanceQuery()
			.processInstanceIdIn(instance)
			.variableName("applicationNo")
			.singleResult();
		List<String> records = List.of("/engine-rest/job/" + job.getId(), "/engine-rest/incident/" + incident.getId(),
				"/engine-rest/variable-instance/" + variable.getId(), "/engine-rest/execution/" + decide.getExecutionId());
		// Each of these answered Howrah's assistant about a Kolkata application, as the queries no longer did.
		for (String read : records) {
			ResponseEntity<Map> refused = as("assistant2").getForEntity(read, Map.class);
			assertThat(refused.getStatusCode().value()).as(read).isEqualTo(403);
			assertThat(refused.getBody()).containsEntry("type", "AuthorizationException");
			assertThat(as("officer").getForEntity(read, String.class).getStatusCode().value()).as(read).isEqualTo(200);
		}
		// A stack trace is the administrators', whoever holds the task.
		for (String trace : List.of("/engine-rest/job/" + job.getId() + "/stacktrace",
				"/engine-rest/external-task/" + job.getId() + "/errorDetails")) {
			ResponseEntity<Map> refused = as("officer").getForEntity(trace, Map.class);
			assertThat(refused.getStatusCode().value()).as(trace).isEqualTo(403);
		}
		// An unknown record is Camunda's to answer.
		assertThat(as("assistant2").getForEntity("/engine-rest/job/no-such-job", String.class).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void statisticsOverEveryOfficeAreTheAdministrators() {
		Task task = verificationTask();
		for (String statistics : List.of("/engine-rest/process-definition/statistics",
				"/engine-rest/process-definition/key/verification/statistics",
				"/engine-rest/process-definition/" + task.getProcessDefinitionId() + "/statistics",
				"/engine-rest/task/report/candidate-group-count",
				"/engine-rest/metrics/activity-instance-start/sum")) {
			ResponseEntity<String> refused = as("assistant").getForEntity(statistics, String.class);
			assertThat(refused.getStatusCode().value()).as(statistics).isEqualTo(403);
			assertThat(refused.getBody()).contains("AuthorizationException");
		}
		assertThat(as("demo").getForEntity("/engine-rest/process-definition/statistics", String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		// What Tasklist asks of a task's process stays the officers'.
		assertThat(as("assistant").getForEntity("/engine-rest/process-definition/" + task.getProcessDefinitionId(),
				String.class).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aCompletionWithAValueItsFormCannotTakeIsRefusedAndChangesNothing() {
		Task task = verificationTask();
		String url = "/engine-rest/task/" + task.getId() + "/complete";
		String status = applications.get(businessKey(task)).status();
		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		refusals.put("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \""
				+ "r".repeat(2001) + "\"}}}", "at most 2000 characters");
		refusals.put("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \"a\\u0000b\"}}}",
				"control characters");
		refusals.put("{\"variables\": {\"decision\": {\"value\": \"approve-everything\"}}}", "one of the form's choices");
		refusals.put("{\"variables\": {\"decision\": {\"value\": \"rO0AB\", \"type\": \"Object\", \"valueInfo\": "
				+ "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": "
				+ "\"application/x-java-serialized-object\"}}}}", "a plain value is expected");
		refusals.put("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"rejectedDocuments\": {\"value\": "
				+ "\"not a list\", \"type\": \"Json\"}}}", "a list of the form's choices");
		refusals.put("[]", "variables are an object");
		refusals.put("{\"variables\": [1]}", "variables are an object");
		refusals.put("{\"variables\": {\"decision\": \"forward\"}}", "{\"value\": …}");
		refusals.put("{\"variables\": ", "not JSON");
		refusals.forEach((body, why) -> {
			ResponseEntity<Map> refused = as("assistant").postForEntity(url, json(body), Map.class);
			assertThat(refused.getStatusCode().value()).as(why).isEqualTo(400);
			assertThat(refused.getBody()).containsEntry("type", "InvalidRequestException");
			assertThat((String) refused.getBody().get("message")).contains(why).doesNotContain("org.", "java.", "SQL");
		});
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		assertThat(applications.get(businessKey(task)).status()).isEqualTo(status);
		ResponseEntity<Map> unknown = as("assistant").postForEntity("/engine-rest/task/no-such-task/complete",
				json("{\"variables\": {\"decision\": {\"value\": \"forward\"}}}"), Map.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody()).containsEntry("type", "InvalidRequestException");
		// What the form takes still goes through: a remark of exactly 2000 characters, in Bengali.
		ResponseEntity<String> done = as("assistant").postForEntity(url,
				json("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \""
						+ "কা".repeat(1000) + "\"}}}"), String.class);
		assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
	}

	@Test
	void aTaskGoesOnlyToAnOfficerOfItsOwnPostAndOffice() {
		Task task = verificationTask();
		String base = "/engine-rest/task/" + task.getId();
		List<String> groups = candidateGroups(task);
		assertThat(groups).isNotEmpty();
		Map<String, String> handOvers = new java.util.LinkedHashMap<>();
		handOvers.put(base + "/assignee", "{\"userId\": \"assistant2\"}");
		handOvers.put(base + "/delegate", "{\"userId\": \"assistant2\"}");
		handOvers.put(base + "/claim", "{\"userId\": \"assistant2\"}");
		handOvers.put(base + "/identity-links", "{\"groupId\": \"" + groups.get(0).replace("WB-KOL", "WB-HWH")
				+ "\", \"type\": \"candidate\"}");
		handOvers.put(base + "/identity-links/delete", "{\"groupId\": \"" + groups.get(0) + "\", \"type\": \"candidate\"}");
		handOvers.forEach((url, body) -> {
			ResponseEntity<Map> refused = as("assistant").postForEntity(url, json(body), Map.class);
			assertThat(refused.getStatusCode().value()).as(url).isEqualTo(403);
			assertThat(refused.getBody()).containsEntry("type", "AuthorizationException");
		});
		ResponseEntity<Map> put = as("assistant").exchange(base, HttpMethod.PUT,
				json("{\"name\": \"" + task.getName() + "\", \"assignee\": \"assistant2\"}"), Map.class);
		assertThat(put.getStatusCode().value()).isEqualTo(403);
		Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after.getAssignee()).isNull();
		assertThat(after.getOwner()).isNull();
		assertThat(candidateGroups(task)).isEqualTo(groups);
		// Within the office the task moves as before.
		assertThat(as("assistant").postForEntity(base + "/claim", json("{\"userId\": \"assistant\"}"), String.class)
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(as("assistant").postForEntity(base + "/assignee", json("{\"userId\": null}"), String.class)
			.getStatusCode()
			.value()).isEqualTo(204);
	}

	private List<String> candidateGroups(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.sorted()
			.toList();
	}

	private String businessKey(Task task) {
		return runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
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
