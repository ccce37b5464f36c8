package org.sevahub.office;

import java.util.Optional;

import org.sevahub.application.Application;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.stereotype.Component;

/** What the citizen is told of where the application is: the office, and the designated officer's post there. */
@Component
public class OfficeAssignments {

	public static final String DESIGNATED = OfficePosts.DESIGNATED_OFFICER;

	public static final String FIRST_APPELLATE = OfficePosts.FIRST_APPELLATE;

	public static final String SECOND_APPELLATE = OfficePosts.SECOND_APPELLATE;

	private final ApplicationOffices recorded;

	private final OfficeDirectory offices;

	private final OfficePosts posts;

	private final ServiceCatalog catalog;

	OfficeAssignments(ApplicationOffices recorded, OfficeDirectory offices, OfficePosts posts, ServiceCatalog catalog) {
		this.recorded = recorded;
		this.offices = offices;
		this.posts = posts;
		this.catalog = catalog;
	}

	/**
	 * @param office           the office the application is with, named in {@code language} where it has that name
	 * @param designatedPost   the designated officer's post ({@code Tahsildar}), as the catalog names it in
	 *                         {@code language} (English where it has no name in it)
	 * @param designatedOffice the office where that post sits for this application
	 */
	public record Assigned(String code, String office, String designatedPost, String designatedOffice) {
	}

	public Optional<Assigned> of(Application app, String language) {
		return recorded.officeOf(app.id()).flatMap(offices::find).map(office -> {
			ServiceDefinition service = catalog.get(app.serviceCode());
			Office designated = posts.officeOf(service, OfficePosts.DESIGNATED_OFFICER, office);
			String post = service.officers() == null || service.officers().designated() == null ? null
					: service.officers().designated().roleName(language);
			return new Assigned(office.code(), office.name(language), post, designated.name(language));
		});
	}

	/**
	 * A portal's code for where a post sits for this application ({@code post} null: the application's own office),
	 * taken from that office or the nearest office above it that has one: ISP's district and officers' location
	 * codes come from offices.yml, as the routing does.
	 */
	public Optional<String> portalSetting(Application app, String post, String portal, String key) {
		return recorded.officeOf(app.id()).flatMap(offices::find).flatMap(office -> {
			Office at = post == null ? office : posts.officeOf(catalog.get(app.serviceCode()), post, office);
			for (Office o : offices.chain(at)) {
				String value = o.portalSetting(portal, key);
				if (value != null && !value.isBlank()) {
					return Optional.of(value);
				}
			}
			return Optional.empty();
		});
	}

}
