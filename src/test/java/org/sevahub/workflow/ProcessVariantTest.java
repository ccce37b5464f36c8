package org.sevahub.workflow;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.testsupport.ModelerEdits;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.web.ApplicationViews;
import org.sevahub.workflow.guard.ProcessRules;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A department inserts a field inspection, with a status of its own, into the shared verification block: an edit to
 * the BPMN only (the status declared on the process, the task made as Modeler's "Officer task" template makes it).
 * The new version passes the deployment guard and runs, the new status is recorded and shown, and no Java changed.
 */
@SevaHubTest
class ProcessVariantTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	ApplicationViews views;

	Deployment variant;

	@BeforeEach
	void deployVariant() throws Exception {
		BpmnAwareTests.init(engine);
		BpmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/processes/verification.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		// What an analyst does in the Modeler: cut the flow after forwarding and put an inspection in between.
		ModelerEdits.cut(model, "Flow_Event_Forwarded_to_End_Forwarded")
			.builder()
			.intermediateThrowEvent("Event_FieldInspection")
			.name("Field inspection")
			.camundaExecutionListenerExpression("start", "${statusRecorder.record(execution)}")
			.userTask("Task_FieldInspection")
			.name("Inspect in the field")
			.camundaCandidateGroups("${posts.group(execution, 'dealingAssistant')}")
			.camundaFormRef("verify-application")
			.camundaFormRefBinding("latest")
			.camundaDueDate("${deadlines.due(execution, 'disposal')}")
			.camundaFollowUpDate("${deadlines.followUp(execution, 'disposal')}")
			.connectTo("End_Forwarded");
		ModelerEdits.property(model, "Event_FieldInspection", "status", "FIELD_INSPECTION");
		ModelerEdits.property(model, "verification", ProcessRules.DEPARTMENT_STATUS_PROPERTY, "FIELD_INSPECTION");
		Bpmn.validateModel(model);
		variant = repository.createDeployment()
			.name("verification with field inspection")
			.addModelInstance("verification.bpmn", model)
			.deploy();
	}

	@AfterEach
	void removeVariant() {
		repository.deleteDeployment(variant.getId(), true);
	}

	@Test
	void aTaskWithANewStatusRunsWithNoJavaChange() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		assertThat(driver.called(app, "verification").getProcessDefinitionId())
			.isEqualTo(repository.createProcessDefinitionQuery().deploymentId(variant.getId()).singleResult().getId());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		assertThat(driver.called(app, "verification")).isWaitingAt("Task_FieldInspection");
		assertThat(views.of(driver.reload(app)).status()).isEqualTo("FIELD_INSPECTION");
		engine.getTaskService().complete(driver.task(app, "Task_FieldInspection").getId(),
				Map.of("remarks", "Birth entry matches the hospital register"));
		driver.decide(app, "Task_Decide", "approve", null);
		driver.runAsyncSteps(app);

		assertThat(driver.instance(app)).isEnded();
		assertThat(driver.statuses(app)).containsSubsequence("FORWARDED", "FIELD_INSPECTION", "APPROVED", "DELIVERED");
		assertThat(driver.history(app)).anySatisfy(h -> assertThat(h.stage()).isEqualTo("Field inspection"));
	}

}
