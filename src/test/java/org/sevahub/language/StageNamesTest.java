package org.sevahub.language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.sevahub.workflow.StatusRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every element of the shipped processes that records a status, and so names a stage in an application's history,
 * has its name in each translated language ({@code stage.<process>.<element>}); no translation is left for an
 * element the processes no longer have (an id renamed in the Modeler).
 */
class StageNamesTest {

	static final String PREFIX = "stage.";

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
			assertThat(stageKeys(bundle)).as("%s translates stages no shipped process records", language)
				.isSubsetOf(stages.keySet());
		}
	}

	@Test
	void englishStageNamesAreTheModelersOwn() throws IOException {
		assertThat(stageKeys(LanguageBundlesTest.bundles().get("en"))).isEmpty();
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
		Set<String> keys = new TreeSet<>();
		bundle.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX)).forEach(keys::add);
		return keys;
	}

}
