package org.sevahub.portal.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;
import org.sevahub.delivery.OutboundMessage;
import org.sevahub.delivery.PortalConnector;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.delivery.ServerBaseUrl;
import org.sevahub.delivery.StatusChange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Tells the department's own MIS of every status of every application: a signed JSON POST per status, in
 * order per application, with an idempotency key the receiver dedupes on, so a resend after a crash is
 * harmless. A 2xx is delivered ({@code "duplicate": true} in the answer means it already had it); 408, 429 and
 * 5xx are worth retrying; any other 4xx is the receiver refusing the message itself.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.webhook.enabled", havingValue = "true")
class WebhookConnector implements PortalConnector {

	static final String PORTAL = "webhook";

	private final WebhookProperties properties;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final ObjectMapper json;

	private final AuditTrail audit;

	WebhookConnector(WebhookProperties properties, ServerBaseUrl baseUrl, RestClient.Builder http, ObjectMapper json,
			AuditTrail audit) {
		this.properties = properties;
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.json = json;
		this.audit = audit;
	}

	@Override
	public String portal() {
		return PORTAL;
	}

	@Override
	public boolean coversEveryApplication() {
		return true;
	}

	@Override
	public List<OutboundMessage> messagesFor(StatusChange change) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("event", "application.status");
		event.put("applicationNo", change.application().applicationNo());
		event.put("serviceCode", change.application().serviceCode());
		event.put("status", change.status());
		event.put("stage", change.entry().stage());
		event.put("remarks", change.entry().remarks());
		event.put("occurredAt", change.entry().occurredAt().toString());
		return List.of(new OutboundMessage("status", write(event)));
	}

	@Override
	public SendResult send(QueuedMessage message) throws JsonProcessingException {
		ObjectNode event = (ObjectNode) json.readTree(message.payload());
		event.put("sequence", message.seq());
		String body = json.writeValueAsString(event);
		String key = message.applicationNo() + ":" + message.seq();
		SendResult result = http.post()
			.uri(baseUrl.resolve(properties.url(), PORTAL, "/events"))
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookSignature.HEADER, WebhookSignature.sign(properties.secret(), EngineClock.now(), body))
			.header(WebhookSignature.IDEMPOTENCY_KEY, key)
			.header(WebhookSignature.SEQUENCE, String.valueOf(message.seq()))
			.body(body)
			.exchange((request, response) -> classify(response.getStatusCode(),
					new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
		audit.record(AuditTrail.Direction.OUT, PORTAL, "status " + message.status(), key,
				result.getClass().getSimpleName(), body);
		return result;
	}

	private SendResult classify(HttpStatusCode status, String answer) throws JsonProcessingException {
		if (status.is2xxSuccessful()) {
			boolean duplicate = !answer.isBlank() && json.readTree(answer).path("duplicate").asBoolean(false);
			return duplicate ? new SendResult.AlreadyReceived(answer) : new SendResult.Delivered(answer);
		}
		if (status.is5xxServerError() || status.value() == 408 || status.value() == 429) {
			return new SendResult.TransientFailure("HTTP " + status.value() + " " + abbreviate(answer));
		}
		return new SendResult.Rejected("HTTP " + status.value() + " " + abbreviate(answer));
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

}
