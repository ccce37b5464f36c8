package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * Who may take an officer's task: the Camunda group of a post for the application, as Modeler's "Officer task"
 * template writes it, {@code camunda:candidateGroups="${posts.group(execution, 'designatedOfficer')}"}. The post is
 * one of {@link OfficerRoles}' groups; the group is the catalog's {@code officers.*.group} for the service where it
 * names one. This is the one place that turns a post into a group, so giving every office its own groups
 * ({@code designatedOfficer:WB-KOL}) changes this method and no BPMN.
 */
@Component("posts")
@ProcessApi
public class OfficerPosts {

	private final ServiceCatalog catalog;

	OfficerPosts(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	public String group(DelegateExecution execution, String post) {
		ServiceDefinition.Officers officers = catalog.get((String) execution.getVariable(Variables.SERVICE_CODE))
			.officers();
		ServiceDefinition.Officer officer = switch (post) {
			case OfficerRoles.DEALING_ASSISTANT -> null;
			case OfficerRoles.DESIGNATED_OFFICER -> officers.designated();
			case OfficerRoles.FIRST_APPELLATE -> officers.firstAppellate();
			case OfficerRoles.SECOND_APPELLATE -> officers.secondAppellate();
			default -> throw new IllegalArgumentException(
					"Unknown post '" + post + "': expected one of " + String.join(", ", OfficerRoles.GROUPS.keySet()));
		};
		return officer == null || officer.group() == null || officer.group().isBlank() ? post : officer.group();
	}

}
