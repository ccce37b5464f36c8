package org.sevahub.portal.isp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.sevahub.application.AadhaarVault;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.NewApplication;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where ISP sends a citizen who chose one of the department's services: {@code /isp/landing?sessionkey=}. The
 * session key is checked with ISP, the applicant's common details fetched and put on the application with
 * ISP's fields locked, and the citizen lands on the form. Anything wrong gets a page that says so.
 */
@Controller
@ConditionalOnProperty(name = "sevahub.portals.isp.enabled", havingValue = "true")
class IspLandingController {

	private final IspClient client;

	private final IspProperties properties;

	private final ServiceCatalog catalog;

	private final ApplicationService applications;

	private final PortalLinks links;

	private final CitizenAccess access;

	private final AuditTrail audit;

	private final FormRegistry forms;

	private final AadhaarVault vault;

	IspLandingController(IspClient client, IspProperties properties, ServiceCatalog catalog,
			ApplicationService applications, PortalLinks links, CitizenAccess access, AuditTrail audit,
			FormRegistry forms, AadhaarVault vault) {
		this.forms = forms;
		this.vault = vault;
		this.client = client;
		this.properties = properties;
		this.catalog = catalog;
		this.applications = applications;
		this.links = links;
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/isp/landing")
	ModelAndView land(@RequestParam(required = false) String sessionkey, HttpServletResponse response) {
		if (sessionkey == null || !sessionkey.matches("[A-Za-z0-9_\\-]{6,200}")) {
			audit.record(AuditTrail.Direction.IN, IspClient.PORTAL, "landing", null, "REFUSED", "malformed sessionkey");
			return problem(response, 400, "The link from ISP is incomplete",
					"The address ISP sent you here with has no valid session key. Please go back to ISP and choose the service again.");
		}
		try {
			IspClient.Answer validated = client.call("isp/v1/getRequestValidatedAndRequestID",
					Map.of("sessionkey", sessionkey), null);
			if (!validated.successful() || validated.data() == null) {
				return problem(response, 400, "ISP could not confirm this visit",
						"ISP says: " + (validated.error().isBlank() ? "the session is not valid" : validated.error())
								+ ". A session key works once: please start again from ISP.");
			}
			String requestId = validated.data().path("request_id").asText();
			String serviceCode = validated.data().path("service_code").asText();
			Optional<ServiceDefinition> service = catalog.findByPortalCode(IspClient.PORTAL, serviceCode);
			if (service.isEmpty()) {
				return problem(response, 404, "Service not offered here",
						"ISP sent a request for service " + serviceCode + ", which this department does not offer.");
			}
			Optional<Application> existing = links.find(IspClient.PORTAL, requestId)
				.map(link -> applications.get(applicationNo(link.applicationId())));
			Application app = existing.isPresent() ? existing.get() : create(service.get(), requestId, sessionkey,
					validated.data());
			access.grant(response, app.applicationNo());
			RedirectView form = new RedirectView("/applications/" + app.applicationNo() + "/form", true);
			form.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(form);
		}
		catch (IspCipher.IspCryptoException ex) {
			return problem(response, 502, "ISP's answer could not be read",
					"The answer from ISP did not decrypt with the department's key. The office has been told.");
		}
		catch (IOException | org.springframework.web.client.RestClientException ex) {
			return problem(response, 502, "ISP is not answering",
					"We could not reach ISP to confirm your visit. Please try again in a few minutes.");
		}
		catch (FormInvalidException ex) {
			return problem(response, 502, "ISP's details could not be used",
					"Some of the details ISP holds for you are not in a form this service accepts: "
							+ String.join("; ", ex.fieldErrors().values()));
		}
	}

	private Application create(ServiceDefinition service, String requestId, String sessionkey, JsonNode validated)
			throws IOException {
		IspClient.Answer details = client.call("isp/v1/getApplicantCommonDetails", Map.of("request_id", requestId),
				requestId);
		if (!details.successful() || details.data() == null) {
			throw new IOException("ISP did not give the applicant's details: " + details.error());
		}
		IspApplicant.Mapped mapped = IspApplicant.from(details.data(), properties.districtNames(), vault);
		// What ISP knows beyond the person (income) fills in the service's form only where it has such a field.
		FormDefinition form = forms.get(service.form());
		Map<String, String> prefill = new LinkedHashMap<>(mapped.prefill());
		prefill.keySet().removeIf(key -> form.field(key).isEmpty());
		Map<String, String> attributes = new LinkedHashMap<>(mapped.attributes());
		attributes.put("applicant_id", validated.path("applicant_id").asText(attributes.getOrDefault("applicant_id", "")));
		attributes.put("service_code", validated.path("service_code").asText());
		attributes.put("sessionkey", sessionkey);
		return applications.create(NewApplication.fromPortal(service.code(),
				new NewApplication.PortalOrigin(IspClient.PORTAL, requestId, attributes), mapped.applicant(), prefill,
				mapped.locked()));
	}

	private String applicationNo(long applicationId) {
		return applications.byId(applicationId).applicationNo();
	}

	private static ModelAndView problem(HttpServletResponse response, int status, String title, String message) {
		ModelAndView page = new ModelAndView("problem", Map.of("title", title, "message", message));
		page.setStatus(HttpStatus.valueOf(status));
		return page;
	}

}
