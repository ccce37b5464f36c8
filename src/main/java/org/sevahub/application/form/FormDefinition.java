package org.sevahub.application.form;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A Camunda Form (.form JSON) by its id, with its components in order and the raw JSON for API clients. */
public record FormDefinition(String id, List<FormField> components, JsonNode json) {

	public List<FormField> inputs() {
		return components.stream().filter(FormField::isInput).toList();
	}

	/**
	 * A label, option, description or text of this form in a language: the form's {@code translations} block
	 * maps each English text to its translation per language; without one the English text stands.
	 */
	public String translate(String english, String language) {
		if (english == null || language == null || json == null) {
			return english;
		}
		JsonNode translated = json.path("translations").path(language).path(english);
		return translated.isTextual() && !translated.asText().isBlank() ? translated.asText() : english;
	}

	public Optional<FormField> field(String key) {
		return inputs().stream().filter(f -> f.key().equals(key)).findFirst();
	}

}
