package org.sevahub.officer;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;

import org.springframework.stereotype.Component;

/**
 * The instance a record of the engine's runtime belongs to, for the REST API's reads of one record by id
 * ({@code /job/{id}}, {@code /incident/{id}}…): Camunda lets every officer read them all (READ_INSTANCE on every
 * process), so the guard asks whose instance the record is. The look-ups run without the caller's authorizations.
 */
@Component
class RuntimeRecords {

	/** The record was found; its instance is null when it belongs to none (a timer start, a batch). */
	record Found(String processInstanceId) {
	}

	private final RuntimeService runtime;

	private final ManagementService management;

	private final ExternalTaskService externalTasks;

	private final IdentityService identity;

	RuntimeRecords(RuntimeService runtime, ManagementService management, ExternalTaskService externalTasks,
			IdentityService identity) {
		this.runtime = runtime;
		this.management = management;
		this.externalTasks = externalTasks;
		this.identity = identity;
	}

	/**
	 * The record of this kind (the REST API's resource name: {@code job}, {@code incident}, {@code external-task},
	 * {@code execution}, {@code variable-instance}) with this id; empty when there is none, for Camunda to answer.
	 */
	Optional<Found> of(String kind, String id) {
		return Unchecked.lookup(identity, lookup(kind, id));
	}

	private Supplier<Optional<Found>> lookup(String kind, String id) {
		return switch (kind) {
			case "job" -> () -> found(management.createJobQuery().jobId(id).singleResult(), Job::getProcessInstanceId);
			case "incident" -> () -> found(runtime.createIncidentQuery().incidentId(id).singleResult(),
					Incident::getProcessInstanceId);
			case "external-task" -> () -> found(externalTasks.createExternalTaskQuery().externalTaskId(id).singleResult(),
					ExternalTask::getProcessInstanceId);
			case "execution" -> () -> found(runtime.createExecutionQuery().executionId(id).singleResult(),
					Execution::getProcessInstanceId);
			case "variable-instance" -> () -> found(
					runtime.createVariableInstanceQuery().variableId(id).disableBinaryFetching().singleResult(),
					VariableInstance::getProcessInstanceId);
			default -> throw new IllegalArgumentException("No runtime record of kind " + kind);
		};
	}

	private static <T> Optional<Found> found(T record, Function<T, String> processInstanceId) {
		return Optional.ofNullable(record).map(r -> new Found(processInstanceId.apply(r)));
	}

}
