package org.sevahub.workflow.guard;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.ModelerEdits;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst deploys a broken process the way Cockpit and scripts do, through /engine-rest/deployment/create: the
 * engine refuses it with each problem on its element, and nothing is deployed. Fixed, the same process goes in.
 */
@SevaHubTest
class DeploymentGuardTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RepositoryService repository;

	@Autowired
	ObjectMapper json;

	@Test
	void aProcessBreakingSevaHubsRulesIsRefusedElementByElementAndNothingIsDeployed() throws Exception {
		ResponseEntity<String> refused = deploy("broken-by-an-analyst", broken());

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		JsonNode body = json.readTree(refused.getBody());
		assertThat(body.path("type").asText()).isEqualTo("ParseException");
		Map<String, String> problems = new java.util.TreeMap<>();
		for (JsonNode problem : body.at("/details/guarded.bpmn/errors")) {
			problems.merge(problem.path("mainElementId").asText(), problem.path("message").asText(), (a, b) -> a + " | " + b);
		}
		assertThat(problems).containsOnlyKeys("Event_Typo", "Task_NoSuchBean", "Task_NoForm", "Task_NoDueDate");
		assertThat(problems.get("Event_Typo")).contains("unknown status 'APROVED'");
		assertThat(problems.get("Task_NoSuchBean")).contains("${noSuchBean}");
		assertThat(problems.get("Task_NoForm")).contains("'no-such-form'");
		assertThat(problems.get("Task_NoDueDate")).contains("no due date").contains("no follow-up date");
		assertThat(repository.createDeploymentQuery().deploymentName("broken-by-an-analyst").count()).isZero();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guarded").count()).isZero();
	}

	@Test
	void theSameProcessFixedIsDeployed() throws Exception {
		ResponseEntity<String> accepted = deploy("fixed-by-an-analyst", fixed());
		try {
			assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
			assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guarded").count()).isEqualTo(1);
		}
		finally {
			repository.createDeploymentQuery()
				.deploymentName("fixed-by-an-analyst")
				.list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
	}

	@Test
	void aDepartmentMayDeclareAStatusOfItsOwnOnTheProcess() throws Exception {
		BpmnModelInstance model = fixed();
		ModelerEdits.property(model, "Event_Typo", "status", "FIELD_INSPECTION");
		assertThat(deploy("undeclared", model).getStatusCode().value()).isEqualTo(400);
		ModelerEdits.property(model, "guarded", ProcessRules.DEPARTMENT_STATUS_PROPERTY, "FIELD_INSPECTION");
		ResponseEntity<String> declared = deploy("declared", model);
		try {
			assertThat(declared.getStatusCode().value()).as(declared.getBody()).isEqualTo(200);
		}
		finally {
			repository.createDeploymentQuery()
				.deploymentName("declared")
				.list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
	}

	@Test
	void aCallActivityPassingAllVariablesIsRefused() throws Exception {
		BpmnModelInstance model = fixed();
		org.camunda.bpm.model.bpmn.instance.CallActivity call = model.newInstance(
				org.camunda.bpm.model.bpmn.instance.CallActivity.class);
		call.setId("Call_Verification");
		call.setName("Verify");
		call.setCalledElement("verification");
		org.camunda.bpm.model.bpmn.instance.ExtensionElements extensions = model
			.newInstance(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class);
		org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn everything = model
			.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class);
		everything.setCamundaVariables("all");
		extensions.addChildElement(everything);
		call.setExtensionElements(extensions);
		model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById("guarded").addChildElement(call);

		ResponseEntity<String> refused = deploy("all-variables", model);
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
		assertThat(refused.getBody()).contains("Call activity Call_Verification passes all variables in");
		assertThat(repository.createDeploymentQuery().deploymentName("all-variables").count()).isZero();
	}

	private ResponseEntity<String> deploy(String name, BpmnModelInstance model) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", name);
		parts.add("guarded.bpmn", new ByteArrayResource(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "guarded.bpmn";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth("demo", "demo")
			.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
	}

	/** Four mistakes an analyst makes in Modeler: a typo in a status, a bean that is not there, a form that is not, no due date. */
	private static BpmnModelInstance broken() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("guarded")
			.name("Guarded")
			.camundaHistoryTimeToLive(30)
			.startEvent("Start")
			.name("Start")
			.intermediateThrowEvent("Event_Typo")
			.name("Approved")
			.camundaExecutionListenerExpression("start", "${statusRecorder.record(execution)}")
			.serviceTask("Task_NoSuchBean")
			.name("Call a bean that is not there")
			.camundaDelegateExpression("${noSuchBean}")
			.userTask("Task_NoForm")
			.name("A form that is not there")
			.camundaFormRef("no-such-form")
			.camundaFormRefBinding("latest")
			.camundaCandidateGroups("${posts.group(execution, 'dealingAssistant')}")
			.camundaDueDate("${deadlines.due(execution, 'disposal')}")
			.camundaFollowUpDate("${deadlines.followUp(execution, 'disposal')}")
			.userTask("Task_NoDueDate")
			.name("No due date")
			.camundaFormRef("verify-application")
			.camundaFormRefBinding("latest")
			.camundaCandidateGroups("${posts.group(execution, 'dealingAssistant')}")
			.endEvent("End")
			.name("End")
			.done();
		ModelerEdits.property(model, "Event_Typo", "status", "APROVED");
		return model;
	}

	private static BpmnModelInstance fixed() {
		BpmnModelInstance model = broken();
		ModelerEdits.property(model, "Event_Typo", "status", "APPROVED");
		model.<org.camunda.bpm.model.bpmn.instance.ServiceTask>getModelElementById("Task_NoSuchBean")
			.setCamundaDelegateExpression("${refundFee}");
		model.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById("Task_NoForm")
			.setCamundaFormRef("decide-application");
		org.camunda.bpm.model.bpmn.instance.UserTask noDue = model.getModelElementById("Task_NoDueDate");
		noDue.setCamundaDueDate("${deadlines.due(execution, 'disposal')}");
		noDue.setCamundaFollowUpDate("${deadlines.followUp(execution, 'disposal')}");
		return model;
	}

}
