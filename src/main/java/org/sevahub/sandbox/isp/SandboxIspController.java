package org.sevahub.sandbox.isp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import org.sevahub.application.EngineClock;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.portal.isp.IspCipher;
import org.sevahub.portal.isp.IspOrderRules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A faithful ISP for the demo and the tests, at /sandbox/isp: the portal page a citizen applies from, and the
 * web services of the manual with its crypto, its hour-long JWTs, its field tables, its order rules and its
 * answers. It records every call, decrypted, at /sandbox/records/isp/... for tests and people to read.
 */
@Controller
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.isp.enabled" }, havingValue = "true")
class SandboxIspController {

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

	private final SandboxIspRecords records;

	private final ServiceCatalog catalog;

	private final ObjectMapper json;

	private final IspCipher cipher;

	private final SecretKey jwtKey;

	private final String deptId;

	private final String password;

	SandboxIspController(SandboxIspRecords records, ServiceCatalog catalog, ObjectMapper json,
			@Value("${sevahub.portals.isp.secret-key}") String secret,
			@Value("${sevahub.portals.isp.salt:0000000011111111}") String salt,
			@Value("${sevahub.portals.isp.dept-id}") String deptId,
			@Value("${sevahub.portals.isp.password}") String password) throws NoSuchAlgorithmException {
		this.records = records;
		this.catalog = catalog;
		this.json = json;
		this.cipher = new IspCipher(secret, salt);
		// The sandbox signs its tokens with a key of its own, derived so every node of a cluster agrees on it.
		this.jwtKey = Keys.hmacShaKeyFor(MessageDigest.getInstance("SHA-256")
			.digest(("sandbox-isp-jwt:" + secret).getBytes(StandardCharsets.UTF_8)));
		this.deptId = deptId;
		this.password = password;
	}

	// ----- the portal's pages -----

	@GetMapping("/sandbox/isp/")
	String portal(Model model) {
		model.addAttribute("services", catalog.all().stream().filter(s -> s.portalCode("isp").isPresent()).toList());
		return "sandbox/isp";
	}

	@PostMapping("/sandbox/isp/apply")
	String apply(@RequestParam String serviceCode) throws Exception {
		return "redirect:/isp/landing?sessionkey=" + startSession(serviceCode, null).sessionkey();
	}

	@GetMapping("/sandbox/isp/getMessageFromDepartment")
	String backFromDepartment(@RequestParam String sessionkey,
			@RequestParam("return_success_or_failed") String outcome,
			@RequestParam(value = "MESSAGETEXT", required = false) String message, Model model) {
		records.returned(sessionkey, outcome, message);
		model.addAttribute("outcome", outcome);
		model.addAttribute("message", message);
		return "sandbox/isp-return";
	}

	// ----- the web services -----

