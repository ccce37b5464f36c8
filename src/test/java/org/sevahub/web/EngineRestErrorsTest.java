package org.sevahub.web;

import java.util.Map;

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

/**
 * The engine's REST API answers the caller's mistakes with 400 in Camunda's shape, and no answer names a Java class
 * or carries SQL: each of these was a 500 with the exception's text, or a text/plain 400 naming Camunda's DTO.
 * Administrators are asked here: the officers' guard refuses most of this before the engine sees it.
 */
@SevaHubTest
class EngineRestErrorsTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Test
	void aValueTheDatabaseCannotKeepIsTheCallersMistakeWithoutTheSql() {
		Task task = verificationTask();
		ResponseEntity<Map> refused = asDemo().postForEntity("/engine-rest/task/" + task.getId() + "/complete",
				json("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \""
						+ "r".repeat(2001) + "\"}}}"),
				Map.class);
		assertRefused(refused, 400);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
	}

	@Test
	void aBodyOfTheWrongShapeNamesNoClass() {
		Task task = verificationTask();
		ResponseEntity<Map> refused = asDemo().postForEntity("/engine-rest/task/" + task.getId() + "/complete",
				json("[]"), Map.class);
		assertRefused(refused, 400);
		assertThat(asDemo().postForEntity("/engine-rest/task/" + task.getId() + "/complete", json("{\"variables\": "),
				Map.class)).satisfies(answer -> assertRefused(answer, 400));
	}

	@Test
	void anUnknownTaskAndAnInvalidQueryAreNotServerErrors() {
		assertRefused(asDemo().postForEntity("/engine-rest/task/no-such-task/complete", json("{\"variables\": {}}"),
				Map.class), 400);
		ResponseEntity<Map> query = asDemo().getForEntity("/engine-rest/task?includeAssignedTasks=true", Map.class);
		assertRefused(query, 400);
		assertThat((String) query.getBody().get("message")).startsWith("Invalid query usage");
	}

	@Test
	void aSerializedJavaObjectIsRefusedAsTheCallersMistake() {
		Task task = verificationTask();
		HttpEntity<String> object = json("{\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", \"valueInfo\": "
				+ "{\"objectTypeName\": \"java.lang.String\", "
				+ "\"serializationDataFormat\": \"application/x-java-serialized-object\"}}");
		ResponseEntity<Map> refused = asDemo().exchange(
				"/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/smuggled",
				HttpMethod.PUT, object, Map.class);
		assertRefused(refused, 400);
		assertThat((String) refused.getBody().get("message")).contains("serialized Java");
		assertThat(tasks.getVariable(task.getId(), "smuggled")).as("nothing was set").isNull();
	}

	private static void assertRefused(ResponseEntity<Map> answer, int status) {
		assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
		assertThat(answer.getHeaders().getContentType()).isNotNull();
		assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(answer.getBody()).containsKeys("type", "message");
		assertThat((String) answer.getBody().get("message")).isNotBlank()
			.doesNotContain("org.", "java.", "SQL", "INSERT", "Dto", "Exception");
	}

	private Task verificationTask() {
		Application app = driver.start("BIRTH-CERT");
		applications.submit(app.applicationNo(), Map.of());
		return tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
	}

	private TestRestTemplate asDemo() {
		return http.withBasicAuth("demo", "demo");
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
