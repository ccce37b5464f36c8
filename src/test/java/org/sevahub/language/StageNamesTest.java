package org.sevahub.language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.sevahub.workflow.StatusRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every named element of the shipped processes (an activity, event or gateway: what an application's history and the
 * migration page name) has its name in each translated language ({@code stage.<process>.<element>}), and so has
 * each process ({@code process.<key>}); no translation is left for an element or process the processes no longer
 * have (an id renamed in the Modeler). English names are the Modeler's own: the English bundle has none.
 */
class StageNamesTest {

	static final String PREFIX = "stage.";

	static final String PROCESS_PREFIX = "process.";

	@Test
	void everyElementThatRecordsAStatusIsNamedInEveryTranslatedLanguage() throws IOException {
		Map<String, String> stages = recordingElements();
		assertThat(stages).as("elements that record a status").hasSizeGreaterThan(20);
		Map<String, Properties> bundles = LanguageBundlesTest.bundles();
		for (String language : LanguageBundlesTest.TRANSLATED) {
			Properties bundle = bundles.get(language);
			stages.forEach((key, english) -> {
				assertThat(bundle.getProperty(key)).as("%s %s (%s)", language, key, english).isNotBlank();
				assertThat(bundle.getProperty(key)).as("%s %s left in English", language, key).isNotEqualTo(english);
			});
		}
	}

	/**
	 * The migration page names each activity, event and gateway it lists (what the engine maps, what it cannot,
	 * where an application waits) as the history does: a named element without its text reads in English.
	 */
	@Test
	void everyNamedElementIsNamedInEveryTranslatedLanguage() throws IOException {
		Map<String, String> named = namedElements();
		assertThat(named).as("named elements").hasSizeGreaterThan(100).containsAllEntriesOf(recordingElements());
		Map<String, Properties> bundles = LanguageBundlesTest.bundles();
		for (String language : LanguageBundlesTest.TRANSLATED) {
			Properties bundle = bundles.get(language);
			List<String> missing = new ArrayList<>();
			named.forEach((key, english) -> {
				String text = bundle.getProperty(key);
				if (text == null || text.isBlank() || text.equals(english)) {
					missing.add(key + " (" + english + ")");
				}
			});
			assertThat(missing).as("%s: named elements without their name in %s", missing.size(), language).isEmpty();
			assertThat(prefixed(bundle, PREFIX)).as("%s names elements no shipped process has", language)
				.isSubsetOf(named.keySet());
		}
	}

	@Test
	void everyShippedProcessIsNamedInEveryTranslatedLanguage() throws IOException {
		Map<String, String> processes = processes();
		assertThat(processes).as("shipped processes").hasSizeGreaterThanOrEqualTo(6);
		Map<String, Properties> bundles = LanguageBundlesTest.bundles();
		for (String language : LanguageBundlesTest.TRANSLATED) {
			Properties bundle = bundles.get(language);
			processes.forEach((key, english) -> assertThat(bundle.getProperty(key)).as("%s %s (%s)", language, key, english)
				.isNotBlank()
				.isNotEqualTo(english));
			assertThat(prefixed(bundle, PROCESS_PREFIX)).as("%s names processes not shipped", language)
				.isSubsetOf(processes.keySet());
		}
	}

	@Test
	void englishStageNamesAreTheModelersOwn() throws IOException {
		Properties english = LanguageBundlesTest.bundles().get("en");
		assertThat(stageKeys(english)).isEmpty();
		assertThat(prefixed(english, PROCESS_PREFIX)).isEmpty();
	}

	/**
	 * stage.process.element to the English name of each named flow node (activity, event, gateway) of the shipped
	 * processes, sub-processes' included; sequence flows' labels ("yes", "approve") are the diagram's, no page shows
	 * them.
	 */
	static Map<String, String> namedElements() throws IOException {
		Map<String, String> named = new TreeMap<>();
		for (BpmnModelInstance model : shipped()) {
			for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
				if (node.getName() != null && !node.getName().isBlank()) {
					named.put(PREFIX + enclosing(node, Process.class).getId() + "." + node.getId(), node.getName());
				}
			}
		}
		return named;
	}

	/** process.key to the process's English name. */
	static Map<String, String> processes() throws IOException {
		Map<String, String> processes = new TreeMap<>();
		for (BpmnModelInstance model : shipped()) {
			for (Process process : model.getModelElementsByType(Process.class)) {
				processes.put(PROCESS_PREFIX + process.getId(), process.getName());
			}
		}
		return processes;
	}

	private static List<BpmnModelInstance> shipped() throws IOException {
		List<BpmnModelInstance> models = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				models.add(Bpmn.readModelFromFile(file.toFile()));
			}
		}
		return models;
	}

	/** stage.process.element to the element's English name, for each element declaring a status. */
	static Map<String, String> recordingElements() throws IOException {
		Map<String, String> stages = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
					if (!StatusRecorder.STATUS_PROPERTY.equals(property.getCamundaName())) {
						continue;
					}
					FlowElement element = enclosing(property, FlowElement.class);
					Process process = enclosing(element, Process.class);
					stages.put(PREFIX + process.getId() + "." + element.getId(), element.getName());
				}
			}
		}
		return stages;
	}

	private static <T> T enclosing(ModelElementInstance from, Class<T> type) {
		ModelElementInstance at = from;
		while (!type.isInstance(at)) {
			at = at.getParentElement();
		}
		return type.cast(at);
	}

	private static Set<String> stageKeys(Properties bundle) {
		return prefixed(bundle, PREFIX);
	}

	private static Set<String> prefixed(Properties bundle, String prefix) {
		Set<String> keys = new TreeSet<>();
		bundle.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
		return keys;
	}

}
