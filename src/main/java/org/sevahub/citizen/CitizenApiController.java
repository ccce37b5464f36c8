package org.sevahub.citizen;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.SignedInCitizen;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizen sign-in for API clients (docs/security.md): OTP, session token, the number's applications. A body it
 * cannot read (malformed, the wrong type, over the limit) is answered by the doors' advice in the API's shape: a
 * handler of its own here took an oversize body for a malformed one.
 */
@RestController
class CitizenApiController {

	record OtpRequest(String mobile) {
	}

	record SessionRequest(String mobile, String otp) {
	}

	record Session(String token, Instant expiresAt) {
	}

	private final CitizenSignIn signIn;

	private final CitizenAuthentication authentication;

	private final ClientAddress addresses;

	private final MyApplications applications;

	private final ServiceCatalog catalog;

	CitizenApiController(CitizenSignIn signIn, CitizenAuthentication authentication, ClientAddress addresses,
			MyApplications applications, ServiceCatalog catalog) {
		this.signIn = signIn;
		this.authentication = authentication;
		this.addresses = addresses;
		this.applications = applications;
		this.catalog = catalog;
	}

	@PostMapping(path = "/api/v1/citizen/otp", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> otp(@RequestBody OtpRequest body, HttpServletRequest request) {
		signIn.sendOtp(body.mobile(), addresses.of(request));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "sent"));
	}

	@PostMapping(path = "/api/v1/citizen/session", produces = MediaType.APPLICATION_JSON_VALUE)
	Session session(@RequestBody SessionRequest body, HttpServletRequest request, HttpServletResponse response) {
		CitizenTokens.Issued issued = signIn.signIn(body.mobile(), body.otp(), addresses.of(request));
		authentication.setCookie(response, issued);
		return new Session(issued.token(), issued.expiresAt());
	}

	@DeleteMapping(path = "/api/v1/citizen/session", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
		authentication.signOut(request, response);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/citizen/applications", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> applications() {
		String mobile = SignedInCitizen.current().orElseThrow().mobile();
		return applications.of(mobile).stream().map(owned -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("applicationNo", owned.applicationNo());
			line.put("serviceCode", owned.serviceCode());
			line.put("serviceName", catalog.find(owned.serviceCode()).map(s -> s.names().get("en")).orElse(null));
			line.put("status", owned.status());
			line.put("createdAt", owned.createdAt());
			line.put("submittedAt", owned.submittedAt());
			line.put("updatedAt", owned.updatedAt());
			return line;
		}).toList();
	}

	@ExceptionHandler(SignInRefused.class)
	ResponseEntity<Map<String, Object>> refused(SignInRefused ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", ex.reason.code());
		body.put("message", ApiMessages.of(ex));
		if (ex.triesLeft > 0) {
			body.put("triesLeft", ex.triesLeft);
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.reason.status).contentType(MediaType.APPLICATION_JSON);
		if (ex.reason == SignInRefused.Reason.RATE_LIMITED) {
			answer.header(HttpHeaders.RETRY_AFTER, "60");
		}
		return answer.body(body);
	}

	/** The API speaks English; the pages take their text from messages*.properties. */
	static final class ApiMessages {

		private ApiMessages() {
		}

		static String of(SignInRefused ex) {
			return switch (ex.reason) {
				case INVALID_MOBILE -> "Give a ten-digit Indian mobile number";
				case INVALID_CODE -> "The OTP is six digits";
				case RATE_LIMITED -> "Too many requests; try again later";
				case NO_CODE -> "No OTP is waiting for this number; ask for one first";
				case WRONG_CODE -> "Wrong OTP; " + ex.triesLeft + (ex.triesLeft == 1 ? " try" : " tries") + " left";
				case EXPIRED -> "The OTP has expired; ask for a new one";
				case TOO_MANY_TRIES -> "Too many wrong OTPs; ask for a new one";
				case NOT_SENT -> "The SMS could not be sent; try again in a while";
			};
		}

	}

}
