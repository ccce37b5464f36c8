package org.sevahub.officer;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Execution;

import org.springframework.stereotype.Component;

/**
 * Whether an officer may read a process instance: one of its tasks was assigned to them, or had one of their groups
 * as candidate (open or done). The look-ups run without the caller's Camunda authorizations, which may not reach
 * the history they consult.
 */
@Component
class InstanceReaders {

	private final HistoryService history;

	private final RuntimeService runtime;

	private final IdentityService identity;

	InstanceReaders(HistoryService history, RuntimeService runtime, IdentityService identity) {
		this.history = history;
		this.runtime = runtime;
		this.identity = identity;
	}

	/** All the named instances are the officer's; none named is refused, as it would mean every instance. */
	boolean mayRead(EngineRestGuard.Caller caller, List<String> processInstanceIds) {
		return !processInstanceIds.isEmpty() && processInstanceIds.size() <= 200
				&& processInstanceIds.stream().allMatch(id -> holds(caller, id));
	}

	boolean mayReadTask(EngineRestGuard.Caller caller, String taskId) {
		HistoricTaskInstance task = unchecked(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
		// An unknown task is Camunda's to answer (404).
		return task == null || task.getProcessInstanceId() == null || holds(caller, task.getProcessInstanceId());
	}

	boolean mayReadExecution(EngineRestGuard.Caller caller, String executionId) {
		Execution execution = unchecked(() -> runtime.createExecutionQuery().executionId(executionId).singleResult());
		return execution == null || holds(caller, execution.getProcessInstanceId());
	}

	private boolean holds(EngineRestGuard.Caller caller, String processInstanceId) {
		return unchecked(() -> {
			if (history.createHistoricTaskInstanceQuery()
				.processInstanceId(processInstanceId)
				.taskAssignee(caller.userId())
				.count() > 0) {
				return true;
			}
			for (String group : caller.groups()) {
				if (history.createHistoricTaskInstanceQuery()
					.processInstanceId(processInstanceId)
					.taskHadCandidateGroup(group)
					.count() > 0) {
					return true;
				}
			}
			return false;
		});
	}

	private <T> T unchecked(Supplier<T> lookup) {
		return Unchecked.lookup(identity, lookup);
	}

}
