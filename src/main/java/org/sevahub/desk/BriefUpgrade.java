package org.sevahub.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasks opened before the brief became one variable kept it in seven ({@code briefOrigin}, {@code briefHistory},
 * ...), which the forms no longer read. On start, each such task's seven become its {@value TaskBriefs#VARIABLE},
 * as they were when the task opened, so an upgrade leaves no officer with an empty brief. Once converted, a start
 * finds none and this costs one query.
 */
@Component
class BriefUpgrade {

	private static final Logger log = LoggerFactory.getLogger(BriefUpgrade.class);

	/** The old variable of each part of the brief. */
	private static final Map<String, String> OLD = Map.of(TaskBriefs.APPLICANT, "briefApplicant", TaskBriefs.SERVICE,
			"briefService", TaskBriefs.ORIGIN, "briefOrigin", TaskBriefs.OFFICE, "briefOffice", TaskBriefs.DUE,
			"briefDue", TaskBriefs.HISTORY, "briefHistory", TaskBriefs.MATCHES, "briefMatches");

	/** A list of its own: the engine's MyBatis cannot read the size of an immutable map's values. */
	private static final List<String> OLD_NAMES = List.copyOf(OLD.values());

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ObjectMapper json;

	BriefUpgrade(RuntimeService runtime, TaskService tasks, ObjectMapper json) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.json = json;
	}

	@EventListener(ApplicationReadyEvent.class)
	int convert() {
		List<String> taskIds = runtime.createVariableInstanceQuery()
			.variableName(OLD.get(TaskBriefs.ORIGIN))
			.list()
			.stream()
			.map(VariableInstance::getTaskId)
			.filter(id -> id != null)
			.distinct()
			.toList();
		int converted = 0;
		for (String taskId : taskIds) {
			try {
				convert(taskId);
				converted++;
			}
			catch (RuntimeException ex) {
				// Another node converting the same task at once; whichever commits first has done it.
				log.warn("Could not convert the brief of task {}: {}", taskId, ex.getMessage());
			}
		}
		if (converted > 0) {
			log.info("Converted the briefs of {} open tasks to one variable", converted);
		}
		return converted;
	}

	private void convert(String taskId) {
		Map<String, Object> old = tasks.getVariablesLocal(taskId, OLD_NAMES);
		Map<String, Object> brief = new LinkedHashMap<>();
		OLD.forEach((part, name) -> {
			Object value = old.get(name);
			brief.put(part, value instanceof String text ? text : value == null ? null : readTree(value.toString()));
		});
		tasks.setVariableLocal(taskId, TaskBriefs.VARIABLE, TaskBriefs.jsonValue(json, brief));
		tasks.removeVariablesLocal(taskId, OLD_NAMES);
	}

	private Object readTree(String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A brief that is not JSON", ex);
		}
	}

}
