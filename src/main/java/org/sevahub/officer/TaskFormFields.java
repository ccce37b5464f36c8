package org.sevahub.officer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
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
	 * task. The look-up ignores the caller's authorizations: whether they may complete the task is Camunda's
	 * decision.
	 */
	Optional<Map<String, FormField>> of(String taskId) {
		Task task = Unchecked.lookup(identity,
				() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
		if (task == null) {
			return Optional.empty();
		}
		if (task.getCamundaFormRef() == null) {
			return Optional.of(Map.of());
		}
		return Optional.of(forms.find(task.getCamundaFormRef().getKey()).map(TaskFormFields::editable).orElse(Map.of()));
	}

	private static Map<String, FormField> editable(FormDefinition form) {
		Map<String, FormField> fields = new LinkedHashMap<>();
		for (String key : editable(form.json().path("components"), new LinkedHashSet<>())) {
			form.field(key).ifPresent(field -> fields.put(key, field));
		}
		return fields;
	}

	private static Set<String> editable(JsonNode components, Set<String> keys) {
		for (JsonNode component : components) {
			String key = component.path("key").asText("");
			if (!key.isEmpty() && !component.path("disabled").asBoolean(false)
					&& !component.path("readonly").asBoolean(false)) {
				keys.add(key);
			}
			editable(component.path("components"), keys);
		}
		return keys;
	}

}
