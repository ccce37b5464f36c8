package org.sevahub.office;

import java.util.Optional;

import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each post of a service sits for an application: the rule behind every officer task's candidate group,
 * kept here so the process ({@code posts.group}) and an administrator's transfer give the same answer.
 * <ul>
 * <li>A post sits at the office of its catalog level at or above the application's office.</li>
 * <li>The first appellate officer hears appeals against the designated officer's orders, so sits strictly above
 * that office: where the levels put both in one office (a district with no sub-division below it), the appeal
 * goes to the parent. The second appellate officer sits no lower than the first.</li>
 * </ul>
 */
@Component
public class OfficePosts {

	public static final String DEALING_ASSISTANT = "dealingAssistant";

	public static final String DESIGNATED_OFFICER = "designatedOfficer";

	public static final String FIRST_APPELLATE = "firstAppellate";

	public static final String SECOND_APPELLATE = "secondAppellate";

	private final OfficeDirectory offices;

	private final JdbcClient jdbc;

	OfficePosts(OfficeDirectory offices, JdbcClient jdbc) {
		this.offices = offices;
		this.jdbc = jdbc;
	}

	/** The office code recorded on the application with this number. */
	public Optional<String> officeOfApplication(String applicationNo) {
		if (applicationNo == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT office_code FROM application WHERE application_no = :no")
			.param("no", applicationNo)
			.query(String.class)
			.optional();
	}

	/** {@code designatedOfficer:WB-KOL}: the post's group at the office where it sits for an application of {@code office}. */
	public String group(ServiceDefinition service, String post, Office office) {
		return postGroup(service, post) + ":" + officeOf(service, post, office).code();
	}

	/** The catalog's group for the post, or the post's name where the catalog names none. */
	public String postGroup(ServiceDefinition service, String post) {
		ServiceDefinition.Officer officer = officer(service, post);
		return officer == null || officer.group() == null || officer.group().isBlank() ? post : officer.group();
	}

	/** The office where the post sits for an application of {@code office}. */
	public Office officeOf(ServiceDefinition service, String post, Office office) {
		Office at = offices.atLevel(office, level(service, post));
		if (post.equals(FIRST_APPELLATE)) {
			Office designated = officeOf(service, DESIGNATED_OFFICER, office);
			if (at.code().equals(designated.code())) {
				at = offices.parentOf(designated).orElse(designated);
			}
		}
		if (post.equals(SECOND_APPELLATE)) {
			Office first = officeOf(service, FIRST_APPELLATE, office);
			Office second = at;
			if (offices.chain(second).stream().anyMatch(o -> o.code().equals(first.code()))) {
				// Never below the office whose orders it reviews.
				at = first;
			}
		}
		return at;
	}

	/** The post's level, or the level of the post below it; the designated officer sits in a district by default. */
	String level(ServiceDefinition service, String post) {
		ServiceDefinition.Officer officer = officer(service, post);
		if (officer != null && officer.level() != null && !officer.level().isBlank()) {
			return officer.level();
		}
		return switch (post) {
			case DEALING_ASSISTANT, DESIGNATED_OFFICER -> "district";
			case FIRST_APPELLATE -> level(service, DESIGNATED_OFFICER);
			default -> level(service, FIRST_APPELLATE);
		};
	}

	private static ServiceDefinition.Officer officer(ServiceDefinition service, String post) {
		ServiceDefinition.Officers officers = service.officers();
		if (officers == null) {
			return null;
		}
		return switch (post) {
			case DEALING_ASSISTANT -> officers.dealingAssistant();
			case DESIGNATED_OFFICER -> officers.designated();
			case FIRST_APPELLATE -> officers.firstAppellate();
			case SECOND_APPELLATE -> officers.secondAppellate();
			default -> throw new IllegalArgumentException("Unknown post '" + post + "'");
		};
	}

}
