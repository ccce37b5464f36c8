package org.sevahub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.testsupport.CapturedLogs;
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
 * Administrators are asked here: the officers' guard refuses most of this before the engine sees it. A caller's
 * mistake is one INFO line in the log, never an ERROR: the operators are paged for those.
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

	/**
	 * Refused by the decision's own check: the status history's insert failing in the engine's transaction made
	 * Camunda log an ERROR of its own (ENGINE-02035) while it looked for a BPMN error handler.
	 */
	@Test
	void remarksLongerThanTheStatusHistoryKeepsAreRefusedBeforeAnythingIsWritten() {
		Task task = verificationTask();
		ResponseEntity<Map> refused = answeredQuietly(() -> asDemo().postForEntity(
				"/engine-rest/task/" + task.getId() + "/complete",
				json("{\"variables\": {\"decision\": {\"value\": \"forward\"}, \"remarks\": {\"value\": \""
						+ "r".repeat(2001) + "\"}}}"),
				Map.class));
		assertRefused(refused, 400);
		assertThat((String) refused.getBody().get("message")).contains("2000");
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
				Map.class), 404);
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
		ResponseEntity<Map> refused = answeredQuietly(() -> asDemo().exchange(
				"/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/smuggled",
				HttpMethod.PUT, object, Map.class));
		assertRefused(refused, 400);
		assertThat((String) refused.getBody().get("message")).contains("serialized Java");
		assertThat(tasks.getVariable(task.getId(), "smuggled")).as("nothing was set").isNull();
	}

	@Test
	void anUnknownTaskIsNoErrorInTheLog() {
		ResponseEntity<Map> refused = answeredQuietly(() -> asDemo().postForEntity(
				"/engine-rest/task/no-such-task/complete", json("{\"variables\": {}}"), Map.class));
		assertRefused(refused, 404);
	}

	/** Camunda keeps a string variable in a column of 4,000 characters ({@code ACT_RU_VARIABLE.TEXT_}). */
	@Test
	void aValueTheDatabaseCannotKeepIsTheCallersMistakeWithoutTheSqlAndNoErrorInTheLog() {
		Task task = verificationTask();
		ResponseEntity<Map> refused = answeredQuietly(() -> asDemo().exchange(
				"/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/note", HttpMethod.PUT,
				json("{\"value\": \"" + "n".repeat(4001) + "\", \"type\": \"String\"}"), Map.class));
		assertRefused(refused, 400);
		assertThat(tasks.getVariable(task.getId(), "note")).as("nothing was set").isNull();
	}

	@Test
	void aRefusedDecisionIsNoErrorInTheLog() {
		Task task = verificationTask();
		ResponseEntity<Map> refused = answeredQuietly(() -> http.withBasicAuth("assistant", "assistant")
			.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
					json("{\"variables\": {\"decision\": {\"value\": \"clarify\"}, \"remarks\": {\"value\": \"\"}}}"),
					Map.class));
		assertRefused(refused, 400);
		assertThat(refused.getBody()).containsEntry("type", "DecisionRefused");
	}

	/** No call a test can make fails for a reason of the server's own: the mappers are asked directly. */
	@Test
	void aFaultOfTheServersIsAnErrorWithItsTrace() {
		IllegalStateException fault = new IllegalStateException("the signing key is gone");
		try (CapturedLogs log = new CapturedLogs()) {
			assertThat(EngineRestErrors.answered(fault, null).getStatus()).isEqualTo(500);
			assertThat(log.from(EngineRestErrors.class)).singleElement().satisfies(event -> {
				assertThat(event.getLevel()).isEqualTo(Level.ERROR);
				assertThat(event.getThrowableProxy()).as("the stack trace").isNotNull();
				assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the signing key is gone");
			});
		}
	}

	/**
	 * The call's answer, having checked that nothing was logged as an ERROR while it ran and that the mappers logged
	 * it as one INFO line without a stack trace.
	 */
	private static ResponseEntity<Map> answeredQuietly(Supplier<ResponseEntity<Map>> call) {
		try (CapturedLogs log = new CapturedLogs()) {
			ResponseEntity<Map> answer = call.get();
			assertThat(log.atLeast(Level.ERROR)).as("a caller's mistake is no server error").isEmpty();
			// Refused by SevaHub's guard before the engine, or by the engine and answered by the mappers.
			List<ILoggingEvent> answered = new ArrayList<>(log.from(EngineRestErrors.class));
			answered.addAll(log.from("org.sevahub.officer.EngineRestGuard"));
			assertThat(answered).singleElement().satisfies(event -> {
				assertThat(event.getLevel()).isEqualTo(Level.INFO);
				assertThat(event.getThrowableProxy()).isNull();
				assertThat(event.getFormattedMessage()).containsPattern("/engine-rest/.* answered 40[04]");
			});
			return answer;
		}
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
