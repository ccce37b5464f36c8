package org.sevahub.sandbox;

import java.math.BigDecimal;
import java.util.UUID;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.FeeGateway;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A stand-in payment gateway for applications no portal gateway claims, so the demo and tests can pay a fee
 * end to end. It only exists in sandbox mode; a department wires its own gateway (or a portal's) in production.
 */
@Controller
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxFeeGateway implements FeeGateway {

	private final ApplicationService applications;

	private final ServiceCatalog catalog;

	SandboxFeeGateway(ApplicationService applications, ServiceCatalog catalog) {
		this.applications = applications;
		this.catalog = catalog;
	}

	@Override
	public boolean collects(Application application) {
		return true;
	}

	@Override
	public String paymentUrl(Application application, BigDecimal amount) {
		return "/sandbox/payment/" + application.applicationNo();
	}

	@GetMapping("/sandbox/payment/{applicationNo}")
	String page(@PathVariable String applicationNo, Model model) {
		Application app = applications.get(applicationNo);
		model.addAttribute("applicationNo", applicationNo);
		model.addAttribute("service", catalog.get(app.serviceCode()));
		return "sandbox/payment";
	}

	@PostMapping("/sandbox/payment/{applicationNo}")
	String pay(@PathVariable String applicationNo, @RequestParam BigDecimal amount) {
		applications.confirmFeePaid(applicationNo, "SBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
				amount);
		return "redirect:/applications/" + applicationNo + "/acknowledgement";
	}

}
