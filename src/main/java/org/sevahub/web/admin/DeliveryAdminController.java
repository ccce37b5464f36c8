package org.sevahub.web.admin;

import java.util.List;
import java.util.Map;

import org.sevahub.delivery.Delivery;
import org.sevahub.delivery.DeliveryAdmin;
import org.sevahub.delivery.DeliveryState;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Parked deliveries and what to do about them, and statuses portals were not sent because their rules forbid
 * them ("not sent: closed at the portal"), for members of camunda-admin (SecurityConfiguration): a page at
 * /admin/deliveries and the same as REST under /api/v1/admin/deliveries ({@code ?state=} PARKED, PENDING,
 * NOT_SENT, WITHDRAWN, DELIVERED). Retrying requeues the message and resolves its Cockpit incident.
 */
@Controller
class DeliveryAdminController {

	private final DeliveryAdmin admin;

	DeliveryAdminController(DeliveryAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/admin/deliveries")
	String page(@RequestParam(required = false) String applicationNo, Model model) {
		model.addAttribute("parked", admin.parked());
		model.addAttribute("notSent", admin.inState(DeliveryState.NOT_SENT));
		model.addAttribute("applicationNo", applicationNo);
		model.addAttribute("ofApplication", applicationNo == null || applicationNo.isBlank() ? List.of()
				: admin.ofApplication(applicationNo.strip()));
		return "admin/deliveries";
	}

	@PostMapping("/admin/deliveries/{id}/retry")
	String retryFromPage(@PathVariable long id) {
		admin.retry(id);
		return "redirect:/admin/deliveries?retried=" + id;
	}

	@GetMapping(path = "/api/v1/admin/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Delivery> list(@RequestParam(defaultValue = "PARKED") String state,
			@RequestParam(required = false) String applicationNo) {
		if (applicationNo != null) {
			return admin.ofApplication(applicationNo);
		}
		return java.util.Arrays.stream(DeliveryState.values())
			.filter(known -> known.name().equalsIgnoreCase(state))
			.findFirst()
			.map(admin::inState)
			.orElseGet(admin::parked);
	}

	@PostMapping(path = "/api/v1/admin/deliveries/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> retry(@PathVariable long id) {
		if (admin.find(id).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", "not-found", "message", "No delivery " + id));
		}
		if (!admin.retry(id)) {
			return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", "not-allowed", "message",
						"Delivery " + id + " is not parked; only parked deliveries are retried by hand"));
		}
		return ResponseEntity.ok(Map.of("id", id, "state", admin.find(id).orElseThrow().state().name()));
	}

}
