package org.sevahub.workflow;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.web.ApplicationViews;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A department inserts a field inspection, with a status of its own, before the officer's decision: an edit
 * to the BPMN only. The new version runs, the new status is recorded and shown, and no Java changed.
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
		try (InputStream in = getClass().getResourceAsStream("/processes/certificate-issuance.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		// What an analyst does in the Modeler: cut the flow into the decision and put a task in between.
		SequenceFlow intoDecision = model.getModelElementById("Flow_Event_Forwarded_to_Task_Decide");
		IntermediateThrowEvent forwarded = model.getModelElementById("Event_Forwarded");
		forwarded.getOutgoing().remove(intoDecision);
		intoDecision.getTarget().getIncoming().remove(intoDecision);
		intoDecision.getParentElement().removeChildElement(intoDecision);
		model.getModelElementById(intoDecision.getId() + "_di").getParentElement()
			.removeChildElement(model.getModelElementById(intoDecision.getId() + "_di"));
		forwarded.builder()
			.userTask("Task_FieldInspection")
			.name("Field inspection")
			.camundaCandidateGroups("dealingAssistant")
			.camundaFormRef("verify-application")
			.camundaFormRefBinding("latest")
			.camundaExecutionListenerExpression("start", "${statusRecorder.record(execution, 'FIELD_INSPECTION')}")
			.connectTo("Task_Decide");
		Bpmn.validateModel(model);
		variant = repository.createDeployment()
			.name("certificate-issuance with field inspection")
			.addModelInstance("certificate-issuance.bpmn", model)
			.deploy();
	}

	@AfterEach
	void removeVariant() {
		repository.deleteDeployment(variant.getId(), true);
	}

	@Test
	void aTaskWithANewStatusRunsWithNoJavaChange() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		assertThat(driver.instance(app).getProcessDefinitionId())
			.isEqualTo(repository.createProcessDefinitionQuery().deploymentId(variant.getId()).singleResult().getId());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		assertThat(driver.instance(app)).isWaitingAt("Task_FieldInspection");
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
