package org.sevahub.office;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.OfficeMove;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator moves an application to another office: its record, and each open task's candidate groups
 * ({@code designatedOfficer:WB-KOL} becomes {@code designatedOfficer:WB-HWH}, or the superior office's appellate
 * post), with the old office's read grant on the task taken away. The transfer is on the application's record
 * ({@value #TRANSFERRED}) and routing never overrides it afterwards; {@link ApplicationTransferred} tells the
 * features that wrote the old office on the open tasks.
 */
@Service
public class OfficeTransfers {

	public static final String TRANSFERRED = "OFFICE_TRANSFERRED";

	private final ApplicationRepository applications;

	private final ApplicationOffices recorded;

	private final OfficeDirectory offices;

	private final OfficePosts posts;

	private final ServiceCatalog catalog;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	private final ApplicationEvents events;

	private final ApplicationEventPublisher publisher;

	private final RepositoryService repository;

	OfficeTransfers(ApplicationRepository applications, ApplicationOffices recorded, OfficeDirectory offices,
			OfficePosts posts, ServiceCatalog catalog, TaskService tasks, AuthorizationService authorizations,
			ApplicationEvents events, ApplicationEventPublisher publisher, RepositoryService repository) {
		this.repository = repository;
		this.publisher = publisher;
		this.applications = applications;
		this.recorded = recorded;
		this.offices = offices;
		this.posts = posts;
		this.catalog = catalog;
		this.tasks = tasks;
		this.authorizations = authorizations;
		this.events = events;
	}

	/** @param movedTasks each open task moved, as {@code Verify application: dealingAssistant:WB-KOL → ...:WB-HWH} */
	public record Transfer(String applicationNo, String from, String to, List<String> movedTasks) {
	}

	@Transactional
	public Transfer transfer(String applicationNo, String toOffice, String reason, String admin) {
		Application app = applications.lockByNo(applicationNo)
			.orElseThrow(() -> new ApplicationNotFoundException(applicationNo));
		if (toOffice == null || toOffice.isBlank()) {
			throw new TransferRefusedException("Say which office to transfer the application to (toOffice)");
		}
		if (reason == null || reason.isBlank()) {
			throw new TransferRefusedException("Say why the application is transferred (reason): it goes on its record");
		}
		if (reason.length() > 500) {
			throw new TransferRefusedException("The reason must be at most 500 characters");
		}
		// PostgreSQL cannot store NUL, and no office code or reason an administrator types holds one.
		if (ControlCharacters.in(toOffice) || ControlCharacters.in(reason)) {
			throw new TransferRefusedException("The office code and the reason must not contain control characters");
		}
		Office to = offices.find(toOffice.strip())
			.orElseThrow(() -> new TransferRefusedException("No office has the code '" + toOffice.strip() + "'"));
		String from = recorded.officeOf(app.id()).orElse(null);
		if (to.code().equals(from)) {
			throw new TransferRefusedException("Application " + applicationNo + " is already with " + to.code());
		}
		ServiceDefinition service = catalog.get(app.serviceCode());
		recorded.record(app.id(), to.code());
		List<String> moved = new ArrayList<>();
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).active().list();
		for (Task task : open) {
			for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
				if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
					continue;
				}
				String post = link.getGroupId().split(":", 2)[0];
				if (!List.of(OfficePosts.DEALING_ASSISTANT, OfficePosts.DESIGNATED_OFFICER, OfficePosts.FIRST_APPELLATE,
						OfficePosts.SECOND_APPELLATE).contains(post)) {
					continue;
				}
				String group = posts.group(service, post, to);
				if (group.equals(link.getGroupId())) {
					continue;
				}
				tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
				revokeRead(task.getId(), link.getGroupId());
				tasks.addCandidateGroup(task.getId(), group);
				moved.add(englishName(task) + ": " + link.getGroupId() + " → " + group);
			}
			if (task.getAssignee() != null && !moved.isEmpty()) {
				// The old office's officer had claimed it; the new office's officers claim it afresh.
				tasks.setAssignee(task.getId(), null);
			}
		}
		events.record(app.id(), TRANSFERRED, "Transferred from " + (from == null ? "no office" : from) + " to "
				+ to.code() + " (" + to.nameEn() + ") by " + admin + ": " + reason.strip()
				+ (moved.isEmpty() ? "" : "; moved " + String.join("; ", moved)),
				OfficeMove.transferred(from, to.code(), admin, reason.strip()));
		publisher.publishEvent(new ApplicationTransferred(app, from, to.code(), open.stream().map(Task::getId).toList()));
		return new Transfer(applicationNo, from, to.code(), moved);
	}

	/**
	 * The task's name in the BPMN, English as the record's detail is: Tasklist's name beside it is in the state
	 * language too (TaskNames), and a task without a name goes by its definition key.
	 */
	private String englishName(Task task) {
		FlowElement element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		return element == null || element.getName() == null ? task.getTaskDefinitionKey() : element.getName();
	}

	/** Camunda grants a candidate group READ on its task and may keep it when the candidacy ends: take it away. */
	private void revokeRead(String taskId, String group) {
		for (Authorization grant : authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.groupIdIn(group)
			.list()) {
			authorizations.deleteAuthorization(grant.getId());
		}
	}

}
