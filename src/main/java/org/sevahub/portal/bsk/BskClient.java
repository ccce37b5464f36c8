package org.sevahub.portal.bsk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.AuditTrail;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The department's calls to BSK (API-2, API-6): the fields sealed in BSK's envelope, BSK's JSON answer read
 * back. Also the one place that knows the envelope's key, so the inbound controller opens envelopes with it.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskClient {

	static final String PORTAL = "bsk";

	private final BskProperties properties;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final ObjectMapper json;

	private final AuditTrail audit;

	private final BskEnvelope envelope;

	BskClient(BskProperties properties, ServerBaseUrl baseUrl, RestClient.Builder http, ObjectMapper json,
			AuditTrail audit) {
		this.properties = properties;
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.json = json;
		this.audit = audit;
		this.envelope = new BskEnvelope(properties.passcode(), properties.jwtSecret(), json);
	}

	/**
	 * BSK's answer: the HTTP status and the JSON body (an empty object when BSK sent none or not JSON);
	 * {@code json} says whether BSK's answer was a JSON object at all.
	 */
	record Answer(int httpStatus, JsonNode body, boolean json) {

		int statusCode() {
			return body.path("statusCode").asInt(httpStatus);
		}

	}

	Answer api2(Map<String, Object> fields, String reference) throws IOException {
		return post("api2", baseUrl.resolve(properties.api2Url(), PORTAL, "/api2"), fields, reference);
	}

	Answer api6(long userId) throws IOException {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("userId", userId);
		fields.put("deptCode", properties.deptCode());
		fields.put("accessCode", accessCode());
		return post("api6", baseUrl.resolve(properties.api6Url(), PORTAL, "/api6"), fields, String.valueOf(userId));
	}

	BskEnvelope envelope() {
		return envelope;
	}

	/** The table types accessCode as a Number; sent as one when it is all digits. */
	private Object accessCode() {
		String code = properties.accessCode() == null ? "" : properties.accessCode().strip();
		return code.matches("\\d{1,18}") ? (Object) Long.parseLong(code) : code;
	}

	private Answer post(String api, String url, Map<String, Object> fields, String reference) throws IOException {
		String body = envelope.seal(fields);
		Answer answer = http.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> read(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		boolean ok = answer.httpStatus() == 200 && answer.statusCode() == 200;
		audit.record(AuditTrail.Direction.OUT, PORTAL, api, reference, ok ? "SUCCESS" : "FAILED " + answer.httpStatus(),
				json.writeValueAsString(fields) + " -> " + answer.body());
		return answer;
	}

	private Answer read(int status, String body) {
		try {
			JsonNode node = body.isBlank() ? json.createObjectNode() : json.readTree(body);
			return new Answer(status, node.isObject() ? node : json.createObjectNode(), node.isObject());
		}
		catch (IOException notJson) {
			return new Answer(status, json.createObjectNode().put("message", "not BSK's JSON answer"), false);
		}
	}

}
