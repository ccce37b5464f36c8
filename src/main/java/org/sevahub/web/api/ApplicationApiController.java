package org.sevahub.web.api;

import java.util.Map;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.NewApplication;
import org.sevahub.application.SignedInCitizen;
import org.sevahub.web.ApplicationView;
import org.sevahub.web.ApplicationViews;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application API (docs/architecture.md), for the citizen pages' kin: mobile apps, kiosks, automated checks. */
@RestController
// JSON only, decided when the call is mapped: an Accept the API cannot answer is refused before anything is
// written, never after a write has committed.
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationApiController {

	private static final String MOBILE = "applicant.mobile";

	private final ApplicationService applications;

	private final ApplicationViews views;

	ApplicationApiController(ApplicationService applications, ApplicationViews views) {
		this.applications = applications;
		this.views = views;
	}

	@PostMapping
	ResponseEntity<Map<String, String>> create(@RequestBody ApplicationRequest request) {
		rejectUnknown(request);
		if (request.serviceCode == null || request.serviceCode.isBlank()) {
			throw new FormInvalidException(Map.of("serviceCode", "serviceCode is required"));
		}
		Map<String, String> values = request.values();
		String mobile = values.get(MOBILE);
		SignedInCitizen citizen = SignedInCitizen.current().orElseThrow();
		if (mobile == null || mobile.isBlank()) {
			// The application belongs to the number that made it.
			values.put(MOBILE, citizen.mobile());
		}
		rejectOtherMobile(values);
		Application app = applications.create(NewApplication.direct(request.serviceCode, values));
		return ResponseEntity.status(HttpStatus.CREATED).body(summary(applications.get(app.applicationNo())));
	}

	@PutMapping("/{applicationNo}/draft")
	Map<String, String> saveDraft(@PathVariable String applicationNo, @RequestBody ApplicationRequest request) {
		rejectUnknown(request);
		rejectOtherMobile(request.values());
		return summary(applications.saveDraft(applicationNo, request.values()));
	}

	@PostMapping("/{applicationNo}/submit")
	ResponseEntity<Map<String, String>> submit(@PathVariable String applicationNo,
			@RequestBody(required = false) ApplicationRequest request) {
		ApplicationRequest body = request == null ? new ApplicationRequest() : request;
		rejectUnknown(body);
		rejectOtherMobile(body.values());
		ApplicationService.Submission submission = applications.submit(applicationNo, body.values());
		Map<String, String> summary = new java.util.LinkedHashMap<>(summary(submission.application()));
		summary.put("accepted", String.valueOf(submission.accepted()));
		return ResponseEntity.ok(summary);
	}

	@GetMapping("/{applicationNo}")
	ApplicationView get(@PathVariable String applicationNo) {
		return views.of(applications.get(applicationNo));
	}

	@PostMapping("/{applicationNo}/appeal")
	Map<String, String> appeal(@PathVariable String applicationNo, @RequestBody Map<String, String> body) {
		return summary(applications.fileAppeal(applicationNo, body.get("grounds")));
	}

	@PostMapping("/{applicationNo}/withdraw")
	Map<String, String> withdraw(@PathVariable String applicationNo,
			@RequestBody(required = false) Map<String, String> body) {
		return summary(applications.withdraw(applicationNo, body == null ? null : body.get("reason")));
	}

	/**
	 * A signed-in citizen's applications are those of their number: the API does not let them file one under, or
	 * hand one over to, another number (who would then own it).
	 */
	private static void rejectOtherMobile(Map<String, String> values) {
		SignedInCitizen.current().ifPresent(citizen -> {
			String mobile = values.get(MOBILE);
			if (mobile != null && !mobile.isBlank()
					&& !SignedInCitizen.tenDigits(mobile).map(citizen.mobile()::equals).orElse(false)) {
				throw new FormInvalidException(Map.of(MOBILE, "Must be the mobile number you signed in with"));
			}
		});
	}

	private static Map<String, String> summary(Application app) {
		return Map.of("applicationNo", app.applicationNo(), "status", app.status());
	}

	private static void rejectUnknown(ApplicationRequest request) {
		if (!request.unknown.isEmpty()) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			request.unknown.keySet()
				.forEach(key -> errors.put(key, "Unknown key; expected serviceCode, applicant or data"));
			throw new FormInvalidException(errors);
		}
	}

}
