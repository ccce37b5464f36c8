package org.sevahub.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.sevahub.application.AuditTrail;
import org.sevahub.platform.TrustedProxies;
import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's delivery reports, called as Gupshup's real-time DLR URL is:
 * {@code GET /sms-gateway/dlr?token=…&externalId=…&deliveredTS=…&status=…&cause=…&phoneNo=…&errCode=…&noOfFrags=…}.
 * The URL registered with the gateway carries a secret token (and the callers may be limited by address: the
 * caller the balancer saw, {@link TrustedProxies}, since the balancer's own address is every caller's); a report
 * for a message that is not a notification (an OTP) is acknowledged and ignored, as the gateway would otherwise
 * keep calling.
 */
@RestController
@Conditional(SmsGatewayConfigured.class)
class DeliveryReportController {

	private static final Set<String> DELIVERED = Set.of("SUCCESS", "DELIVERED", "DELIVRD");

	private static final Set<String> FAILED = Set.of("FAIL", "FAILED", "UNDELIV", "UNDELIVERED", "EXPIRED", "REJECTED",
			"REJECTD");

	private final NotificationLog notifications;

	private final AuditTrail audit;

	private final byte[] token;

	private final List<IpAddressMatcher> allowed;

	private final TrustedProxies proxies;

	DeliveryReportController(NotificationLog notifications, AuditTrail audit, NotifyProperties properties,
			TrustedProxies proxies) {
		this.notifications = notifications;
		this.audit = audit;
		String configured = properties.sms().gateway().dlrToken();
		this.token = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
		this.allowed = properties.sms().gateway().dlrAllowedIps().stream().map(IpAddressMatcher::new).toList();
		this.proxies = proxies;
	}

	@GetMapping(path = "/sms-gateway/dlr", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> report(@RequestParam(required = false) String token,
			@RequestParam(required = false) String externalId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cause, @RequestParam(required = false) String errCode,
			@RequestParam(required = false) Integer noOfFrags, HttpServletRequest request) {
		if (this.token == null || token == null
				|| !MessageDigest.isEqual(this.token, token.getBytes(StandardCharsets.UTF_8))
				|| !allowedCaller(request)) {
			audit.record(AuditTrail.Direction.IN, "sms", "dlr", externalId, "refused", "bad token or address");
			return ResponseEntity.status(403).body("refused");
		}
		if (externalId == null || externalId.isBlank() || status == null || status.isBlank()) {
			return ResponseEntity.badRequest().body("externalId and status are required");
		}
		// Kept in columns of 100 (gateway_ref) and 1000 (reason) characters; control characters in none.
		if (externalId.length() > 100 || status.length() > 40 || (cause != null && cause.length() > 400)
				|| (errCode != null && errCode.length() > 100) || ControlCharacters.in(externalId + status + cause + errCode)) {
			return ResponseEntity.badRequest().body("externalId, status, cause or errCode is too long or not printable");
		}
		String outcome = status.strip().toUpperCase(Locale.ROOT);
		boolean delivered = DELIVERED.contains(outcome);
		// Anything else (UNKNOWN, a pending state) says nothing final yet: the row keeps its state.
		boolean ours = (delivered || FAILED.contains(outcome)) && notifications.reported(externalId, delivered,
				delivered ? null : status + (cause == null ? "" : " " + cause) + (errCode == null ? "" : " (" + errCode + ")"),
				noOfFrags);
		audit.record(AuditTrail.Direction.IN, "sms", "dlr", externalId, ours ? status : "not a notification",
				"status " + status + (cause == null ? "" : ", cause " + cause));
		return ResponseEntity.ok("OK");
	}

	private boolean allowedCaller(HttpServletRequest request) {
		if (allowed.isEmpty()) {
			return true;
		}
		String caller = proxies.clientOf(request);
		return allowed.stream().anyMatch(matcher -> matcher.matches(caller));
	}

}
