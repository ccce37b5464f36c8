package org.sevahub.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an analyst's edit in Camunda Modeler can break without a compiler noticing: every bean a BPMN in
 * processes/ names must exist, and every formRef must be a form the engine deployed (.form files are not in
 * Camunda's default scan).
 */
@SevaHubTest
class ProcessWiringTest {

	/** The start of an expression: ${name or ${name.something. */
	static final Pattern EXPRESSION_ROOT = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*([.}])");

	/** Names an expression may start with that are the engine's or the process's, not beans. */
	static final Set<String> NOT_BEANS = Set.of("execution", "task", "true", "false", "not", "slaDueDate",
			"feePayable", "registrySearchPending", "alreadyEnrolled", "appealAlreadyFiled", "decision", "breachAction",
			"appealOutcome", "eligibility");

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Test
	void everyBeanAProcessNamesExists() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path bpmn : processFiles()) {
			for (String bean : beansNamedIn(Files.readString(bpmn))) {
				if (!context.containsBean(bean)) {
					missing.add(bpmn.getFileName() + " names ${" + bean + "}");
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(beansNamedIn(Files.readString(Path.of("processes/certificate-issuance.bpmn"))))
			.contains("statusRecorder", "decisions", "sla", "issueCertificate", "revokeCertificate", "refundFee",
					"deliverService");
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
		assertThat(refs).contains("verify-application", "decide-application", "sanction-benefit", "hear-appeal",
				"review-duplicate");
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		for (String ref : refs) {
			Object deployed = configuration.getCommandExecutorTxRequired()
				.execute(commandContext -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(ref));
			assertThat(deployed).as("deployed form %s", ref).isNotNull();
		}
	}

	@Test
	void everyUserTaskHasAFormAndCandidateGroups() throws IOException {
		Pattern userTask = Pattern.compile("<bpmn:userTask ([^>]*)>");
		for (Path bpmn : processFiles()) {
			Matcher m = userTask.matcher(Files.readString(bpmn));
			while (m.find()) {
				assertThat(m.group(1)).as(bpmn.getFileName() + ": " + m.group(1))
					.contains("camunda:formRef=")
					.contains("camunda:candidateGroups=")
					.contains("name=");
			}
		}
	}

	static Set<String> beansNamedIn(String bpmn) {
		Set<String> beans = new TreeSet<>();
		Matcher m = EXPRESSION_ROOT.matcher(bpmn);
		while (m.find()) {
			if (!NOT_BEANS.contains(m.group(1))) {
				beans.add(m.group(1));
			}
		}
		return beans;
	}

	static List<Path> processFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

}
