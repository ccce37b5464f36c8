package org.sevahub.portal.isp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls ISP's web services the way its manual asks: every request {@code {dept_id, e_data}} with the payload
 * encrypted, every answer {@code {error, statusMessage, data, timestamp}} with {@code data} decrypted, and a
 * bearer token from {@code authenticate} kept until shortly before its hour is up (a 401 renews it once).
 * A token per node is enough: nothing another node needs is kept here.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.isp.enabled", havingValue = "true")
class IspClient {

	static final String PORTAL = "isp";

	private final IspProperties properties;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final ObjectMapper json;

	private final AuditTrail audit;

	private final IspCipher cipher;

	private final Counter tokensFetched;

	private volatile Token token;

	IspClient(IspProperties properties, ServerBaseUrl baseUrl, RestClient.Builder http, ObjectMapper json,
			AuditTrail audit, MeterRegistry meters) {
		this.properties = properties;
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.json = json;
		this.audit = audit;
		this.cipher = new IspCipher(properties.secretKey(), properties.salt());
		this.tokensFetched = meters.counter("sevahub.isp.tokens.fetched");
	}

	/** ISP's answer; {@code data} decrypted (null when ISP sent none). */
	record Answer(int httpStatus, boolean successful, String error, JsonNode data) {
	}

	/**
	 * Posts the payload, encrypted, to an ISP service ({@code isp/v1/...}).
	 *
	 * @param reference what the audit record is filed under (an application number, a request id)
	 */
	Answer call(String service, Map<String, ?> payload, String reference) throws IOException {
		String plain = json.writeValueAsString(payload);
		String body = json.writeValueAsString(Map.of("dept_id", properties.deptId(), "e_data", cipher.encrypt(plain)));
		Answer answer = post(service, body, currentToken());
		if (answer.httpStatus() == 401) {
			// The token ran out early or ISP restarted: one fresh token, one more try.
			answer = post(service, body, renewToken());
		}
		audit.record(AuditTrail.Direction.OUT, PORTAL, service, reference, answer.successful() ? "SUCCESSFUL" : "FAILED",
				answer.successful() ? plain : answer.error() + " | " + plain);
		return answer;
	}

	private Answer post(String service, String body, String bearer) throws IOException {
		return http.post()
			.uri(url("/" + service))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + bearer)
			.body(body)
			.exchange((request, response) -> read(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private Answer read(int status, String body) throws IOException {
		if (body.isBlank()) {
			return new Answer(status, false, "HTTP " + status + " with no body", null);
		}
		JsonNode answer;
		try {
			answer = json.readTree(body);
		}
		catch (IOException notJson) {
			return new Answer(status, false, "HTTP " + status + ": not ISP's JSON answer", null);
		}
		boolean successful = status == 200 && "SUCCESSFUL".equalsIgnoreCase(answer.path("statusMessage").asText());
		JsonNode data = null;
		if (answer.hasNonNull("data") && answer.get("data").isTextual() && !answer.get("data").asText().isBlank()) {
			data = json.readTree(cipher.decrypt(answer.get("data").asText()));
		}
		return new Answer(status, successful, answer.path("error").asText(""), data);
	}

	private String currentToken() throws IOException {
		Token held = token;
		Instant now = EngineClock.now();
		if (held != null && !held.fetchedAt().isAfter(now) && now.isBefore(held.renewAt())) {
			return held.value();
		}
		return renewToken();
	}

	private synchronized String renewToken() throws IOException {
		Token held = token;
		Instant now = EngineClock.now();
		// Renewed by another thread this second. A token "fetched" later than now was fetched before the clock was
		// set back (an NTP step, an operator): its renewal time is not to be trusted, and it is renewed.
		if (held != null && held.fetchedAt().isAfter(now.minusSeconds(1)) && !held.fetchedAt().isAfter(now)) {
			return held.value();
		}
		String body = json.writeValueAsString(Map.of("username", properties.deptId(), "password", properties.password()));
		JsonNode answer = http.post()
			.uri(url("/authenticate"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> json.readTree(response.getBody()));
		tokensFetched.increment();
		if (!"SUCCESSFUL".equalsIgnoreCase(answer.path("statusMessage").asText()) || !answer.hasNonNull("token")) {
			audit.record(AuditTrail.Direction.OUT, PORTAL, "authenticate", properties.deptId(), "FAILED",
					answer.path("error").asText());
			throw new IOException("ISP refused the department's credentials: " + answer.path("error").asText());
		}
		now = EngineClock.now();
		token = new Token(answer.get("token").asText(), now,
				now.plus(properties.tokenLifetime()).minus(properties.tokenRenewBefore()));
		return token.value();
	}

	private String url(String path) {
		return baseUrl.resolve(properties.baseUrl(), PORTAL, "/ispws") + path;
	}

	IspCipher cipher() {
		return cipher;
	}

	private record Token(String value, Instant fetchedAt, Instant renewAt) {
	}

}
