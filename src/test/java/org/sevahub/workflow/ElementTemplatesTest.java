package org.sevahub.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.sevahub.application.ApplicationStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Modeler element templates (processes/.camunda/element-templates/sevahub.json, where Camunda Modeler looks for
 * them beside the diagrams) are valid against Camunda's own element-template JSON schema (the npm package
 * {@code @camunda/element-templates-json-schema}, installed by the build's npm ci), offer the canonical statuses, and
 * agree with the elements in processes/ that use them.
 */
class ElementTemplatesTest {

	static final Path TEMPLATES = Path.of("processes/.camunda/element-templates/sevahub.json");

	static final Path SCHEMA = Path.of("node_modules/@camunda/element-templates-json-schema/resources/schema.json");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void theTemplatesAreValidAgainstCamundasElementTemplateSchema() throws IOException {
		assertThat(SCHEMA).as("Camunda's schema, installed by npm ci (./mvnw runs it)").exists();
		JsonNode schema = json.readTree(SCHEMA.toFile());
		assertThat(schema.path("$id").asText()).isEqualTo("http://camunda.org/schema/element-templates/1.0");
		List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
			.getSchema(schema)
			.validate(json.readTree(TEMPLATES.toFile()));
		assertThat(errors).isEmpty();
		assertThat(templates().keySet()).contains("org.sevahub.record-status", "org.sevahub.push-to-portals",
				"org.sevahub.issue-certificate", "org.sevahub.search-registry", "org.sevahub.officer-task");
	}

	@Test
	void aTemplateTheSchemaRefusesIsCaught() throws IOException {
		JsonNode schema = json.readTree(SCHEMA.toFile());
		JsonNode broken = json.readTree("[{\"name\": \"Record status\", \"id\": \"x\", \"appliesTo\": [\"bpmn:Task\"],"
				+ " \"properties\": [{\"type\": \"Dropdown\", \"binding\": {\"type\": \"property\", \"name\": \"x\"}}]}]");
		assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema).validate(broken))
			.as("a dropdown without choices").isNotEmpty();
	}

	@Test
	void recordStatusOffersTheCanonicalStatuses() throws IOException {
		List<String> offered = new ArrayList<>();
		for (JsonNode property : templates().get("org.sevahub.record-status").path("properties")) {
			property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
		}
		assertThat(offered).containsExactlyElementsOf(Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList());
	}

	@Test
	void everyTemplatedElementInProcessesSaysWhatItsTemplateSays() throws IOException {
		Map<String, JsonNode> templates = templates();
		int checked = 0;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
					String templateId = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
					if (templateId == null) {
						continue;
					}
					JsonNode template = templates.get(templateId);
					assertThat(template).as("%s in %s names template %s", element.getId(), file, templateId).isNotNull();
					for (JsonNode property : template.path("properties")) {
						assertAgrees(file + " " + element.getId(), element, property);
					}
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(40);
	}

	private static void assertAgrees(String where, BaseElement element, JsonNode property) {
		JsonNode binding = property.path("binding");
		String value = property.path("value").asText();
		List<String> allowed = new ArrayList<>();
		property.path("choices").forEach(choice -> allowed.add(choice.path("value").asText()));
		switch (binding.path("type").asText()) {
			case "property" -> {
				String name = binding.path("name").asText();
				String actual = name.startsWith("camunda:")
						? element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", name.substring(8))
						: element.getAttributeValue(name);
				if ("Hidden".equals(property.path("type").asText())) {
					assertThat(actual).as("%s: %s", where, name).isEqualTo(value);
				}
				else if (!allowed.isEmpty()) {
					assertThat(allowed).as("%s: %s", where, name).contains(actual);
				}
				else {
					assertThat(actual).as("%s: %s", where, name).isNotBlank();
				}
			}
			case "camunda:in" -> assertThat(extensions(element, CamundaIn.class)).as("%s: in %s", where, binding)
				.anySatisfy(in -> {
					assertThat(in.getCamundaTarget()).isEqualTo(binding.path("target").asText());
					String source = binding.path("expression").asBoolean() ? in.getCamundaSourceExpression()
							: in.getCamundaSource();
					if (allowed.isEmpty()) {
						assertThat(source).isEqualTo(value);
					}
					else {
						assertThat(allowed).contains(source);
					}
				});
			case "camunda:in:businessKey" -> assertThat(extensions(element, CamundaIn.class))
				.anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).isEqualTo(value));
			case "camunda:out" -> assertThat(extensions(element, CamundaOut.class)).as("%s: out %s", where, binding)
				.anySatisfy(out -> assertThat(out.getCamundaSource()).isEqualTo(binding.path("source").asText()));
			default -> {
				// execution listeners and extension properties: the deployment guard and the lint check them
			}
		}
	}

	private static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
		return element.getExtensionElements() == null ? List.of()
				: element.getExtensionElements().getElementsQuery().filterByType(type).list();
	}

	private Map<String, JsonNode> templates() throws IOException {
		Map<String, JsonNode> byId = new HashMap<>();
		json.readTree(TEMPLATES.toFile()).forEach(template -> byId.put(template.path("id").asText(), template));
		return byId;
	}

}
