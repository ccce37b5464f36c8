package org.sevahub.platform;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History keeps what officers and admins read (every variable's last value, who completed which task) but not a
 * detail row per variable change, nor the task-local views of SevaHub's own records that the forms show.
 */
class LeanHistoryTest extends ProcessTestSupport {

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Test
	void variablesKeepTheirLastValueWithoutADetailRowPerChange() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String task = driver.task(app, "Task_VerifyApplication").getId();
		assertThat(tasks.getVariablesLocal(task)).containsKeys("brief", "documents", "documentOptions");
		// As the officer who holds the task's post, so the completion is theirs in the user operation log.
		List<String> posts = tasks.getIdentityLinksForTask(task).stream().map(link -> link.getGroupId()).toList();
		identity.setAuthentication("assistant", posts);
		try {
			tasks.complete(task, Map.of("decision", "forward", "remarks", "Documents in order"));
		}
		finally {
			identity.clearAuthentication();
		}

		assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(task).list())
			.extracting(variable -> variable.getName())
			.as("the task's views of SevaHub's records (brief, documents, checklist) are not history")
			.doesNotContain("brief", "documents", "documentOptions");
		assertThat(tasks.createTaskQuery().taskId(task).count()).as("completed, its views deleted cleanly").isZero();

		String root = app.processInstanceId();
		String verification = driver.called(app, "verification").getId();
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(verification)
			.variableValueEquals("decision", "forward")
			.count()).as("the officer's decision, in the verification block").isEqualTo(1);
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(root).count()).isGreaterThan(5);
		assertThat(history.createHistoricDetailQuery().processInstanceId(root).count()).isZero();
		assertThat(history.createHistoricDetailQuery().processInstanceId(verification).count()).isZero();
		assertThat(history.createUserOperationLogQuery()
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.userId("assistant")
			.count()).as("officers' actions stay in the user operation log").isPositive();
	}

}