	@PostMapping("/sandbox/isp/ispws/authenticate")
	@ResponseBody
	ResponseEntity<Map<String, Object>> authenticate(@RequestBody(required = false) JsonNode body) {
		boolean valid = body != null && deptId.equals(body.path("username").asText())
				&& MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
						body.path("password").asText().getBytes(StandardCharsets.UTF_8));
		records.record(new SandboxIspRecords.Call("authenticate", null, null, null, valid ? "SUCCESSFUL" : "FAILED",
				valid ? null : "bad credentials"));
		if (!valid) {
			return ResponseEntity.badRequest().body(answer("To generate token valid user Name and password is required", null));
		}
		Date now = Date.from(EngineClock.now());
		String token = Jwts.builder()
			.subject(deptId)
			.claim("epoch", records.count("revoke-tokens"))
			.issuedAt(now)
			.expiration(Date.from(EngineClock.now().plusSeconds(3600)))
			.signWith(jwtKey, Jwts.SIG.HS256)
			.compact();
		Map<String, Object> ok = answer("", null);
		ok.remove("data");
		ok.put("token", token);
		return ResponseEntity.ok(ok);
	}

	@PostMapping("/sandbox/isp/ispws/isp/v1/{service}")
	@ResponseBody
	ResponseEntity<Map<String, Object>> service(@PathVariable String service,
			@RequestHeader(value = "Authorization", required = false) String authorization,
			@RequestBody(required = false) String body) {
		if (!validToken(authorization)) {
			return ResponseEntity.status(401).body(answer("Invalid or expired token", null));
		}
		JsonNode request;
		JsonNode plain;
		try {
			request = json.readTree(body == null ? "" : body);
			if (request == null || !deptId.equals(request.path("dept_id").asText())) {
				return refuse(service, null, null, body, "Invalid dept_id");
			}
			plain = json.readTree(cipher.decrypt(request.path("e_data").asText()));
		}
		catch (IspCipher.IspCryptoException ex) {
			return refuse(service, null, null, body, "Invalid e_data: " + ex.getMessage());
		}
		catch (Exception ex) {
			return refuse(service, null, null, body, "Invalid request: not the expected JSON");
		}
		return switch (service) {
			case "getRequestValidatedAndRequestID" -> validate(plain);
			case "getApplicantCommonDetails" -> commonDetails(plain);
			case "returnApplicationAcknowledgement", "returnServiceStatus", "returnDeliveredServiceStatus" ->
				push(service, plain);
			default -> ResponseEntity.status(404).body(answer("No such service " + service, null));
		};
	}

	private ResponseEntity<Map<String, Object>> validate(JsonNode plain) {
		String sessionkey = plain.path("sessionkey").asText();
		Optional<SandboxIspRecords.Session> session = records.useSession(sessionkey);
		if (session.isEmpty()) {
			return refuse("getRequestValidatedAndRequestID", null, null, plain.toString(),
					"Invalid or already used session key");
		}
		records.record(new SandboxIspRecords.Call("getRequestValidatedAndRequestID", session.get().requestId(), null,
				plain.toString(), "SUCCESSFUL", null));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("request_id", session.get().requestId());
		data.put("applicant_id", session.get().applicantId());
		data.put("service_code", session.get().serviceCode());
		return ResponseEntity.ok(answer("", encrypt(data)));
	}

	private ResponseEntity<Map<String, Object>> commonDetails(JsonNode plain) {
		Optional<SandboxIspRecords.Session> session = records.byRequest(plain.path("request_id").asText());
		if (session.isEmpty() || !session.get().used()) {
			return refuse("getApplicantCommonDetails", plain.path("request_id").asText(), null, plain.toString(),
					"Invalid request_id");
		}
		records.record(new SandboxIspRecords.Call("getApplicantCommonDetails", session.get().requestId(), null,
				plain.toString(), "SUCCESSFUL", null));
		return ResponseEntity.ok(answer("", cipher.encrypt(session.get().profile())));
	}

	private ResponseEntity<Map<String, Object>> push(String api, JsonNode push) {
		String requestId = push.path("request_id").asText();
		String code = push.path("status_code").asText();
		String problem = SandboxIspValidation.problem(api, push);
		if (problem != null) {
			return refuse(api, requestId, code, push.toString(), problem);
		}
		Optional<SandboxIspRecords.Session> session = records.byRequest(requestId);
		if (session.isEmpty()) {
			return refuse(api, requestId, code, push.toString(), "Invalid request_id: request not found");
		}
		if (!session.get().applicantId().equals(push.path("applicant_id").asText())
				|| !session.get().serviceCode().equals(push.path("service_code").asText())) {
			return refuse(api, requestId, code, push.toString(), "applicant_id or service_code mismatch for the request");
		}
		List<String> accepted = records.acceptedCodes(requestId);
		if ((code.equals("S104") || code.equals("S112")) && accepted.contains(code)) {
			return refuse(api, requestId, code, push.toString(), code + " already received for request " + requestId);
		}
		String refusal = IspOrderRules.refusal(accepted, code);
		if (refusal != null) {
			return refuse(api, requestId, code, push.toString(), "Status code " + code + " not accepted: " + refusal);
		}
		records.record(new SandboxIspRecords.Call(api, requestId, code, push.toString(), "SUCCESSFUL", null));
		return ResponseEntity.ok(answer("", null));
	}

	// ----- records for tests and the demo -----

	@PostMapping("/sandbox/records/isp/sessions")
	@ResponseBody
	Map<String, String> newSession(@RequestBody Map<String, Object> request) throws Exception {
		@SuppressWarnings("unchecked")
		Map<String, Object> overrides = (Map<String, Object>) request.get("profile");
		SandboxIspRecords.Session session = startSession(String.valueOf(request.get("serviceCode")), overrides);
		return Map.of("sessionkey", session.sessionkey(), "requestId", session.requestId(), "applicantId",
				session.applicantId(), "landing", "/isp/landing?sessionkey=" + session.sessionkey());
	}

	@GetMapping("/sandbox/records/isp/calls")
	@ResponseBody
	List<Map<String, Object>> calls(@RequestParam String requestId) {
		return records.calls(requestId);
	}

	@GetMapping("/sandbox/records/isp/returns")
	@ResponseBody
	List<Map<String, Object>> returns(@RequestParam String sessionkey) {
		return records.returns(sessionkey);
	}

	/** ISP forgets every token it issued (a restart, a key rotation): the department must fetch a new one. */
	@PostMapping("/sandbox/records/isp/revoke-tokens")
	@ResponseBody
	Map<String, String> revokeTokens() {
		records.record(new SandboxIspRecords.Call("revoke-tokens", null, null, null, "SUCCESSFUL", null));
		return Map.of("revoked", "all tokens issued before now");
	}

	@GetMapping("/sandbox/records/isp/authentications")
	@ResponseBody
	Map<String, Long> authentications() {
		return Map.of("count", records.count("authenticate"));
	}

	private SandboxIspRecords.Session startSession(String ispServiceCode, Map<String, Object> overrides)
			throws Exception {
		ServiceDefinition service = catalog.findByPortalCode("isp", ispServiceCode)
			.orElseThrow(() -> new IllegalArgumentException("No service with ISP code " + ispServiceCode));
		String applicantId = "AP" + String.format("%08d", (long) (Math.random() * 100_000_000));
		Map<String, Object> profile = SandboxIspCitizens.ramesh(applicantId, ispServiceCode, service.nameEn());
		if (overrides != null) {
			profile.putAll(overrides);
		}
		return records.newSession(ispServiceCode, applicantId, json.writeValueAsString(profile));
	}

	private boolean validToken(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		try {
			Number epoch = Jwts.parser()
				.verifyWith(jwtKey)
				.clock(() -> Date.from(EngineClock.now()))
				.build()
				.parseSignedClaims(authorization.substring("Bearer ".length()))
				.getPayload()
				.get("epoch", Number.class);
			// Tokens issued before the last revocation carry an older epoch.
			return epoch != null && epoch.longValue() == records.count("revoke-tokens");
		}
		catch (JwtException | IllegalArgumentException ex) {
			return false;
		}
	}

	private ResponseEntity<Map<String, Object>> refuse(String api, String requestId, String code, String body,
			String error) {
		records.record(new SandboxIspRecords.Call(api, requestId, code, body, "FAILED", error));
		return ResponseEntity.badRequest().body(answer(error, null));
	}

	private String encrypt(Map<String, Object> data) {
		try {
			return cipher.encrypt(json.writeValueAsString(data));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** ISP's answer shape: {error, statusMessage, data, timestamp}. */
	private static Map<String, Object> answer(String error, String data) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", error);
		answer.put("statusMessage", error.isEmpty() ? "SUCCESSFUL" : "FAILED");
		answer.put("data", data);
		answer.put("timestamp", TIMESTAMP.format(EngineClock.now().atZone(ZoneOffset.ofHoursMinutes(5, 30))));
		return answer;
	}

}
