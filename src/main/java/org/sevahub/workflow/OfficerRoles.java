package org.sevahub.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
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
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
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
 * The filters' names and the variable labels on each task card are in English and the state language, as the
 * forms are ("My group's tasks / আমার গোষ্ঠীর কাজ", "Application / আবেদন"; messages {@code tasklist.*}), the office's
 * filter with the office's name in that language from offices.yml. Created once, on any node, idempotently.
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

	/** The shared filters' English names: SevaHub named them so before they were bilingual, and found them so. */
	static final String GROUP_TASKS_FILTER = "My group's tasks";

	static final String MY_TASKS_FILTER = "Assigned to me";

	static final String OVERDUE_FILTER = "Overdue";

	static final String DUE_THIS_WEEK_FILTER = "Due this week";

	/**
	 * The filter's property that says which of SevaHub's filters it is ({@code group-tasks}, {@code office:WB-KOL}):
	 * its name follows the state language, so it is found by this, and by its English name if made before.
	 */
	static final String FILTER_KEY = "sevahub";

	/** The variables Tasklist shows on each task in the list, by the name of their label's message. */
	private static final Map<String, String> CARD_VARIABLES = new LinkedHashMap<>();

	static {
		CARD_VARIABLES.put("applicationNo", "application");
		CARD_VARIABLES.put("applicantName", "applicant");
		CARD_VARIABLES.put("serviceName", "service");
	}

	/** The per-office filter's English name: {@code Office WB-KOL: Kolkata District Office}. */
	static String officeFilterName(Office office) {
		return "Office " + office.code() + ": " + office.nameEn();
	}

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	private final OfficeDirectory offices;

	private final Words words;

	private final Languages languages;

	OfficerRoles(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks, OfficeDirectory offices, Words words, Languages languages) {
		this.offices = offices;
		this.words = words;
		this.languages = languages;
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
		// The language Tasklist's forms are deployed in beside English (BilingualTasklistForms); English alone names
		// the filters where that is English.
		String language = languages.stateLanguage();
		List<Filter> existing = filters.createFilterQuery()
			.filterResourceType(EntityTypes.TASK)
			.orderByFilterId()
			.asc()
			.list();
		List<String> shared = List.of(
				filter(existing, language, "group-tasks", GROUP_TASKS_FILTER, -10,
						groupTasks().orderByDueDate().asc()),
				filter(existing, language, "assigned-to-me", MY_TASKS_FILTER, -5,
						tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
				filter(existing, language, "overdue", OVERDUE_FILTER, -8,
						groupTasks().dueBeforeExpression("${now()}").orderByDueDate().asc()),
				filter(existing, language, "due-this-week", DUE_THIS_WEEK_FILTER, -7,
						groupTasks().dueAfterExpression("${now()}")
							.dueBeforeExpression("${dateTime().plusDays(7).toDate()}")
							.orderByDueDate()
							.asc()));
		for (Map.Entry<String, String> group : GROUPS.entrySet()) {
			officerGroup(group.getKey(), group.getValue(), shared);
		}
		for (Office office : offices.all()) {
			List<String> groups = GROUPS.keySet().stream().map(post -> post + ":" + office.code()).sorted().toList();
			// Office WB-KOL: Kolkata District Office / দপ্তর WB-KOL: কলকাতা জেলা দপ্তর
			Function<String, String> nameIn = in -> Words.bilingual(
					words.text("tasklist.filter.office", Languages.locale("en"), office.code(), office.nameEn()),
					words.text("tasklist.filter.office", Languages.locale(in), office.code(), office.name(in)));
			String officeTasks = filter(existing, "office:" + office.code(), officeFilterName(office), nameIn, language,
					0, tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().orderByDueDate().asc());
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

	/** One of the shared filters, named by its message {@code tasklist.filter.<key>}. */
	private String filter(List<Filter> existing, String language, String key, String englishName, int priority,
			TaskQuery query) {
		return filter(existing, key, englishName, in -> words.inEnglishAnd(in, "tasklist.filter." + key, englishName),
				language, priority, query);
	}

	/**
	 * Creates SevaHub's filter {@code key}, or brings the one there is to this query, and to this name and labels
	 * where they are still SevaHub's: the one whose {@value #FILTER_KEY} property is {@code key}, else (made before
	 * the property) the shared filter with one of SevaHub's names. It keeps its id, so the groups' grants and
	 * officers' favourites stay with it. A name or label is SevaHub's while it reads as SevaHub writes it in English
	 * or beside any bundled language, so a change of state language renames it; one an administrator gave in
	 * Tasklist reads otherwise and stays, as do their other changes (priority, colour, a further variable) and
	 * officers' own filters (they have an owner). A filter already so is not saved again: a restart changes nothing
	 * in the database.
	 * @param nameIn the filter's name as SevaHub writes it beside a language (English alone beside English)
	 */
	private String filter(List<Filter> existing, String key, String englishName, Function<String, String> nameIn,
			String language, int priority, TaskQuery query) {
		Set<String> ownNames = new HashSet<>();
		ownNames.add(englishName);
		Languages.BUNDLED.forEach(in -> ownNames.add(nameIn.apply(in)));
		Filter found = existing.stream()
			.filter(f -> key.equals(property(f, FILTER_KEY)))
			.findFirst()
			.or(() -> existing.stream()
				.filter(f -> f.getOwner() == null && property(f, FILTER_KEY) == null && ownNames.contains(f.getName()))
				.findFirst())
			.orElse(null);
		String name = found == null || ownNames.contains(found.getName()) ? nameIn.apply(language) : found.getName();
		if (found == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put(FILTER_KEY, key);
			properties.put("priority", priority);
			properties.put("refresh", true);
			// Tasklist shows these variables on each task in the list: officers find an application by number.
			properties.put("variables", labelled(null, language));
			return filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties)).getId();
		}
		Map<String, Object> was = found.getProperties() == null ? Map.of() : found.getProperties();
		Map<String, Object> properties = new LinkedHashMap<>(was);
		properties.put(FILTER_KEY, key);
		properties.put("variables", labelled(was.get("variables"), language));
		// An installation from before due dates gets the sorted query, one from before bilingual names the names.
		if (name.equals(found.getName()) && properties.equals(was)
				&& QUERY_JSON.toJson((TaskQuery) found.getQuery()).equals(QUERY_JSON.toJson(query))) {
			return found.getId();
		}
		found.setName(name);
		found.setProperties(properties);
		return filters.saveFilter(found.setQuery(query)).getId();
	}

	private static Object property(Filter filter, String name) {
		return filter.getProperties() == null ? null : filter.getProperties().get(name);
	}

	/**
	 * The card's variables with their labels in English and {@code language} ("Application / আবেদন"): SevaHub's three
	 * where there are none, else the filter's own list with SevaHub's variables relabelled where their label is still
	 * one SevaHub gives, and any other as it is.
	 */
	private List<Object> labelled(Object variables, String language) {
		List<Object> labelled = new ArrayList<>();
		if (!(variables instanceof List<?> list)) {
			CARD_VARIABLES.forEach((variable, label) -> labelled
				.add(Map.of("name", variable, "label", label(label, language))));
			return labelled;
		}
		for (Object variable : list) {
			if (variable instanceof Map<?, ?> map && map.get("name") instanceof String name
					&& CARD_VARIABLES.containsKey(name)) {
				Map<String, Object> relabelled = new LinkedHashMap<>();
				map.forEach((field, value) -> relabelled.put(String.valueOf(field), value));
				String message = CARD_VARIABLES.get(name);
				if (map.get("label") == null || Languages.BUNDLED.stream()
					.anyMatch(in -> label(message, in).equals(map.get("label")))) {
					relabelled.put("label", label(message, language));
				}
				labelled.add(relabelled);
			}
			else {
				labelled.add(variable);
			}
		}
		return labelled;
	}

	private String label(String label, String language) {
		return words.inEnglishAnd(language, "tasklist.variable." + label, null);
	}

}
