package org.sevahub.web.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.FormRegistry;
import org.sevahub.document.DocumentCatalog;
import org.sevahub.document.DocumentRequirement;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service catalog, with each service's fee, portal codes and citizen form (Camunda Form JSON). */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceApiController {

	static final List<String> PORTALS = List.of("bsk", "isp", "aaplesarkar", "digilocker");

	private final ServiceCatalog catalog;

	private final FormRegistry forms;

	private final DocumentCatalog documents;

	ServiceApiController(ServiceCatalog catalog, FormRegistry forms, DocumentCatalog documents) {
		this.catalog = catalog;
		this.forms = forms;
		this.documents = documents;
	}

	@GetMapping
	List<ServiceSummary> list() {
		return catalog.all().stream().map(ServiceApiController::summary).toList();
	}

	@GetMapping("/{code}")
	ServiceDetail get(@PathVariable String code) {
		ServiceDefinition service = catalog.get(code);
		return new ServiceDetail(service.code(), service.names(), service.department(), service.fee(),
				service.disposal().days(), service.disposal().workingDays(), portalCodes(service),
				forms.get(service.form()).json(), documents.of(service.code()));
	}

	private static ServiceSummary summary(ServiceDefinition s) {
		return new ServiceSummary(s.code(), s.names(), s.fee(), s.disposal().days(), portalCodes(s));
	}

	private static Map<String, String> portalCodes(ServiceDefinition service) {
		Map<String, String> codes = new LinkedHashMap<>();
		PORTALS.forEach(portal -> service.portalCode(portal).ifPresent(code -> codes.put(portal, code)));
		return codes;
	}

	record ServiceSummary(String code, Map<String, String> names, BigDecimal fee, int disposalDays,
			Map<String, String> portalCodes) {
	}

	/** @param documents the supporting documents: code, names, mandatory, condition (FEEL), types, maxBytes, maxPages */
	record ServiceDetail(String code, Map<String, String> names, String department, BigDecimal fee, int disposalDays,
			boolean workingDays, Map<String, String> portalCodes, JsonNode form, List<DocumentRequirement> documents) {
	}

}
