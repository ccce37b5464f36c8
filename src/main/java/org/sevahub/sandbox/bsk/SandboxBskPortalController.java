package org.sevahub.sandbox.bsk;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox BSK's operator page for the demo: a DEO keys in the citizen's basic data, BSK sends API-1, and
 * the citizen is sent on with the department's one-time redirectUrl (or the refusal is shown).
 */
@Controller
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.bsk.enabled" }, havingValue = "true")
class SandboxBskPortalController {

	private final SandboxBskCaller caller;

	private final ServiceCatalog catalog;

	SandboxBskPortalController(SandboxBskCaller caller, ServiceCatalog catalog) {
		this.caller = caller;
		this.catalog = catalog;
	}

	@GetMapping("/sandbox/bsk/")
	String portal(Model model) {
		model.addAttribute("services", catalog.all().stream().filter(s -> s.portalCode("bsk").isPresent()).toList());
		model.addAttribute("deo", SandboxBskCaller.DEFAULT_DEO);
		return "sandbox/bsk";
	}

	@PostMapping("/sandbox/bsk/apply")
	String apply(@RequestParam String serviceCode, @RequestParam String name, @RequestParam String mobile,
			@RequestParam(required = false) String email, @RequestParam(required = false) String gender,
			@RequestParam(required = false) Integer age, Model model) throws Exception {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("serviceCode", serviceCode);
		fields.put("name", name);
		fields.put("mobile", mobile);
		if (email != null && !email.isBlank()) {
			fields.put("email", email);
		}
		if (gender != null && !gender.isBlank()) {
			fields.put("gender", gender);
		}
		if (age != null) {
			fields.put("age", age);
		}
		JsonNode answer = (JsonNode) caller.call("api1", fields).get("answer");
		if (answer.path("statusCode").asInt() == 200) {
			return "redirect:" + answer.get("redirectUrl").asText();
		}
		model.addAttribute("title", "The department refused API-1");
		model.addAttribute("message", answer.path("message").asText());
		return "problem";
	}

}
