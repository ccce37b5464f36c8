package org.sevahub.testsupport;

import org.camunda.bpm.engine.TaskService;
import org.sevahub.application.Application;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Officers' decisions as Tasklist makes them: the open task completed through /engine-rest, as that officer. */
public final class TasklistDecisions {

	private TasklistDecisions() {
	}

	/** Completes the application's one open task with {@code decision} (and {@code remarks}, if any); asserts 204. */
	public static void complete(TestRestTemplate http, TaskService tasks, Application app, String officer,
			String decision, String remarks) {
		var task = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
		assertThat(task).as("an open task for " + app.applicationNo()).isNotNull();
		String variables = "{\"variables\": {\"decision\": {\"value\": \"" + decision + "\"}"
				+ (remarks == null ? "" : ", \"remarks\": {\"value\": \"" + remarks + "\"}") + "}}";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> done = http.withBasicAuth(officer, officer)
			.postForEntity("/engine-rest/task/" + task.getId() + "/complete", new HttpEntity<>(variables, headers),
					String.class);
		assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
	}

}
