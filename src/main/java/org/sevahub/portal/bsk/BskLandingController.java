package org.sevahub.portal.bsk;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.CitizenAccess;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where BSK sends the citizen with the redirectUrl of its API-1 answer: the link is spent, the browser given
 * access to the application, and the citizen lands on the form with BSK's fields locked. A link that was
 * forged, used or has expired gets a page that says so.
 */
@Controller
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskLandingController {

	private final BskHandovers handovers;

	private final ApplicationService applications;

	private final CitizenAccess access;

	private final AuditTrail audit;

	BskLandingController(BskHandovers handovers, ApplicationService applications, CitizenAccess access,
			AuditTrail audit) {
		this.handovers = handovers;
		this.applications = applications;
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/bsk/landing")
	ModelAndView land(@RequestParam(name = "h", required = false) String link, HttpServletResponse response) {
		boolean unusable = link == null || link.length() > 200;
		Optional<Long> applicationId = unusable ? Optional.empty() : handovers.redeem(link);
		if (applicationId.isEmpty()) {
			String why = unusable ? "The link has no hand-over code." : handovers.whyNot(link);
			audit.record(AuditTrail.Direction.IN, BskClient.PORTAL, "landing", null, "REFUSED", why);
			ModelAndView page = new ModelAndView("problem", Map.of("title", "This BSK link does not open a form",
					"message", why + " Please ask the Bangla Sahayata Kendra operator to open the service again."));
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
		Application app = applications.byId(applicationId.get());
		access.grant(response, app.applicationNo());
		RedirectView form = new RedirectView("/applications/" + app.applicationNo() + "/form", true);
		form.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(form);
	}

}
