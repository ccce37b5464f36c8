package org.sevahub.portal.dci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sevahub.application.AuditTrail;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Posts signed envelopes to the registry with our bearer token and reads its JSON answer. */
@Component
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
class DciClient {

	static final String PORTAL = "dci";

	private final DciProperties properties;

	private final DciCodec codec;

	private final DciBearer bearer;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final ObjectMapper json;

	private final AuditTrail audit;

	DciClient(DciProperties properties, DciCodec codec, DciBearer bearer, ServerBaseUrl baseUrl,
			RestClient.Builder http, ObjectMapper json, AuditTrail audit) {
		this.properties = properties;
		this.codec = codec;
		this.bearer = bearer;
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.json = json;
		this.audit = audit;
	}

	/** The registry's answer: its HTTP status and body ({@code null} when it sent none or no JSON). */
	record Answer(int httpStatus, JsonNode body, byte[] raw) {

		boolean ok() {
			return httpStatus / 100 == 2 && body != null;
		}

		String errorCode() {
			return body == null ? "" : body.path("errors").path(0).path("code").asText("");
		}

		String error() {
			return body == null ? "HTTP " + httpStatus
					: errorCode() + " " + body.path("errors").path(0).path("message").asText("");
		}

	}

	Answer post(String path, ObjectNode header, JsonNode message, String reference) throws IOException {
		ObjectNode envelope = codec.seal(header, message);
		byte[] body = json.writeValueAsBytes(envelope);
		Answer answer = http.post()
			.uri(url(path))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + bearer.issue(properties.receiverId()))
			.body(body)
			.exchange((request, response) -> read(response.getStatusCode().value(), response.getBody().readAllBytes()));
		audit.record(AuditTrail.Direction.OUT, PORTAL, header.path("action").asText() + " " + path, reference,
				answer.ok() ? "HTTP " + answer.httpStatus() : "FAILED " + answer.httpStatus(),
				"txn " + message.path("transaction_id").asText() + (answer.ok() ? "" : " | " + answer.error()));
		return answer;
	}

	String callbackUrl(String path) {
		return baseUrl.publicUrl() + path;
	}

	private Answer read(int status, byte[] raw) {
		try {
			return new Answer(status, raw.length == 0 ? null : json.readTree(raw), raw);
		}
		catch (IOException notJson) {
			return new Answer(status, null, raw);
		}
	}

	private String url(String path) {
		return baseUrl.resolve(properties.registryUrl(), PORTAL, "").replaceAll("/+$", "") + path;
	}

}
