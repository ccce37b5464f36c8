package org.sevahub.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The installation's first administrator, from {@code sevahub.admin.user} and {@code sevahub.admin.password}
 * (under {@code postgres}: {@code SEVAHUB_ADMIN_USER}, {@code SEVAHUB_ADMIN_PASSWORD}), created only while the
 * database has no user at all. Once anyone exists the variables are ignored, so a password left in a unit file
 * cannot bring back an account an administrator has since removed or changed. The {@code camunda-admin} group
 * and its grants come from {@code OfficerRoles}, which runs first.
 */
@Component
class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final IdentityService identity;

	private final String userId;

	private final String password;

	FirstAdministrator(IdentityService identity, @Value("${sevahub.admin.user:}") String userId,
			@Value("${sevahub.admin.password:}") String password) {
		this.identity = identity;
		this.userId = userId.strip();
		this.password = password;
		if (!this.userId.isEmpty() && password.isBlank()) {
			throw new IllegalStateException("sevahub.admin.user is set but sevahub.admin.password is not");
		}
	}

	@EventListener(BeforeServing.Event.class)
	@Order(3)
	public void createOnEmptyDatabase() {
		if (userId.isEmpty() || identity.createUserQuery().count() > 0) {
			return;
		}
		User user = identity.newUser(userId);
		user.setFirstName("SevaHub");
		user.setLastName("Administrator");
		user.setPassword(password);
		try {
			identity.saveUser(user);
			identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
			log.info("Created the first administrator, {}", userId);
		}
		catch (ProcessEngineException raced) {
			// Two nodes started together on the empty database; the other one created it.
			if (identity.createUserQuery().userId(userId).count() == 0) {
				throw raced;
			}
		}
	}

}
