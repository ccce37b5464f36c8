package org.sevahub.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.sevahub.application.AuditTrail;
import org.sevahub.application.SmsGateway;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The SMS gateway's HTTP API, in the form of Gupshup's Enterprise SMS API ({@code GatewayAPI/rest}, method
 * {@code SendMessage}), which carries the DLT Principal Entity ID and content template id with every message
 * ({@code principalEntityId}, {@code dltTemplateId}) and calls a registered URL back with each delivery report.
 * It answers in plain text: {@code success | 919876543210 | <message id>} or {@code error | <code> | <why>}.
 * The message id is what the delivery report names ({@code externalId}).
 */
@Component
class SmsGatewayClient {

	static final String SANDBOX = "sms-gateway";

	static final String PATH = "/GatewayAPI/rest";

	/** How the gateway answered one message. */
	sealed interface Outcome {

		/** Taken; a delivery report naming {@code messageId} follows. */
		record Accepted(String messageId) implements Outcome {
		}

		/** The gateway refused this message (its number, its template, its text); resending it will not help. */
		record Refused(String code, String reason) implements Outcome {
		}

		/** Not taken now (unreachable, a 5xx, its "try later" codes): worth retrying. */
		record Unavailable(String reason) implements Outcome {
		}

	}

	private final NotifyProperties.Sms sms;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final AuditTrail audit;

	SmsGatewayClient(NotifyProperties properties, ServerBaseUrl baseUrl, RestClient.Builder http, AuditTrail audit) {
		this.sms = properties.sms();
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.audit = audit;
	}

	/**
	 * Sends one SMS under a registered DLT template. Unicode text goes as {@code UNICODE_TEXT}; the gateway
	 * counts and splits it.
	 *
	 * @param reference what the audit record is filed under (the application, or "otp")
	 */
	Outcome send(String mobile, String text, SmsSegments segments, String templateId, String entityId,
			String reference) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("method", "SendMessage");
		form.add("send_to", international(mobile));
		form.add("msg", text);
		form.add("msg_type", segments.unicode() ? "UNICODE_TEXT" : "TEXT");
		form.add("userid", sms.gateway().userid());
		form.add("password", sms.gateway().password());
		form.add("auth_scheme", "plain");
		form.add("v", "1.1");
		form.add("format", "text");
		if (sms.sender() != null && !sms.sender().isBlank()) {
			form.add("mask", sms.sender());
		}
		form.add("principalEntityId", entityId);
		form.add("dltTemplateId", templateId);
		Outcome outcome;
		try {
			outcome = http.post()
				.uri(baseUrl.resolve(sms.gateway().url(), SANDBOX, PATH))
				.contentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8))
				.body(form)
				.exchange((request, response) -> classify(response.getStatusCode(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			outcome = new Outcome.Unavailable("Gateway unreachable: " + ex.getMostSpecificCause().getMessage());
		}
		// The text is not audited: it may be a one-time password. The template says what kind of message it was.
		audit.record(AuditTrail.Direction.OUT, "sms", "SendMessage", reference, outcome.getClass().getSimpleName(),
				"template " + templateId + ", entity " + entityId + ", " + segments.encoding() + " "
						+ segments.segments() + " part(s), to " + SmsGateway.mask(mobile)
						+ (outcome instanceof Outcome.Refused r ? ", refused " + r.code() + " " + r.reason() : "")
						+ (outcome instanceof Outcome.Unavailable u ? ", " + u.reason() : ""));
		return outcome;
	}

	private Outcome classify(HttpStatusCode status, String answer) {
		if (status.is5xxServerError() || status.value() == 408 || status.value() == 429) {
			return new Outcome.Unavailable("HTTP " + status.value() + " " + abbreviate(answer));
		}
		if (!status.is2xxSuccessful()) {
			return new Outcome.Refused("HTTP " + status.value(), abbreviate(answer));
		}
		List<String> parts = List.of(answer.strip().split("\\s*\\|\\s*"));
		if (parts.size() >= 3 && parts.get(0).equalsIgnoreCase("success")) {
			return new Outcome.Accepted(parts.get(2));
		}
		if (parts.size() >= 2 && parts.get(0).equalsIgnoreCase("error")) {
			String code = parts.get(1);
			String reason = parts.size() > 2 ? String.join(" | ", parts.subList(2, parts.size())) : "";
			return sms.gateway().transientErrorCodes().contains(code) ? new Outcome.Unavailable(code + " " + reason)
					: new Outcome.Refused(code, reason);
		}
		// Not the gateway's answer (a proxy's page, say): the gateway did not take the message.
		return new Outcome.Unavailable("Unexpected answer: " + abbreviate(answer));
	}

	/** The gateway wants 91 and the ten digits. */
	static String international(String mobile) {
		String digits = mobile.replaceAll("\\D", "");
		if (digits.length() == 11 && digits.startsWith("0")) {
			digits = digits.substring(1);
		}
		return digits.length() == 10 ? "91" + digits : digits;
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
	}

}
