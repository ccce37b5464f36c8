package org.sevahub.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormField;
import org.sevahub.application.form.FormRegistry;

import org.springframework.stereotype.Component;

/**
 * The variables an officer may set when completing a task: the keys of the task's Camunda Form ({@code formRef},
 * forms/*.form) that the officer can edit. Disabled fields (the application number, the applicant's name) are shown,
 * not answered, and everything else (SLA dates, applicant data, routing) belongs to the process.
 */
@Component
class TaskFormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TaskService tasks;

	private final FormRegistry forms;

	private final IdentityService identity;

	TaskFormFields(TaskService tasks, FormRegistry forms, IdentityService identity) {
		this.identity = identity;
		this.tasks = tasks;
		this.forms = forms;
	}

	/**
	 * The editable fields of the task's form by key (none for a task without a form); empty when there is no such
	 * task. A field whose choices come from a variable ({@code valuesKey}, the documents' checklist) has the choices
	 * this task was given, so a tick that is not one of them is refused like any other value outside a form's
	 * choices. The look-ups ignore the caller's authorizations: whether they may complete the task is Camunda's
	 * decision.
	 */
	Optional<Map<String, FormField>> of(String taskId) {
		return Unchecked.lookup(identity, () -> {
			Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
			if (task == null) {
				return Optional.empty();
			}
			if (task.getCamundaFormRef() == null) {
				return Optional.of(Map.of());
			}
			return Optional.of(forms.find(task.getCamundaFormRef().getKey())
				.map(form -> editable(form, valuesKey -> choices(tasks.getVariable(taskId, valuesKey))))
				.orElse(Map.of()));
		});
	}

	private static Map<String, FormField> editable(FormDefinition form, Function<String, List<FormField.Option>> choices) {
		Map<String, FormField> fields = new LinkedHashMap<>();
		editable(form.json().path("components"), new LinkedHashMap<>()).forEach((key, valuesKey) -> form.field(key)
			.ifPresent(field -> fields.put(key, valuesKey == null ? field : field.withOptions(choices.apply(valuesKey)))));
		return fields;
	}

	/** The editable components' keys, each with its {@code valuesKey} (null for choices written in the form). */
	private static Map<String, String> editable(JsonNode components, Map<String, String> keys) {
		for (JsonNode component : components) {
			String key = component.path("key").asText("");
			if (!key.isEmpty() && !component.path("disabled").asBoolean(false)
					&& !component.path("readonly").asBoolean(false)) {
				keys.put(key, component.hasNonNull("valuesKey") ? component.path("valuesKey").asText() : null);
			}
			editable(component.path("components"), keys);
		}
		return keys;
	}

	/** A {@code valuesKey} variable's choices, {@code [{"label": …, "value": …}]} as form-js reads them; none when unset. */
	private static List<FormField.Option> choices(Object variable) {
		if (variable == null) {
			return List.of();
		}
		try {
			List<FormField.Option> options = new ArrayList<>();
			for (JsonNode option : JSON.readTree(variable.toString())) {
				options.add(new FormField.Option(option.path("label").asText(), option.path("value").asText()));
			}
			return options;
		}
		catch (JacksonException notJson) {
			return List.of();
		}
	}

}
