package org.sevahub.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.sevahub.application.Application;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * Reads who has an application and the deadlines that run on it from the engine, where the statutory clocks
 * live: the open officer task (its candidate group is the post, its due date the deadline, moved when an appeal
 * reopens the application) and, while an appeal may be filed, the timer that closes that window.
 */
@Component
class WhoAndWhenViews {

	private final TaskService tasks;

	private final ManagementService management;

	private final ServiceCatalog catalog;

	private final RuntimeService runtime;

	WhoAndWhenViews(TaskService tasks, ManagementService management, ServiceCatalog catalog, RuntimeService runtime) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.catalog = catalog;
	}

	WhoAndWhen of(Application app, ApplicationView view, String language) {
		ServiceDefinition service = catalog.get(app.serviceCode());
		String serviceName = service.name(language);
		String decidedBy = null;
		Instant decideBy = null;
		Optional<Task> open = openTask(app);
		if (open.isPresent()) {
			ServiceDefinition.Officer post = post(service, open.get());
			decidedBy = post == null ? null : post.roleName(language);
			decideBy = open.get().getDueDate() == null ? app.slaDueAt() : open.get().getDueDate().toInstant();
		}
		else if (app.submittedAt() != null && app.slaDueAt() != null && !decided(view.status())) {
			decidedBy = service.officers().designated().roleName(language);
			decideBy = app.slaDueAt();
		}
		Instant appealBy = null;
		String appealTo = null;
		boolean first = view.nextActions().contains("first-appeal");
		if (first || view.nextActions().contains("second-appeal")) {
			appealBy = appealWindowCloses(app).orElse(null);
			ServiceDefinition.Officer appellate = first ? service.officers().firstAppellate()
					: service.officers().secondAppellate();
			appealTo = appellate == null ? null : appellate.roleName(language);
		}
		return new WhoAndWhen(serviceName, decidedBy, null, decideBy, appealBy, appealTo);
	}

	private Optional<Task> openTask(Application app) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.active()
			.list()
			.stream()
			.min(Comparator.comparing(Task::getCreateTime));
	}

	/** The catalog's officer whose group is the task's candidate group ({@code group} or {@code group:office}). */
	private ServiceDefinition.Officer post(ServiceDefinition service, Task task) {
		List<String> groups = tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.map(g -> g.contains(":") ? g.substring(0, g.indexOf(':')) : g)
			.toList();
		ServiceDefinition.Officers officers = service.officers();
		for (ServiceDefinition.Officer officer : List.of(officers.firstAppellate(), officers.secondAppellate())) {
			if (officer != null && groups.contains(officer.group())) {
				return officer;
			}
		}
		// The designated officer's office has it, whoever of its staff (a dealing assistant) works on it now.
		return officers.designated();
	}

	/** The earliest timer of the application's processes: while an appeal may be filed, the window's end. */
	private Optional<Instant> appealWindowCloses(Application app) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.list()
			.stream()
			.flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream())
			.map(Job::getDuedate)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.map(Date::toInstant);
	}

	private static boolean decided(String status) {
		return List.of("APPROVED", "REJECTED", "CERTIFICATE_ISSUED", "DELIVERED", "APPEAL_ALLOWED", "APPEAL_DISMISSED",
				"CANCELLED", "DRAFT", "INITIATED", "FEE_PENDING").contains(status);
	}

}
