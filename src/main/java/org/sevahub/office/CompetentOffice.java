package org.sevahub.office;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRouting;
import org.sevahub.application.OfficeMove;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;

import org.springframework.stereotype.Component;

/** Routes applications with the {@link OfficeRouter} and keeps the office and the reason on their record. */
@Component
class CompetentOffice implements ApplicationRouting {

	static final String ROUTED = "OFFICE_ROUTED";

	private final OfficeRouter router;

	private final ApplicationOffices recorded;

	private final PortalLinks links;

	private final ApplicationEvents events;

	CompetentOffice(OfficeRouter router, ApplicationOffices recorded, PortalLinks links, ApplicationEvents events) {
		this.router = router;
		this.recorded = recorded;
		this.links = links;
		this.events = events;
	}

	@Override
	public String route(Application app, Applicant applicant) {
		Optional<String> current = recorded.officeOf(app.id());
		if (current.isPresent() && events.of(app.id())
			.stream()
			.anyMatch(e -> e.kind().equals(OfficeTransfers.TRANSFERRED))) {
			return current.get();
		}
		Optional<PortalLink> origin = app.channel().equals(Application.DIRECT) ? Optional.empty()
				: links.find(app.id(), app.channel());
		OfficeRouter.Routed routed = router.route(origin.map(PortalLink::portal).orElse(null),
				origin.map(PortalLink::attributes).orElse(Map.of()), applicant.pincode(), applicant.district());
		String code = routed.office().code();
		if (!Objects.equals(current.orElse(null), code)) {
			recorded.record(app.id(), code);
			events.record(app.id(), ROUTED, "Routed to " + routed.office().nameEn() + " (" + code + ") by "
					+ routed.reason(), OfficeMove.routed(code, routed.basis(), routed.portal(), routed.place()));
		}
		return code;
	}

}
