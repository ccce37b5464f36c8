package org.sevahub.officer;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * To whom an officer may hand a task (assign, delegate, claim for, add as a candidate): only to an officer of one of
 * the task's candidate groups, which are a post at the task's office. Moving work to another office is an
 * administrator's transfer (docs/offices.md); without this, assigning a Kolkata decision to a Howrah officer let that
 * officer decide it and read its application. The look-ups run without the caller's authorizations.
 */
@Component
class TaskHandOvers {

	private final TaskService tasks;

	private final IdentityService identity;

	TaskHandOvers(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	/**
	 * Back to the pool ({@code null}) always; to whoever holds it already (its assignee or owner, so saving the task
	 * unchanged passes); otherwise only to a member of one of the task's candidate groups.
	 */
	boolean mayGoTo(String taskId, String userId) {
		if (userId == null) {
			return true;
		}
		return Unchecked.lookup(identity, () -> {
			Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
			return task == null || userId.equals(task.getAssignee()) || userId.equals(task.getOwner())
					|| candidateGroups(taskId).stream()
						.anyMatch(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
		});
	}

	/**
	 * Whether the group already is a candidate of the task: adding it again changes nothing. An unknown task is
	 * Camunda's to answer (404), here and above.
	 */
	boolean isCandidateGroup(String taskId, String groupId) {
		return Unchecked.lookup(identity, () -> tasks.createTaskQuery().taskId(taskId).count() == 0
				|| candidateGroups(taskId).contains(groupId));
	}

	private List<String> candidateGroups(String taskId) {
		return tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

}
