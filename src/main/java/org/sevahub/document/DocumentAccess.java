package org.sevahub.document;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.sevahub.application.Application;
import org.sevahub.application.CitizenAccess;

import org.springframework.stereotype.Component;

/**
 * Who may see an application's documents and who may send them: the one place this is decided.
 * <ul>
 * <li>the citizen who owns the application: today the holder of its grant ({@link CitizenAccess}, set when the
 * browser created it or a portal handed it over); citizen sign-in plugs in at {@link #isOwner};</li>
 * <li>officers: people signed in to Camunda's webapps whose groups were candidates for a task of the
 * application's processes, or who held one. A per-office candidate group ({@code dealingAssistant:WB-KOL})
 * narrows this with no change here;</li>
 * <li>admins: members of {@code camunda-admin}.</li>
 * </ul>
 * What they then get is a link that expires ({@link DocumentLinks}), never a permanent address of the file.
 */
@Component
public class DocumentAccess {

	private final CitizenAccess citizens;

	private final HistoryService history;

	DocumentAccess(CitizenAccess citizens, HistoryService history) {
		this.citizens = citizens;
		this.history = history;
	}

	/** The owner citizen: may send documents while allowed, and read their own. */
	public boolean isOwner(HttpServletRequest request, Application app) {
		return citizens.has(request, app.applicationNo());
	}

	/** An officer or admin signed in to Camunda's webapps in this browser, who may read this application's documents. */
	public Optional<Officer> officer(HttpServletRequest request, Application app) {
		return signedIn(request).filter(officer -> officer.admin() || worksOn(officer, app));
	}

	/** Whether an officer's groups were candidates for a task of the application (open or done), or they held one. */
	boolean worksOn(Officer officer, Application app) {
		if (history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.taskAssignee(officer.name())
			.count() > 0) {
			return true;
		}
		for (String group : officer.groups()) {
			if (history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKey(app.applicationNo())
				.taskHadCandidateGroup(group)
				.count() > 0) {
				return true;
			}
		}
		return false;
	}

	/** The user signed in to Camunda's webapps (Tasklist, Cockpit) in this browser, if any. */
	public static Optional<Officer> signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
		if (authentications != null
				&& authentications.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user) {
			List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
			return Optional.of(new Officer(user.getName(), groups));
		}
		return Optional.empty();
	}

	public record Officer(String name, List<String> groups) {

		public boolean admin() {
			return groups.contains(Groups.CAMUNDA_ADMIN);
		}

	}

}
