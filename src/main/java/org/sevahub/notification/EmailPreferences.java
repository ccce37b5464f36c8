package org.sevahub.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.Applicant;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.CitizenAccess;

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
 * The citizen's say over e-mail (never over statutory SMS): the signed link in every e-mail's footer (a page that
 * asks to confirm, so a mail scanner following links opts nobody out), RFC 8058's one-click POST that mail
 * clients send, and a setting on the application's own page for the citizen who holds it. The signature is over
 * the application number, so the link works for the address the application has, whatever it is by then.
 */
@Controller
class EmailPreferences {

	private final ApplicationRepository applications;

	private final CitizenAccess access;

	private final EmailOptOuts optOuts;

	EmailPreferences(ApplicationRepository applications, CitizenAccess access, EmailOptOuts optOuts) {
		this.applications = applications;
		this.access = access;
		this.optOuts = optOuts;
	}

	@GetMapping("/notifications/email/opt-out")
	String confirm(@RequestParam(name = "a", required = false) String applicationNo,
			@RequestParam(name = "k", required = false) String key, Model model, HttpServletResponse response) {
		Optional<String> email = signedEmail(applicationNo, key);
		if (email.isEmpty()) {
			return refused(model, response, HttpStatus.FORBIDDEN, "invalid", "notify/opt-out");
		}
		model.addAttribute("state", optOuts.optedOut(email.get()) ? "done" : "confirm");
		model.addAttribute("applicationNo", applicationNo);
		model.addAttribute("key", key);
		model.addAttribute("email", masked(email.get()));
		return "notify/opt-out";
	}

	@PostMapping("/notifications/email/opt-out")
	String optOut(@RequestParam(name = "a", required = false) String applicationNo,
			@RequestParam(name = "k", required = false) String key, Model model, HttpServletResponse response) {
		Optional<String> email = signedEmail(applicationNo, key);
		if (email.isEmpty()) {
			return refused(model, response, HttpStatus.FORBIDDEN, "invalid", "notify/opt-out");
		}
		optOuts.optOut(email.get());
		model.addAttribute("state", "done");
		model.addAttribute("email", masked(email.get()));
		return "notify/opt-out";
	}

	/**
	 * RFC 8058: the mail client POSTs {@code List-Unsubscribe=One-Click} to the List-Unsubscribe address, as a form.
	 * Any other body is refused (415) rather than taken for a link with a bad signature.
	 */
	@PostMapping(path = "/api/v1/notifications/email/opt-out", produces = MediaType.APPLICATION_JSON_VALUE,
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	@ResponseBody
	ResponseEntity<Map<String, Object>> oneClick(@RequestParam(name = "a", required = false) String applicationNo,
			@RequestParam(name = "k", required = false) String key) {
		Optional<String> email = signedEmail(applicationNo, key);
		if (email.isEmpty()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", "forbidden", "message", "This opt-out link is not one SevaHub sent"));
		}
		optOuts.optOut(email.get());
		return ResponseEntity.ok(Map.of("optedOut", true));
	}

	@GetMapping("/applications/{applicationNo}/notifications")
	String settings(@PathVariable String applicationNo, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Optional<Applicant> applicant = owned(applicationNo, request);
		if (applicant.isEmpty()) {
			return refused(model, response, HttpStatus.NOT_FOUND, "not-found", "notify/settings");
		}
		String email = applicant.get().email();
		model.addAttribute("state", "owner");
		model.addAttribute("applicationNo", applicationNo);
		model.addAttribute("email", email == null || email.isBlank() ? null : masked(email));
		model.addAttribute("emailOn", email != null && !email.isBlank() && !optOuts.optedOut(email));
		return "notify/settings";
	}

	@PostMapping("/applications/{applicationNo}/notifications")
	String save(@PathVariable String applicationNo, @RequestParam(defaultValue = "") String email,
			HttpServletRequest request, Model model, HttpServletResponse response) {
		Optional<Applicant> applicant = owned(applicationNo, request);
		if (applicant.isEmpty()) {
			return refused(model, response, HttpStatus.NOT_FOUND, "not-found", "notify/settings");
		}
		String address = applicant.get().email();
		if (address != null && !address.isBlank()) {
			if ("on".equals(email)) {
				optOuts.optIn(address);
			}
			else if ("off".equals(email)) {
				optOuts.optOut(address);
			}
		}
		return "redirect:/applications/" + applicationNo + "/notifications?saved";
	}

	private static String refused(Model model, HttpServletResponse response, HttpStatus status, String state,
			String view) {
		response.setStatus(status.value());
		model.addAttribute("state", state);
		return view;
	}

	/** The application's e-mail address, if the link is one SevaHub signed for it. */
	private Optional<String> signedEmail(String applicationNo, String key) {
		if (applicationNo == null || key == null || !MessageDigest.isEqual(
				access.sign(NotificationTexts.OPT_OUT, applicationNo).getBytes(StandardCharsets.US_ASCII),
				key.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		return applications.findByNo(applicationNo)
			.map(applications::applicantOf)
			.map(Applicant::email)
			.filter(e -> !e.isBlank());
	}

	private Optional<Applicant> owned(String applicationNo, HttpServletRequest request) {
		if (!access.has(request, applicationNo)) {
			return Optional.empty();
		}
		return applications.findByNo(applicationNo).map(applications::applicantOf);
	}

	/** {@code s*****@example.in}: enough for the citizen to recognise, nothing for an onlooker. */
	static String masked(String email) {
		int at = email.indexOf('@');
		if (at <= 1) {
			return "*" + email.substring(Math.max(at, 0));
		}
		return email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
	}

}
