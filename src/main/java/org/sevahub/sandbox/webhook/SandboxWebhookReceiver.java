package org.sevahub.sandbox.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.portal.webhook.WebhookSignature;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department MIS as the webhook connector meets it: checks the signature and its freshness, keeps each
 * message once (by idempotency key) in the order it arrived, and says "duplicate" to a resend. Tests and the
 * demo read what arrived at {@code GET /sandbox/records/webhook/events?applicationNo=}.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxWebhookReceiver {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final String secret;

	SandboxWebhookReceiver(JdbcClient jdbc, ObjectMapper json,
			@Value("${sevahub.portals.webhook.secret:}") String secret) {
		this.jdbc = jdbc;
		this.json = json;
		this.secret = secret;
	}

	@PostMapping("/sandbox/webhook/events")
	ResponseEntity<Map<String, Object>> receive(@RequestBody String body,
			@RequestHeader(value = WebhookSignature.HEADER, required = false) String signature,
			@RequestHeader(value = WebhookSignature.IDEMPOTENCY_KEY, required = false) String key) throws Exception {
		String problem = WebhookSignature.problem(secret, signature, body, EngineClock.now(), java.time.Duration.ofMinutes(5));
		if (problem != null) {
			return ResponseEntity.status(401).body(Map.of("received", false, "error", problem));
		}
		JsonNode event = json.readTree(body);
		if (key == null || !event.hasNonNull("applicationNo") || !event.hasNonNull("sequence")
				|| !event.hasNonNull("status")) {
			return ResponseEntity.unprocessableEntity()
				.body(Map.of("received", false, "error", "applicationNo, sequence, status and Idempotency-Key are required"));
		}
		try {
			jdbc.sql("""
					INSERT INTO sandbox_webhook_event (idempotency_key, application_no, sequence_no, status, body, received_at)
					VALUES (:key, :no, :seq, :status, :body, :at)""")
				.param("key", key)
				.param("no", event.get("applicationNo").asText())
				.param("seq", event.get("sequence").asInt())
				.param("status", event.get("status").asText())
				.param("body", body)
				.param("at", ApplicationRepository.timestamp(EngineClock.now()))
				.update();
			return ResponseEntity.ok(Map.of("received", true));
		}
		catch (DuplicateKeyException resent) {
			return ResponseEntity.ok(Map.of("received", true, "duplicate", true));
		}
	}

	@GetMapping("/sandbox/records/webhook/events")
	List<Map<String, Object>> events(@RequestParam String applicationNo) {
		return jdbc.sql("""
				SELECT sequence_no, status, received_at FROM sandbox_webhook_event
				WHERE application_no = :no ORDER BY id""")
			.param("no", applicationNo)
			.query((rs, row) -> Map.<String, Object>of("sequence", rs.getInt("sequence_no"), "status",
					rs.getString("status"), "receivedAt", ApplicationRepository.instant(rs, "received_at").toString()))
			.list();
	}

}
