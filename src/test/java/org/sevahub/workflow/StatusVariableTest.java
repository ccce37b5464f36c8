package org.sevahub.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status lives in the application's row alone: no process keeps a copy as a variable (each status was one more
 * variable write and its history), and a process started by an earlier release loses its stale copy at its next
 * status.
 */
class StatusVariableTest extends ProcessTestSupport {

	@Autowired
	HistoryService history;

	@Test
	void noProcessOfAnApplicationKeepsItsStatusAsAVariable() {
		Application app = driver.delivered("BIRTH-CERT");

		assertThat(driver.statuses(app)).contains("SUBMITTED", "FORWARDED", "APPROVED", "DELIVERED");
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(processesOf(app))
			.variableName(Variables.FORMER_STATUS)
			.count()).isZero();
	}

	@Test
	void aProcessFromAnEarlierReleaseLosesItsCopyAtItsNextStatus() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String verification = driver.called(app, "verification").getId();
		runtime.setVariable(verification, Variables.FORMER_STATUS, "UNDER_VERIFICATION");

		driver.decide(app, "Task_VerifyApplication", "forward", null);

		assertThat(driver.statuses(app)).endsWith("FORWARDED");
		// Removed, not merely ended with its process: the block has ended by now either way.
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(verification)
			.variableName(Variables.FORMER_STATUS)
			.includeDeleted()
			.singleResult()
			.getState()).isEqualTo("DELETED");
	}

	private String[] processesOf(Application app) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.list()
			.stream()
			.map(instance -> instance.getId())
			.toArray(String[]::new);
	}

}
