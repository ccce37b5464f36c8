package org.sevahub.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo logins of the README, each with its name as password; only where {@code sevahub.demo.enabled}
 * (the embedded default, never under the {@code postgres} profile).
 */
@Component
@ConditionalOnProperty(name = "sevahub.demo.enabled", havingValue = "true")
class DemoOfficers {

	record DemoUser(String id, String firstName, String lastName, String password, String group) {
	}

	static final List<DemoUser> USERS = List.of(new DemoUser("demo", "Demo", "Administrator", "demo", Groups.CAMUNDA_ADMIN),
			new DemoUser("assistant", "Asha", "Deshmukh", "assistant", OfficerRoles.DEALING_ASSISTANT),
			new DemoUser("officer", "Rakesh", "Verma", "officer", OfficerRoles.DESIGNATED_OFFICER),
			new DemoUser("appellate1", "Sunita", "Banerjee", "appellate1", OfficerRoles.FIRST_APPELLATE),
			new DemoUser("appellate2", "Vikram", "Patil", "appellate2", OfficerRoles.SECOND_APPELLATE));

	private final IdentityService identity;

	DemoOfficers(IdentityService identity) {
		this.identity = identity;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(2)
	public void ensure() {
		for (DemoUser demo : USERS) {
			if (identity.createUserQuery().userId(demo.id()).count() == 0) {
				User user = identity.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setPassword(demo.password());
				user.setEmail(demo.id() + "@sevahub.example");
				identity.saveUser(user);
				identity.createMembership(demo.id(), demo.group());
			}
		}
	}

}
