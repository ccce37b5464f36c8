package org.sevahub.officer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sevahub.application.form.FormField;
import org.sevahub.application.form.FormValidator;
import org.sevahub.platform.doors.ControlCharacters;

/**
 * What an officer's completion of a task may carry: the editable fields of the task's form, each a plain value
 * that fits the field (its choices, its length, no control characters). Checked before the engine sees it, so a
 * remark too long for the status history or a value the process cannot route on is the officer's 400, not the
 * engine's 500 with its SQL, and changes nothing.
 */
final class CompletionVariables {

	/** A ticked choice of a checklist (a document's code). */
	private static final int MAX_CHOICE_LENGTH = 200;

	private static final int MAX_CHOICES = 100;

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Camunda's plain value types; no Object (a serialized Java object), File or Bytes from an officer. */
	private static final Set<String> PLAIN_TYPES = Set.of("String", "Boolean", "Integer", "Long", "Short", "Double",
			"Date", "Json", "Null");

	private CompletionVariables() {
	}

	/**
	 * Each problem of the body's {@code variables} as a sentence; none when the completion may go to the engine.
	 * @param otherVariablesAllowed an administrator's repair may set variables that are not the form's
	 */
	static List<String> problems(JsonNode body, Map<String, FormField> editable, boolean otherVariablesAllowed) {
		List<String> problems = new ArrayList<>();
		if (body == null || body.isMissingNode() || body.isNull()) {
			return problems;
		}
		if (!body.isObject() || !(body.path("variables").isMissingNode() || body.path("variables").isObject())) {
			problems.add("The body is an object whose variables are an object of the form's fields");
			return problems;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = body.path("variables").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> variable = it.next();
			String name = variable.getKey();
			FormField field = editable.get(name);
			String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
			if (field == null) {
				if (otherVariablesAllowed) {
					continue;
				}
				problems.add("Only the fields of the task's form may be set; not " + shown);
				continue;
			}
			String problem = problem(field, variable.getValue());
			if (problem != null) {
				problems.add(shown + ": " + problem);
			}
		}
		return problems;
	}

	private static String problem(FormField field, JsonNode variable) {
		if (!variable.isObject()) {
			return "give it as {\"value\": …}";
		}
		String type = variable.path("type").asText("String");
		if (!PLAIN_TYPES.contains(type) || variable.path("valueInfo").has("serializationDataFormat")
				|| variable.path("valueInfo").has("objectTypeName")) {
			return "a plain value is expected, not " + (type.length() > 30 ? type.substring(0, 30) + "…" : type);
		}
		JsonNode value = variable.path("value");
		if ("checklist".equals(field.type())) {
			return choices(field, value);
		}
		if (!value.isValueNode() || value.isNull()) {
			return value.isNull() || value.isMissingNode() ? null : "a single value is expected";
		}
		String text = value.asText();
		if (ControlCharacters.in(text)) {
			return "must not contain control characters";
		}
		// A text field without its own maxLength takes what the citizen's forms allow.
		int max = field.maxLength() != null ? field.maxLength() : FormValidator.DEFAULT_MAX_LENGTH;
		if (text.codePointCount(0, text.length()) > max) {
			return "must be at most " + max + " characters";
		}
		if (!field.options().isEmpty() && !text.isEmpty()
				&& field.options().stream().noneMatch(option -> option.value().equals(text))) {
			return notAChoice(field, text);
		}
		return null;
	}

	/**
	 * A checklist's ticks, each one of its choices: a JSON array of codes, or that array as a {@code Json} variable's
	 * text (Tasklist's way).
	 */
	private static String choices(FormField field, JsonNode value) {
		JsonNode ticks = value;
		if (value.isTextual()) {
			try {
				ticks = JSON.readTree(value.asText());
			}
			catch (JacksonException ex) {
				return "a list of the form's choices is expected";
			}
		}
		if (ticks == null || ticks.isNull() || ticks.isMissingNode()) {
			return null;
		}
		if (!ticks.isArray() || ticks.size() > MAX_CHOICES) {
			return "a list of the form's choices is expected";
		}
		for (JsonNode tick : ticks) {
			if (!tick.isTextual() || tick.asText().length() > MAX_CHOICE_LENGTH || ControlCharacters.in(tick.asText())) {
				return "a list of the form's choices is expected";
			}
			if (field.options().stream().noneMatch(option -> option.value().equals(tick.asText()))) {
				return notAChoice(field, tick.asText());
			}
		}
		return null;
	}

	/** What the refusal says of a value outside the field's choices: the value, cut short, and the choices. */
	private static String notAChoice(FormField field, String text) {
		return "'" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "' is not one of the form's choices"
				+ (field.options().isEmpty() ? " (it has none)"
						: " (" + String.join(", ", field.options().stream().map(FormField.Option::value).toList()) + ")");
	}

}
