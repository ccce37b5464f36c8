package org.sevahub.officer;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
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
	 * The editable keys of the task's form (none for a task without a form); empty when there is no such task, which
	 * is then Camunda's to answer. The look-up ignores the caller's authorizations: whether they may complete the
	 * task is Camunda's decision too.
	 */
	Optional<Set<String>> of(String taskId) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		Task task;
		try {
			task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
		if (task == null) {
			return Optional.empty();
		}
		if (task.getCamundaFormRef() == null) {
			return Optional.of(Set.of());
		}
		return Optional.of(forms.find(task.getCamundaFormRef().getKey())
			.map(form -> editable(form.json().path("components"), new LinkedHashSet<>()))
			.orElse(Set.of()));
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
