package org.sevahub.officer;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.platform.TasklistSession;
import org.sevahub.platform.TasklistSession.Answer;
import org.sevahub.testsupport.CapturedLogs;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer signed in to Tasklist, calling what Tasklist calls and what else the webapps' API under
 * {@code /camunda/api} serves: Tasklist's own calls work, Cockpit's and Admin's plugin APIs are the
 * administrators', and a refused decision reads in Tasklist as it does on {@code /engine-rest}.
 */
@SevaHubTest
class TasklistCallsTest {

	private static final String JSON = "application/json";

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Test
	void anOfficersTasklistSessionReachesTasklistButNotCockpitOrAdminPlugins() throws Exception {
		Application app = verifying();
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
		// Howrah's assistant, against a Kolkata application.
		TasklistSession howrah = signedIn("tasklist", "assistant2");
		String cockpit = "/camunda/api/cockpit/plugin/base/default/";
		Map<String, Answer> refused = new java.util.LinkedHashMap<>();
		refused.put("instances by variable", howrah.send("POST", cockpit + "process-instance",
				"{\"variables\":[{\"name\":\"applicationNo\",\"operator\":\"eq\",\"value\":\"" + app.applicationNo() + "\"}]}",
				JSON));
		refused.put("count by name", howrah.send("POST", cockpit + "process-instance/count",
				"{\"variables\":[{\"name\":\"applicantName\",\"operator\":\"like\",\"value\":\"%\"}]}", JSON));
		refused.put("incidents of an instance",
				howrah.send("GET", cockpit + "incident?processInstanceIdIn=" + task.getProcessInstanceId(), null, null));
		refused.put("definition statistics", howrah.send("GET", cockpit + "process-definition", null, null));
		refused.put("admin metrics", howrah.send("GET",
				"/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated?metrics=process-instances", null, null));
		refused.forEach((what, answer) -> assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(403));
		// Tasklist itself, as its scripts call it.
		TasklistSession kolkata = signedIn("tasklist", "assistant");
		for (String call : List.of("/camunda/api/admin/auth/user/default", "/camunda/api/engine/engine/",
				"/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true",
				"/camunda/api/engine/engine/default/task/" + task.getId(),
				"/camunda/api/engine/engine/default/task/" + task.getId() + "/form-variables",
				"/camunda/api/engine/engine/default/task/" + task.getId() + "/identity-links",
				"/camunda/api/engine/engine/default/process-definition/" + task.getProcessDefinitionId(),
				"/camunda/api/engine/engine/default/user/assistant/profile",
				"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js")) {
			Answer answer = kolkata.send("GET", call, null, null);
			assertThat(answer.status()).as(call + ": " + answer.body()).isEqualTo(200);
		}
		assertThat(kolkata.send("POST", "/camunda/api/engine/engine/default/task",
				"{\"processInstanceBusinessKey\":\"" + app.applicationNo() + "\"}", JSON).status()).isEqualTo(200);
		assertThat(kolkata.send("POST", "/camunda/api/admin/auth/user/default/logout", "", JSON).status())
			.isEqualTo(200);
		// Cockpit's plugin API is still the administrators'.
		TasklistSession admin = signedIn("cockpit", "demo");
		Answer found = admin.send("POST", cockpit + "process-instance",
				"{\"variables\":[{\"name\":\"applicationNo\",\"operator\":\"eq\",\"value\":\"" + app.applicationNo() + "\"}]}",
				JSON);
		assertThat(found.status()).as(String.valueOf(found.body())).isEqualTo(200);
		// The application's instance and its verification's.
		assertThat(found.body()).isNotEmpty();
	}

	@Test
	void aRefusedDecisionReadsInTasklistAsOnTheEngineRestApiAndIsNoError() throws Exception {
		Application app = verifying();
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
		TasklistSession kolkata = signedIn("tasklist", "assistant");
		Answer refused;
		List<ILoggingEvent> errors;
		try (CapturedLogs log = new CapturedLogs()) {
			refused = kolkata.send("POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
					"{\"variables\":{\"decision\":{\"value\":\"clarify\"},\"remarks\":{\"value\":\"\"}}}", JSON);
			errors = log.atLeast(Level.ERROR);
		}
		assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
		assertThat(refused.body().path("type").asText()).isEqualTo("DecisionRefused");
		// Tasklist shows the answer's message under the form.
		assertThat(refused.body().path("message").asText()).contains("remarks")
			.doesNotContain("org.", "Exception", "ENGINE-");
		assertThat(errors).as("the caller's refused decision is no server error")
			.isEmpty();
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
	}

	/**
	 * Cockpit's plugin API, as an administrator's Cockpit calls it, with bodies that are not what it takes: each is
	 * the caller's mistake, answered 400 in Camunda's shape without Java in it, and none is logged as a fault.
	 */
	@Test
	void cockpitsApiAnswersABodyItCannotReadAsTheEngineApiDoes() throws Exception {
		TasklistSession admin = signedIn("cockpit", "demo");
		String instances = "/camunda/api/cockpit/plugin/base/default/process-instance";
		Map<String, Answer> answers = new java.util.LinkedHashMap<>();
		List<ILoggingEvent> logged;
		try (CapturedLogs log = new CapturedLogs()) {
			for (String body : List.of("{", "{\"variables\": \"x\"}", "[1, 2]", "{\"maxResults\": \"many\"}")) {
				answers.put(body, admin.send("POST", instances, body, JSON));
			}
			logged = log.atLeast(Level.WARN);
		}
		answers.forEach((body, answer) -> {
			assertThat(answer.status()).as(body + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.body()).as(body).isNotNull();
			assertThat(answer.body().path("type").asText()).as(body).isNotEmpty();
			assertThat(answer.body().path("message").asText()).as(body)
				.doesNotContain("org.", "com.", "Exception", "java.");
		});
		assertThat(logged).as("a caller's mistake is neither an error nor a warning").isEmpty();
		Answer fine = admin.send("POST", instances, "{\"variables\": []}", JSON);
		assertThat(fine.status()).as(String.valueOf(fine.body())).isEqualTo(200);
		// What Jersey itself refuses keeps its status: an address Cockpit does not serve, a method it does not take.
		assertThat(admin.send("GET", "/camunda/api/cockpit/plugin/base/default/no-such-resource", null, null).status())
			.isEqualTo(404);
		assertThat(admin.send("DELETE", instances, null, null).status()).isEqualTo(405);
	}

	private Application verifying() {
		Application app = driver.start("BIRTH-CERT");
		applications.submit(app.applicationNo(), Map.of());
		return app;
	}

	private TasklistSession signedIn(String webapp, String user) throws Exception {
		TasklistSession session = new TasklistSession("http://127.0.0.1:" + port);
		session.signIn(webapp, user, user);
		return session;
	}

}
