package org.sevahub.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.office.Office;
import org.sevahub.office.OfficeDirectory;
import org.sevahub.office.OfficePosts;

import org.springframework.stereotype.Component;

/**
 * Who may take an officer's task: the Camunda group of a post at the application's office, as Modeler's "Officer
 * task" template writes it, {@code camunda:candidateGroups="${posts.group(execution, 'designatedOfficer')}"}. The
 * group is {@code <post>:<office>} ({@code designatedOfficer:WB-KOL}): the catalog's group for the post, at the office
 * of the catalog's level for the post above the office the application was routed or transferred to
 * ({@code application.office_code}). An application with no office (one started before offices existed) keeps the
 * plain post group.
 */
@Component("posts")
@ProcessApi
public class OfficerPosts {

	private final ServiceCatalog catalog;

	private final OfficePosts placement;

	private final OfficeDirectory offices;

	OfficerPosts(ServiceCatalog catalog, OfficePosts placement, OfficeDirectory offices) {
		this.catalog = catalog;
		this.placement = placement;
		this.offices = offices;
	}

	public String group(DelegateExecution execution, String post) {
		ServiceDefinition service = catalog.get((String) execution.getVariable(Variables.SERVICE_CODE));
		if (!OfficerRoles.GROUPS.containsKey(post)) {
			throw new IllegalArgumentException(
					"Unknown post '" + post + "': expected one of " + String.join(", ", OfficerRoles.GROUPS.keySet()));
		}
		Optional<Office> office = placement.officeOfApplication(execution.getProcessBusinessKey())
			.flatMap(offices::find);
		return office.map(o -> placement.group(service, post, o)).orElse(placement.postGroup(service, post));
	}

}
