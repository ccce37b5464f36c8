package org.sevahub.sandbox.bsk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A faithful BSK for the demo and the tests. It receives API-2 and answers API-6 at /sandbox/bsk, checking the
 * envelope as BSK would (its own check, not the department's code), and it calls the department's API-1, 3, 4,
 * 5A and 5B the way BSK's portal does, on request at /sandbox/records/bsk/send/{api}. Every call is recorded
 * and readable at /sandbox/records/bsk/... .
 */
@RestController
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.bsk.enabled" }, havingValue = "true")
class SandboxBskController {

	private final SandboxBskRecords records;

	private final SandboxBskCaller caller;

	private final ObjectMapper json;

	private final SecretKey key;

	private final String passcode;

	private final String deptCode;

	private final String accessCode;

	SandboxBskController(SandboxBskRecords records, SandboxBskCaller caller, ObjectMapper json,
			@Value("${sevahub.portals.bsk.passcode}") String passcode,
			@Value("${sevahub.portals.bsk.jwt-secret}") String secret,
			@Value("${sevahub.portals.bsk.dept-code}") String deptCode,
			@Value("${sevahub.portals.bsk.access-code}") String accessCode) {
		this.records = records;
		this.caller = caller;
		this.json = json;
		this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
		this.passcode = passcode;
		this.deptCode = deptCode;
		this.accessCode = accessCode;
	}

	// ----- BSK's endpoints the department calls -----

	@PostMapping(path = "/sandbox/bsk/api2", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> api2(@RequestBody(required = false) String body) {
		Map<String, Object> claims;
		try {
			claims = open(body);
		}
		catch (IllegalArgumentException ex) {
			records.record(new SandboxBskRecords.Call("api2", null, null, null, body, "REFUSED", ex.getMessage()));
			return ResponseEntity.badRequest().body(api2Answer(null, "Failure", 400, ex.getMessage()));
		}
		String appNo = text(claims, "appNo");
		Long userId = number(claims, "userid");
		Long ticketNo = number(claims, "ticketNo");
		Long status = number(claims, "applicationStatus");
		String missing = appNo == null ? "appNo" : userId == null ? "userid" : ticketNo == null ? "ticketNo"
				: number(claims, "appSubTime") == null ? "appSubTime" : null;
		String error = missing != null ? missing + " is required"
				: status == null || (status != 2 && status != 3) ? "applicationStatus must be 2 or 3" : null;
		String canonical = canonical(claims);
		if (error != null) {
			records.record(new SandboxBskRecords.Call("api2", userId, ticketNo, appNo, canonical, "REFUSED", error));
			return ResponseEntity.badRequest().body(api2Answer(appNo, "Failure", 400, error));
		}
		boolean again = records.accepted(appNo, canonical);
		records.record(new SandboxBskRecords.Call("api2", userId, ticketNo, appNo, canonical,
				again ? "DUPLICATE" : "SUCCESS", null));
		return ResponseEntity.ok(api2Answer(appNo, "Success", 200, again ? "Already received" : null));
	}

	/**
	 * API-6 answers the next {@code times} calls with this HTTP status and body, as BSK's gateway might when
	 * it is misconfigured or down (a 403 page, a 404, HTML). Held by this node only: a test switch.
	 */
	@PutMapping("/sandbox/records/bsk/api6/override")
	Map<String, Object> overrideApi6(@RequestParam int status, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "1") int times) {
		api6Override.set(new Api6Override(status, body, new java.util.concurrent.atomic.AtomicInteger(times)));
		return Map.of("status", status, "times", times);
	}

	@DeleteMapping("/sandbox/records/bsk/api6/override")
	void clearApi6Override() {
		api6Override.set(null);
	}

	private record Api6Override(int status, String body, java.util.concurrent.atomic.AtomicInteger left) {
	}

	private final java.util.concurrent.atomic.AtomicReference<Api6Override> api6Override =
			new java.util.concurrent.atomic.AtomicReference<>();

	@PostMapping(path = "/sandbox/bsk/api6")
	ResponseEntity<?> api6(@RequestBody(required = false) String body) {
		Api6Override override = api6Override.get();
		if (override != null && override.left().getAndDecrement() > 0) {
			Long user = null;
			try {
				user = number(open(body), "userId");
			}
			catch (IllegalArgumentException notSealed) {
				// recorded without a user
			}
			records.record(new SandboxBskRecords.Call("api6", user, null, null, body, "OVERRIDDEN",
					"HTTP " + override.status()));
			return ResponseEntity.status(override.status()).contentType(MediaType.TEXT_HTML).body(override.body());
		}
		Map<String, Object> claims;
		try {
			claims = open(body);
		}
		catch (IllegalArgumentException ex) {
			records.record(new SandboxBskRecords.Call("api6", null, null, null, body, "REFUSED", ex.getMessage()));
			return ResponseEntity.badRequest().body(Map.of("statusCode", 400, "message", ex.getMessage()));
		}
		Long userId = number(claims, "userId");
		String sentAccess = String.valueOf(claims.get("accessCode"));
		if (!deptCode.equals(claims.get("deptCode")) || !MessageDigest.isEqual(accessCode.getBytes(StandardCharsets.UTF_8),
				sentAccess.getBytes(StandardCharsets.UTF_8))) {
			records.record(new SandboxBskRecords.Call("api6", userId, null, null, canonical(claims), "REFUSED",
					"wrong deptCode or accessCode"));
			return ResponseEntity.badRequest().body(Map.of("statusCode", 400, "message", "Invalid deptCode or accessCode"));
		}
		var deo = userId == null ? java.util.Optional.<Map<String, Object>>empty() : records.deo(userId);
		if (deo.isEmpty()) {
			records.record(new SandboxBskRecords.Call("api6", userId, null, null, canonical(claims), "REFUSED",
					"unknown user"));
			return ResponseEntity.badRequest().body(Map.of("statusCode", 400, "message", "User not found"));
		}
		records.record(new SandboxBskRecords.Call("api6", userId, null, null, canonical(claims), "SUCCESS", null));
		Map<String, Object> row = deo.get();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("userid", userId);
		answer.put("userName", row.get("user_name"));
		answer.put("userEmail", row.get("user_email"));
		answer.put("bskCode", row.get("bsk_code"));
		answer.put("bskName", row.get("bsk_name"));
		answer.put("Gp", row.get("gp"));
		answer.put("block", row.get("block"));
		answer.put("subDivision", row.get("subdivision"));
		answer.put("District", row.get("district"));
		answer.put("userStatus", ((Number) row.get("user_status")).intValue());
		answer.put("userType", "DEO");
		answer.put("statusCode", 200);
		return ResponseEntity.ok(answer);
	}

	// ----- BSK calling the department, on request -----

	/**
	 * Calls the department's {@code api} (api1, api3, api4, api5a, api5b) with these fields, sealed as BSK
	 * seals them; for API-1 the DEO and a ticketNo of now are filled in when not given.
	 */
	@PostMapping(path = "/sandbox/records/bsk/send/{api}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> send(@PathVariable String api, @RequestBody Map<String, Object> fields) throws Exception {
		return caller.call(api, fields);
	}

	// ----- records for tests and the demo -----

	@GetMapping("/sandbox/records/bsk/api2")
	List<Map<String, Object>> api2Calls(@RequestParam String appNo) {
		return records.calls("api2", appNo);
	}

	@GetMapping("/sandbox/records/bsk/api6")
	Map<String, Long> api6Calls(@RequestParam(required = false) Long userId) {
		return Map.of("count", records.count("api6", userId));
	}

	/** Sets a DEO active (1) or inactive (2) at BSK, adding the DEO if BSK does not know them. */
	@PutMapping("/sandbox/records/bsk/deos/{userId}")
	Map<String, Object> deo(@PathVariable long userId, @RequestParam int status) {
		records.setDeoStatus(userId, status);
		return Map.of("userId", userId, "userStatus", status);
	}

	// ----- BSK's checks -----

	private Map<String, Object> open(String body) {
		JsonNode envelope;
		try {
			envelope = body == null ? null : json.readTree(body);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Malformed JSON");
		}
		if (envelope == null || !envelope.path("token").isTextual()
				|| !MessageDigest.isEqual(passcode.getBytes(StandardCharsets.UTF_8),
						envelope.path("passcode").asText().getBytes(StandardCharsets.UTF_8))) {
			throw new IllegalArgumentException("Invalid passcode");
		}
		try {
			Jws<Claims> jws = Jwts.parser().verifyWith(key).build().parseSignedClaims(envelope.get("token").asText());
			if (!"HS256".equals(jws.getHeader().getAlgorithm())) {
				throw new IllegalArgumentException("Only HS256 tokens are accepted");
			}
			return new LinkedHashMap<>(jws.getPayload());
		}
		catch (JwtException ex) {
			throw new IllegalArgumentException("Invalid token: " + ex.getMessage());
		}
	}

	/** The claims without the token's own time, so a resend of the same fields compares equal. */
	private String canonical(Map<String, Object> claims) {
		Map<String, Object> sorted = new TreeMap<>(claims);
		sorted.remove("iat");
		try {
			return json.writeValueAsString(sorted);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> api2Answer(String appNo, String status, int code, String message) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("appNo", appNo);
		answer.put("responseStatus", status);
		answer.put("statusCode", code);
		if (message != null) {
			answer.put("message", message);
		}
		return answer;
	}

	static String text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return value == null ? null : value.toString();
	}

	static Long number(Map<String, Object> claims, String name) {
		for (Map.Entry<String, Object> entry : claims.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
				try {
					return new java.math.BigDecimal(entry.getValue().toString()).longValueExact();
				}
				catch (NumberFormatException | ArithmeticException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
