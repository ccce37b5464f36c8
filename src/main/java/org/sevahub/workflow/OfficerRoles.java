package org.sevahub.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.sevahub.office.Office;
import org.sevahub.office.OfficeDirectory;
import org.sevahub.platform.BeforeServing;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The officer groups every installation has, with what Camunda authorization lets them do: open Tasklist,
 * read the processes, and see tasks through filters (their groups' tasks, their own, the overdue, those due this
 * week, and one per office, each sorted by due date). There is a group per post ({@code designatedOfficer}) and
 * per post and office ({@code designatedOfficer:WB-KOL}, from offices.yml); tasks go to the latter, and Camunda
 * lets a group read a task only where it is a candidate, so an office's officers see only their office's tasks.
 * Created once, on any node, idempotently.
 */
@Component
public class OfficerRoles {

	/** How Camunda stores a filter's query: two queries are the same filter when they serialise alike. */
	private static final JsonTaskQueryConverter QUERY_JSON = new JsonTaskQueryConverter();


	public static final String DEALING_ASSISTANT = "dealingAssistant";

	public static final String DESIGNATED_OFFICER = "designatedOfficer";

	public static final String FIRST_APPELLATE = "firstAppellate";

	public static final String SECOND_APPELLATE = "secondAppellate";

	public static final Map<String, String> GROUPS = Map.of(DEALING_ASSISTANT, "Dealing assistants",
			DESIGNATED_OFFICER, "Designated officers", FIRST_APPELLATE, "First appellate officers", SECOND_APPELLATE,
			"Second appellate officers");

	static final String GROUP_TASKS_FILTER = "My group's tasks";

	static final String MY_TASKS_FILTER = "Assigned to me";

	static final String OVERDUE_FILTER = "Overdue";

	static final String DUE_THIS_WEEK_FILTER = "Due this week";

	/** The per-office filter's name: {@code Office WB-KOL: Kolkata District Office}. */
	static String officeFilterName(Office office) {
		return "Office " + office.code() + ": " + office.nameEn();
	}

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	private final OfficeDirectory offices;

	OfficerRoles(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks, OfficeDirectory offices) {
		this.offices = offices;
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
	}

	@EventListener(BeforeServing.Event.class)
	@Order(1)
	public void ensure() {
		createGroup(Groups.CAMUNDA_ADMIN, "SevaHub administrators", Groups.GROUP_TYPE_SYSTEM);
		for (Resources resource : Resources.values()) {
			grantGroup(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
		}
		List<String> shared = List.of(
				filter(GROUP_TASKS_FILTER, -10, groupTasks().orderByDueDate().asc()),
				filter(MY_TASKS_FILTER, -5, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
					.orderByDueDate().asc()),
				filter(OVERDUE_FILTER, -8, groupTasks().dueBeforeExpression("${now()}").orderByDueDate().asc()),
				filter(DUE_THIS_WEEK_FILTER, -7, groupTasks().dueAfterExpression("${now()}")
					.dueBeforeExpression("${dateTime().plusDays(7).toDate()}")
					.orderByDueDate()
					.asc()));
		for (Map.Entry<String, String> group : GROUPS.entrySet()) {
			officerGroup(group.getKey(), group.getValue(), shared);
		}
		for (Office office : offices.all()) {
			List<String> groups = GROUPS.keySet().stream().map(post -> post + ":" + office.code()).sorted().toList();
			String officeTasks = filter(officeFilterName(office), 0, tasks.createTaskQuery()
				.taskCandidateGroupIn(groups)
				.includeAssignedTasks()
				.orderByDueDate()
				.asc());
			for (String post : GROUPS.keySet()) {
				officerGroup(post + ":" + office.code(), GROUPS.get(post) + ", " + office.nameEn(), shared);
				grantGroup(post + ":" + office.code(), Resources.FILTER, officeTasks, Permissions.READ);
			}
		}
	}

	private TaskQuery groupTasks() {
		return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
	}

	/**
	 * A post's group, or a post's group at an office, with what every officer needs: Tasklist, the processes, the
	 * shared filters. No grant here reads a task: that comes from being a task's candidate group.
	 */
	private void officerGroup(String id, String name, List<String> sharedFilters) {
		createGroup(id, name, Groups.GROUP_TYPE_WORKFLOW);
		grantGroup(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grantGroup(id, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		// Tasklist lists each task with its application's number and applicant, read from the instance.
		grantGroup(id, Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE);
		for (String filter : sharedFilters) {
			grantGroup(id, Resources.FILTER, filter, Permissions.READ);
		}
	}

	private void createGroup(String id, String name, String type) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			identity.saveGroup(group);
		}
	}

	/** Camunda keeps one grant per group and resource: add the permission to it, or create it. */
	private void grantGroup(String groupId, Resource resource, String resourceId, Permission permission) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		else if (authorization.isPermissionGranted(permission)) {
			return;
		}
		authorization.addPermission(permission);
		authorizations.saveAuthorization(authorization);
	}

	private String filter(String name, int priority, TaskQuery query) {
		List<Filter> existing = filters.createFilterQuery().filterName(name).list();
		if (!existing.isEmpty()) {
			// An installation from before due dates gets the sorted query; officers' own filters are untouched. An
			// unchanged query is not saved again: a restart changes nothing in the database.
			Filter found = existing.get(0);
			if (QUERY_JSON.toJson((TaskQuery) found.getQuery()).equals(QUERY_JSON.toJson(query))) {
				return found.getId();
			}
			return filters.saveFilter(found.setQuery(query)).getId();
		}
		Filter filter = filters.newTaskFilter(name)
			.setQuery(query)
			// Tasklist shows these variables on each task in the list: officers find an application by number.
			.setProperties(Map.of("priority", priority, "refresh", true, "variables",
					List.of(Map.of("name", "applicationNo", "label", "Application"),
							Map.of("name", "applicantName", "label", "Applicant"),
							Map.of("name", "serviceName", "label", "Service"))));
		return filters.saveFilter(filter).getId();
	}

}
