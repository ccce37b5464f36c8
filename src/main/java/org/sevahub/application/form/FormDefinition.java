package org.sevahub.application.form;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A Camunda Form (.form JSON) by its id, with its components in order and the raw JSON for API clients. */
public record FormDefinition(String id, List<FormField> components, JsonNode json) {

	public List<FormField> inputs() {
		return components.stream().filter(FormField::isInput).toList();
	}

	public Optional<FormField> field(String key) {
		return inputs().stream().filter(f -> f.key().equals(key)).findFirst();
	}

}
