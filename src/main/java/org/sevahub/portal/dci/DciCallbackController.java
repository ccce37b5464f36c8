package org.sevahub.portal.dci;

import java.util.UUID;

import org.sevahub.application.AuditTrail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SP-System endpoints the IBR spec assigns to us: {@code /registry/on-search} and
 * {@code /registry/txn/on-status}. A message taken is acknowledged with the spec's {@code Response} (ACK); one
 * refused gets the spec's HTTP error body with the {@code err.*} or {@code rjct.*} code, and changes nothing.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
class DciCallbackController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DciCallbackController.class);

	private final DciAnswers answers;

	private final AuditTrail audit;

	DciCallbackController(DciAnswers answers, AuditTrail audit) {
		this.answers = answers;
		this.audit = audit;
	}

	@PostMapping(path = "/registry/on-search", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> onSearch(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		return take(authorization, body, "on-search");
	}

	@PostMapping(path = "/registry/txn/on-status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> onStatus(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		return take(authorization, body, "txn-on-status");
	}

	private ResponseEntity<Object> take(String authorization, byte[] body, String action) {
		try {
			DciAnswers.Taken taken = answers.receive(authorization, body == null ? new byte[0] : body, action);
			audit.record(AuditTrail.Direction.IN, DciClient.PORTAL, action, taken.transactionId(), "ACK",
					taken.transactionId() + ": " + taken.outcome());
			return ResponseEntity.ok(DciCodec.ack(UUID.randomUUID().toString()));
		}
		catch (DciRefusal refusal) {
			audit.record(AuditTrail.Direction.IN, DciClient.PORTAL, action, null, refusal.code(), refusal.detail());
			return ResponseEntity.status(refusal.httpStatus()).body(refusal.body());
		}
		catch (RuntimeException failed) {
			// Still the spec's error shape, never the framework's default body; nothing was taken (rolled back).
			log.error("DCI {} failed", action, failed);
			DciRefusal refusal = new DciRefusal(500, "err.service.unavailable", "The answer could not be processed; send it again later");
			audit.record(AuditTrail.Direction.IN, DciClient.PORTAL, action, null, refusal.code(),
					failed.getClass().getSimpleName());
			return ResponseEntity.status(refusal.httpStatus()).body(refusal.body());
		}
	}

}
