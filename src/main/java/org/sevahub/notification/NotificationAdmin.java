package org.sevahub.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What an admin needs to see of citizens' notifications: above all the SMS that were never sent because no DLT
 * template is registered for them (or their text no longer fits the one registered), and the ones the gateway
 * refused or could not deliver. {@code /admin/notifications} as a page, {@code /api/v1/admin/notifications} as
 * JSON; both for camunda-admin members (the admin security chain).
 */
@Controller
class NotificationAdmin {

	private static final int LIMIT = 200;

	private final NotificationLog notifications;

	NotificationAdmin(NotificationLog notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/admin/notifications")
	String page(@RequestParam(required = false) String state, @RequestParam(required = false) String applicationNo,
			Model model) {
		NotificationLog.State wanted = state(state == null ? "UNREGISTERED" : state);
		String number = applicationNo == null || applicationNo.isBlank() ? null : applicationNo.strip();
		model.addAttribute("state", wanted == null ? "" : wanted.name());
		model.addAttribute("states", NotificationLog.State.values());
		model.addAttribute("applicationNo", number);
		model.addAttribute("entries", notifications.find(wanted, number, LIMIT));
		return "notify/admin";
	}

	@GetMapping(path = "/api/v1/admin/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Object> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String applicationNo, @RequestParam(defaultValue = "100") int limit) {
		NotificationLog.State wanted = state == null || state.isBlank() ? null : state(state);
		if (state != null && !state.isBlank() && wanted == null) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "invalid", "message", "state is one of " + List.of(NotificationLog.State.values())));
		}
		if (limit < 1 || limit > 1000) {
			return ResponseEntity.badRequest().body(Map.of("error", "invalid", "message", "limit is 1 to 1000"));
		}
		return ResponseEntity.ok(notifications.find(wanted, applicationNo, limit));
	}

	/** The state named, or null for "all" (blank) and for a name that is none. */
	private static NotificationLog.State state(String name) {
		if (name.isBlank()) {
			return null;
		}
		try {
			return NotificationLog.State.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
