package org.sevahub.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.workflow.guard.DeploymentGuard;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What an analyst's edit in Camunda Modeler can break without a compiler noticing: every process in processes/ passes
 * the deployment guard's rules (statuses, beans, forms, due dates, retries) as the engine parses it, every formRef is
 * a form the engine deployed (.form files are not in Camunda's default scan), and every bean processes may name
 * exists.
 */
@SevaHubTest
class ProcessWiringTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Autowired
	DeploymentGuard guard;

	@Test
	void everyProcessInProcessesPassesTheDeploymentGuard() throws IOException {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		BpmnParser parser = new BpmnParser(configuration.getExpressionManager(), configuration.getBpmnParseFactory());
		List<Path> files = processFiles();
		assertThat(files).extracting(p -> p.getFileName().toString())
			.contains("certificate-issuance.bpmn", "welfare-scheme.bpmn", "submission.bpmn", "verification.bpmn",
					"disposal-breach.bpmn", "rts-appeal.bpmn");
		for (Path bpmn : files) {
			assertThatCode(() -> configuration.getCommandExecutorTxRequired().execute(commandContext -> {
				DeploymentEntity deployment = new DeploymentEntity();
				deployment.setName("wiring check");
				try (InputStream in = Files.newInputStream(bpmn)) {
					parser.createParse().sourceInputStream(in).deployment(deployment).name(bpmn.toString()).execute();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				return null;
			})).as(bpmn.toString()).doesNotThrowAnyException();
		}
	}

	@Test
	void everyFormRefIsADeployedForm() throws IOException {
		Pattern formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
		Set<String> refs = new TreeSet<>();
		for (Path bpmn : processFiles()) {
			Matcher m = formRef.matcher(Files.readString(bpmn));
			while (m.find()) {
				refs.add(m.group(1));
			}
		}
		assertThat(refs).contains("verify-application", "decide-application", "decide-overdue", "sanction-benefit",
				"hear-appeal", "review-duplicate");
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		for (String ref : refs) {
			Object deployed = configuration.getCommandExecutorTxRequired()
				.execute(commandContext -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(ref));
			assertThat(deployed).as("deployed form %s", ref).isNotNull();
		}
	}

	@Test
	void theBeansProcessesMayNameExistAndTheOutsideCallersAreKnown() {
		assertThat(guard.processBeans()).containsKeys("statusRecorder", "decisions", "sla", "deadlines", "posts",
				"appealClock", "issueCertificate", "revokeCertificate", "refundFee", "deliverService", "registrySearch",
				"reportEnrollment", "withdrawEnrollment", "welfare");
		guard.processBeans().keySet().forEach(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
		assertThat(guard.processBeans()).containsEntry("registrySearch", true)
			.containsEntry("deliverService", true)
			.containsEntry("statusRecorder", false);
	}

	static List<Path> processFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

}
