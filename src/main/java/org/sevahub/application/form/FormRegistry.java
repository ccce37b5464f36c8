package org.sevahub.application.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms in {@code forms/}, read from the classpath: the same files the engine deploys for
 * Tasklist. The citizen pages render a service's form from here, and the server validates against it.
 */
@Component
public class FormRegistry {

	private final Map<String, FormDefinition> forms = new HashMap<>();

	public FormRegistry(ObjectMapper objectMapper) throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				JsonNode json = objectMapper.readTree(in);
				FormDefinition form = parse(json);
				forms.put(form.id(), form);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read form " + resource, ex);
			}
		}
	}

	public Optional<FormDefinition> find(String id) {
		return Optional.ofNullable(forms.get(id));
	}

	public FormDefinition get(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("No form with id '" + id + "' in forms/"));
	}

	static FormDefinition parse(JsonNode json) {
		String id = json.path("id").asText(null);
		if (id == null) {
			throw new IllegalArgumentException("A form without an id cannot be referenced");
		}
		List<FormField> components = new ArrayList<>();
		collect(json.path("components"), components);
		return new FormDefinition(id, List.copyOf(components), json);
	}

	private static void collect(JsonNode nodes, List<FormField> into) {
		for (JsonNode node : nodes) {
			String type = node.path("type").asText();
			if ("group".equals(type) || "dynamiclist".equals(type)) {
				into.add(field(node, "heading", null));
				collect(node.path("components"), into);
				continue;
			}
			into.add(field(node, type, text(node, "key")));
		}
	}

	private static FormField field(JsonNode node, String type, String key) {
		JsonNode validate = node.path("validate");
		List<FormField.Option> options = new ArrayList<>();
		for (JsonNode value : node.path("values")) {
			options.add(new FormField.Option(value.path("label").asText(), value.path("value").asText()));
		}
		Map<String, String> properties = new LinkedHashMap<>();
		node.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
		if (node.has("subtype")) {
			properties.put("subtype", node.path("subtype").asText());
		}
		// form-js labels a datetime field with dateLabel
		String label = text(node, "label") != null ? text(node, "label") : text(node, "dateLabel");
		return new FormField(type, key, label, text(node, "description"), text(node, "text"),
				validate.path("required").asBoolean(false), integer(validate, "minLength"),
				integer(validate, "maxLength"), text(validate, "pattern"), decimal(validate, "min"),
				decimal(validate, "max"), text(validate, "validationType"), List.copyOf(options), Map.copyOf(properties));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	private static Integer integer(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asInt() : null;
	}

	private static BigDecimal decimal(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).decimalValue() : null;
	}

}
