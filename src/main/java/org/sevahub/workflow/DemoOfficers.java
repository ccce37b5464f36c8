package org.sevahub.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.sevahub.platform.BeforeServing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo logins of the README, each with its name as password; only where {@code sevahub.demo.enabled}
 * (the embedded default, never under the {@code postgres} profile). Officers of two districts of West Bengal,
 * Kolkata and Howrah, each in their post's group and their post's group at their office, as an administrator
 * would put them in Camunda Admin; the appellate officers sit at the state office above both.
 */
@Component
@ConditionalOnProperty(name = "sevahub.demo.enabled", havingValue = "true")
class DemoOfficers {

	record DemoUser(String id, String firstName, String lastName, String password, List<String> groups) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("demo", "Demo", "Administrator", "demo", List.of(Groups.CAMUNDA_ADMIN)),
			new DemoUser("assistant", "Asha", "Deshmukh", "assistant", posted(OfficerRoles.DEALING_ASSISTANT, "WB-KOL")),
			new DemoUser("officer", "Rakesh", "Verma", "officer", posted(OfficerRoles.DESIGNATED_OFFICER, "WB-KOL")),
			new DemoUser("appellate1", "Sunita", "Banerjee", "appellate1", posted(OfficerRoles.FIRST_APPELLATE, "WB")),
			new DemoUser("appellate2", "Vikram", "Patil", "appellate2", posted(OfficerRoles.SECOND_APPELLATE, "WB")),
			new DemoUser("assistant2", "Mita", "Ghosh", "assistant2", posted(OfficerRoles.DEALING_ASSISTANT, "WB-HWH")),
			new DemoUser("officer2", "Arup", "Sen", "officer2", posted(OfficerRoles.DESIGNATED_OFFICER, "WB-HWH")),
			// Lucknow (ISP's district 164), holding additional charge of the Sadar tehsil, and Pune (Aaple Sarkar's 518).
			new DemoUser("assistantlko", "Neha", "Srivastava", "assistantlko",
					posted(OfficerRoles.DEALING_ASSISTANT, "UP-LKO", "UP-LKO-SDR")),
			new DemoUser("officerlko", "Alok", "Tiwari", "officerlko",
					posted(OfficerRoles.DESIGNATED_OFFICER, "UP-LKO", "UP-LKO-SDR")),
			new DemoUser("assistantpune", "Pooja", "Kulkarni", "assistantpune",
					posted(OfficerRoles.DEALING_ASSISTANT, "MH-PUN", "MH-PUN-HVL")),
			new DemoUser("officerpune", "Sachin", "Jadhav", "officerpune",
					posted(OfficerRoles.DESIGNATED_OFFICER, "MH-PUN", "MH-PUN-HVL")));

	private final IdentityService identity;

	DemoOfficers(IdentityService identity) {
		this.identity = identity;
	}

	private static List<String> posted(String post, String... offices) {
		List<String> groups = new java.util.ArrayList<>(List.of(post));
		for (String office : offices) {
			groups.add(post + ":" + office);
		}
		return List.copyOf(groups);
	}

	@EventListener(BeforeServing.Event.class)
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
			}
			for (String group : demo.groups()) {
				if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
					identity.createMembership(demo.id(), group);
				}
			}
		}
	}

}
