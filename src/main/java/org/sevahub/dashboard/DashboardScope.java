package org.sevahub.dashboard;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.sevahub.office.OfficeDirectory;

import org.springframework.stereotype.Component;

/**
 * Whose figures a user may see: an administrator every office's; an appellate officer those of the offices they are
 * posted to ({@code firstAppellate:WB}) and every office under them, whose orders they hear appeals against.
 */
@Component
class DashboardScope {

	private final IdentityService identity;

	private final OfficeDirectory offices;

	DashboardScope(IdentityService identity, OfficeDirectory offices) {
		this.identity = identity;
		this.offices = offices;
	}

	/** The office codes in the user's scope; null for all of them. */
	Set<String> of(String user) {
		Set<String> codes = new TreeSet<>();
		for (Group group : identity.createGroupQuery().groupMember(user).list()) {
			if (group.getId().equals(Groups.CAMUNDA_ADMIN)) {
				return null;
			}
			String[] parts = group.getId().split(":", 2);
			if (parts.length == 2 && (parts[0].equals("firstAppellate") || parts[0].equals("secondAppellate"))
					&& offices.find(parts[1]).isPresent()) {
				codes.addAll(offices.subtree(parts[1]));
			}
		}
		return codes;
	}

}
