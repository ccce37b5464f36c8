package org.sevahub.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.SignedInCitizen;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of sign-in (mobile, then the OTP) and "My applications". */
@Controller
class SignInPagesController {

	private final CitizenSignIn signIn;

	private final CitizenAuthentication authentication;

	private final ClientAddress addresses;

	private final MyApplications applications;

	private final ServiceCatalog catalog;

	SignInPagesController(CitizenSignIn signIn, CitizenAuthentication authentication, ClientAddress addresses,
			MyApplications applications, ServiceCatalog catalog) {
		this.signIn = signIn;
		this.authentication = authentication;
		this.addresses = addresses;
		this.applications = applications;
		this.catalog = catalog;
	}

	@GetMapping("/citizen/sign-in")
	String signInPage(@RequestParam(required = false) String next, Model model) {
		model.addAttribute("next", safeNext(next));
		model.addAttribute("step", "mobile");
		return "citizen/sign-in";
	}

	@PostMapping("/citizen/sign-in/otp")
	String sendOtp(@RequestParam(defaultValue = "") String mobile, @RequestParam(required = false) String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("next", safeNext(next));
		model.addAttribute("mobile", mobile);
		try {
			signIn.sendOtp(mobile, addresses.of(request));
			model.addAttribute("step", "otp");
			model.addAttribute("maskedMobile", masked(mobile));
		}
		catch (SignInRefused ex) {
			refused(ex, response, model);
			model.addAttribute("step", "mobile");
		}
		return "citizen/sign-in";
	}

	@PostMapping("/citizen/sign-in")
	String signIn(@RequestParam(defaultValue = "") String mobile, @RequestParam(defaultValue = "") String otp,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			authentication.setCookie(response, signIn.signIn(mobile, otp, addresses.of(request)));
			return "redirect:" + safeNext(next);
		}
		catch (SignInRefused ex) {
			refused(ex, response, model);
			model.addAttribute("next", safeNext(next));
			model.addAttribute("mobile", mobile);
			model.addAttribute("maskedMobile", masked(mobile));
			// A code that can still be right is asked for again; otherwise a new one must be sent.
			model.addAttribute("step", ex.reason == SignInRefused.Reason.WRONG_CODE
					|| ex.reason == SignInRefused.Reason.INVALID_CODE ? "otp" : "mobile");
			return "citizen/sign-in";
		}
	}

	@GetMapping("/citizen/applications")
	String myApplications(Model model) {
		String mobile = SignedInCitizen.current().orElseThrow().mobile();
		model.addAttribute("applications", applications.of(mobile));
		model.addAttribute("serviceNames", catalog.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap(s -> s.code(),
					s -> s.name(LocaleContextHolder.getLocale().getLanguage()), (a, b) -> a)));
		model.addAttribute("maskedMobile", masked(mobile));
		return "citizen/applications";
	}

	@PostMapping("/citizen/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		authentication.signOut(request, response);
		return "redirect:/";
	}

	private static void refused(SignInRefused ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.reason.status);
		model.addAttribute("error", "citizen.signin.error." + ex.reason.code());
		model.addAttribute("triesLeft", ex.triesLeft);
	}

	/** A mobile number as pages show it: its last four digits (XXXXXX3210). */
	static String masked(String mobile) {
		String digits = mobile.replaceAll("\\D", "");
		return "XXXXXX" + (digits.length() < 4 ? "" : digits.substring(digits.length() - 4));
	}

	/** Only a path on this site: never an open redirect to another. */
	static String safeNext(String next) {
		return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
				&& next.length() < 300 ? next : "/citizen/applications";
	}

}
