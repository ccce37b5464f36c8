package org.sevahub.portal.aaplesarkar;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.AadhaarVault;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.EngineClock;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.NewApplication;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where Aaple Sarkar sends a citizen who chose one of the department's services: {@code /aaplesarkar/landing?str=}
 * (MahaIT registers one such link per service, so it carries the 4-digit {@code ServiceID} too). The token is
 * decrypted and its checksum and age checked before Aaple Sarkar is asked, over pushWebService, who the citizen
 * is; the application is then created (or found, by TrackId) with those details locked on the form.
 */
@Controller
@ConditionalOnProperty(name = "sevahub.portals.aaplesarkar.enabled", havingValue = "true")
class AaplesarkarLandingController {

	/** All an unauthenticated caller learns of a token that does not decrypt, parse or check. */
	static final String UNREADABLE = "The token could not be read";

	private final AaplesarkarClient client;

	private final ServiceCatalog catalog;

	private final ApplicationService applications;

	private final PortalLinks links;

	private final CitizenAccess access;

	private final AuditTrail audit;

	private final AadhaarVault vault;

	AaplesarkarLandingController(AaplesarkarClient client, ServiceCatalog catalog, ApplicationService applications,
			PortalLinks links, CitizenAccess access, AuditTrail audit, AadhaarVault vault) {
		this.client = client;
		this.catalog = catalog;
		this.applications = applications;
		this.links = links;
		this.access = access;
		this.audit = audit;
		this.vault = vault;
	}

	@GetMapping("/aaplesarkar/landing")
	ModelAndView land(@RequestParam(required = false) String str,
			@RequestParam(name = "ServiceID", required = false) String serviceId, HttpServletResponse response) {
		if (str == null || str.isBlank() || str.length() > 8192) {
			return refuse(response, 400, "The link from Aaple Sarkar is incomplete",
					"The address Aaple Sarkar sent you here with carries no token. Please choose the service again on Aaple Sarkar.",
					"missing str");
		}
		Optional<ServiceDefinition> service = serviceId == null ? Optional.empty()
				: catalog.findByPortalCode(AaplesarkarClient.PORTAL, serviceId);
		if (service.isEmpty()) {
			return refuse(response, 404, "Service not offered here",
					serviceId == null ? "The link from Aaple Sarkar names no service (ServiceID)."
							: "Aaple Sarkar sent a request for service " + serviceId + ", which this department does not offer.",
					"unknown ServiceID " + serviceId);
		}
		AaplesarkarProperties properties = client.properties();
		AaplesarkarToken token;
		try {
			// Until its checksum holds, the caller is nobody: why the token failed stays in the audit record.
			token = AaplesarkarToken.parseAndCheck(client.codec(), str.strip());
		}
		catch (AaplesarkarCodec.AaplesarkarCryptoException | AaplesarkarToken.Refused ex) {
			return refuse(response, 400, "The link from Aaple Sarkar could not be read",
					UNREADABLE + ". Please choose the service again on Aaple Sarkar.", "token: " + ex.getMessage());
		}
		try {
			token.verify(client.codec(), EngineClock.now(), properties.tokenMaxAge(), properties.timestampZone());
		}
		catch (AaplesarkarToken.Refused ex) {
			return refuse(response, 400, "Aaple Sarkar's hand-over was refused",
					"The token from Aaple Sarkar failed its check: " + ex.getMessage()
							+ ". Please choose the service again on Aaple Sarkar.",
					"token: " + ex.getMessage());
		}
		try {
			Map<String, String> profile = client.getParameterNew(str.strip(), token.sessionId());
			if (!"Success".equalsIgnoreCase(profile.get("Response"))) {
				return refuse(response, 400, "Aaple Sarkar could not confirm this visit",
						"Aaple Sarkar says: " + profile.getOrDefault("Response", "no answer")
								+ (profile.containsKey("Message") ? " (" + profile.get("Message") + ")" : "")
								+ ". A link works once: please start again from Aaple Sarkar.",
						"GetParameterNew " + profile.get("Response"));
			}
			String trackId = profile.get("TrackId");
			if (trackId == null || !trackId.matches("[0-9A-Za-z]{1,30}") || !token.userId().equals(profile.get("UserID"))) {
				return refuse(response, 502, "Aaple Sarkar's answer could not be used",
						"Aaple Sarkar's answer does not match the visit (TrackId or UserID). The office has been told.",
						"GetParameterNew answer without a matching TrackId/UserID");
			}
			Optional<PortalLink> existing = links.find(AaplesarkarClient.PORTAL, trackId);
			String stored = existing.map(link -> link.attributes().get("ServiceID")).orElse(null);
			if (stored != null && !stored.equals(serviceId)) {
				// ServiceID is the link's own query parameter, outside the encrypted token: it may not re-label an
				// application Aaple Sarkar opened for another service.
				return refuse(response, 409, "This application is for another service",
						"Aaple Sarkar's application " + trackId + " was opened here for another service. Please open it"
								+ " again from Aaple Sarkar, under the service you applied for.",
						"TrackId " + trackId + " is ServiceID " + stored + ", the link said " + serviceId);
			}
			Application app = existing.isPresent() ? applications.byId(existing.get().applicationId())
					: create(service.get(), serviceId, trackId, profile);
			access.grant(response, app.applicationNo());
			RedirectView form = new RedirectView("/applications/" + app.applicationNo() + "/form", true);
			form.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(form);
		}
		catch (AaplesarkarCodec.AaplesarkarCryptoException | AaplesarkarSoap.AaplesarkarSoapException ex) {
			return refuse(response, 502, "Aaple Sarkar's answer could not be read",
					"The answer from Aaple Sarkar could not be read. Please try again.",
					"GetParameterNew: " + ex.getMessage());
		}
		catch (IOException | RestClientException ex) {
			return refuse(response, 502, "Aaple Sarkar is not answering",
					"We could not reach Aaple Sarkar to confirm your visit. Please try again in a few minutes.",
					"GetParameterNew: " + ex.getMessage());
		}
		catch (FormInvalidException ex) {
			return refuse(response, 502, "Aaple Sarkar's details could not be used",
					"Some of the details Aaple Sarkar holds for you are not in a form this service accepts: "
							+ String.join("; ", ex.fieldErrors().values()),
					"profile not accepted");
		}
	}

	private Application create(ServiceDefinition service, String serviceId, String trackId, Map<String, String> profile) {
		AaplesarkarCitizen.Mapped mapped = AaplesarkarCitizen.from(profile, client.properties().districtNames(), vault);
		Map<String, String> attributes = new LinkedHashMap<>(mapped.attributes());
		attributes.put("ServiceID", serviceId);
		return applications.create(NewApplication.fromPortal(service.code(),
				new NewApplication.PortalOrigin(AaplesarkarClient.PORTAL, trackId, attributes), mapped.applicant(),
				Map.of(), mapped.locked()));
	}

	private ModelAndView refuse(HttpServletResponse response, int status, String title, String message, String why) {
		audit.record(AuditTrail.Direction.IN, AaplesarkarClient.PORTAL, "landing", null, "REFUSED", why);
		ModelAndView page = new ModelAndView("problem", Map.of("title", title, "message", message));
		page.setStatus(HttpStatus.valueOf(status));
		return page;
	}

}
