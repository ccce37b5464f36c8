package org.sevahub.officer;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import org.springframework.stereotype.Component;

/**
 * Whether an officer may read a process instance: one of its tasks was assigned to them, or had one of their groups
 * as candidate (open or done). The look-ups run without the caller's Camunda authorizations, which may not reach
 * the history they consult.
 */
@Component
class InstanceReaders {

	private final HistoryService history;

	private final RuntimeRecords records;

	private final IdentityService identity;

	InstanceReaders(HistoryService history, RuntimeRecords records, IdentityService identity) {
		this.history = history;
		this.records = records;
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

	/**
	 * A record of instances' runtime data read by id (a job, an incident, an execution…): one of the officer's
	 * instances. One of no instance is the administrators'; an unknown one is Camunda's to answer (404).
	 */
	boolean mayReadRecord(EngineRestGuard.Caller caller, String kind, String id) {
		return records.of(kind, id)
			.map(found -> found.processInstanceId() != null && holds(caller, found.processInstanceId()))
			.orElse(true);
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
