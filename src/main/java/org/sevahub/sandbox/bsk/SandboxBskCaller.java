package org.sevahub.sandbox.bsk;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import org.sevahub.application.EngineClock;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** BSK's portal calling the department: the fields sealed in BSK's envelope, posted, and the call recorded. */
@Component
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.bsk.enabled" }, havingValue = "true")
class SandboxBskCaller {

	/** The DEO the sandbox acts as unless told otherwise: the document's example operator. */
	static final long DEFAULT_DEO = 9054233544L;

	private static final Map<String, String> DEPARTMENT_PATHS = Map.of("api1", "/bsk/api/initiate", "api3",
			"/bsk/api/status", "api4", "/bsk/api/document", "api5a", "/bsk/api/otp/generate", "api5b",
			"/bsk/api/otp/verify");

	private static final DateTimeFormatter TICKET = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

	private final SandboxBskRecords records;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final ObjectMapper json;

	private final SecretKey key;

	private final String passcode;

	private final ZoneId zone;

	SandboxBskCaller(SandboxBskRecords records, ServerBaseUrl baseUrl, RestClient.Builder http, ObjectMapper json,
			@Value("${sevahub.portals.bsk.passcode}") String passcode,
			@Value("${sevahub.portals.bsk.jwt-secret}") String secret, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.records = records;
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.json = json;
		this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
		this.passcode = passcode;
		this.zone = zone;
	}

	/**
	 * Calls the department's {@code api} (api1, api3, api4, api5a, api5b); for API-1 the DEO and a ticketNo of
	 * now are filled in when not given. Returns {request, httpStatus, answer}.
	 */
	Map<String, Object> call(String api, Map<String, Object> fields) throws Exception {
		String path = DEPARTMENT_PATHS.get(api);
		if (path == null) {
			throw new IllegalArgumentException("No BSK API " + api);
		}
		Map<String, Object> claims = new LinkedHashMap<>(fields);
		if (api.equals("api1")) {
			claims.putIfAbsent("userid", DEFAULT_DEO);
			claims.putIfAbsent("ticketNo", Long.parseLong(TICKET.format(EngineClock.now().atZone(zone))));
		}
		String token = Jwts.builder().header().add("typ", "JWT").and().claims(claims).signWith(key, Jwts.SIG.HS256).compact();
		String body = json.writeValueAsString(Map.of("passcode", passcode, "token", token));
		return http.post()
			.uri(baseUrl.localUrl() + path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> {
				JsonNode answer = json.readTree(response.getBody());
				records.record(new SandboxBskRecords.Call(api, SandboxBskController.number(claims, "userid"),
						SandboxBskController.number(claims, "ticketNo"), SandboxBskController.text(claims, "applicationNo"),
						answer.toString(), response.getStatusCode().value() == 200 ? "SUCCESS" : "REFUSED", null));
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("request", claims);
				result.put("httpStatus", response.getStatusCode().value());
				result.put("answer", answer);
				return result;
			});
	}

}
