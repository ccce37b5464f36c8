package org.sevahub.portal.bsk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;

import org.sevahub.application.EngineClock;

/**
 * BSK's envelope, the same both ways: {@code {"passcode": "...", "token": "<HS256 JWT>"}} whose token's claims
 * are the request's fields. Opening one checks the passcode in constant time and accepts only HS256: the
 * header's algorithm is read before jjwt verifies, because jjwt would otherwise verify an HS384/HS512 token
 * with the same HMAC key, and BSK's document allows HMAC SHA-256 alone.
 */
final class BskEnvelope {

	static final String ALGORITHM = "HS256";

	private final byte[] passcode;

	private final SecretKey key;

	private final JwtParser parser;

	private final ObjectMapper json;

	BskEnvelope(String passcode, String jwtSecret, ObjectMapper json) {
		if (passcode == null || passcode.isBlank() || jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalStateException(
					"sevahub.portals.bsk.passcode and a jwt-secret of at least 32 bytes are required for BSK");
		}
		this.passcode = passcode.getBytes(StandardCharsets.UTF_8);
		this.key = Keys.hmacShaKeyFor(jwtSecret.getBytes(StandardCharsets.UTF_8));
		this.json = json;
		this.parser = Jwts.parser().verifyWith(key).clock(() -> Date.from(EngineClock.now())).build();
	}

	/** The request's fields, once the envelope has proved it came from whoever holds the passcode and key. */
	Map<String, Object> open(String body) {
		if (body == null || body.isBlank()) {
			throw new BskRefusal("Empty request: expected {\"passcode\": ..., \"token\": ...}");
		}
		JsonNode envelope;
		try {
			envelope = json.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new BskRefusal("Malformed JSON: " + ex.getOriginalMessage());
		}
		if (envelope == null || !envelope.isObject()) {
			throw new BskRefusal("Malformed request: expected a JSON object {\"passcode\": ..., \"token\": ...}");
		}
		JsonNode sentPasscode = envelope.get("passcode");
		JsonNode token = envelope.get("token");
		if (sentPasscode == null || sentPasscode.isNull() || token == null || !token.isTextual()) {
			throw new BskRefusal("passcode and token are both required");
		}
		if (!MessageDigest.isEqual(passcode, sentPasscode.asText().getBytes(StandardCharsets.UTF_8))) {
			throw new BskRefusal("Wrong passcode");
		}
		return claims(token.asText());
	}

	/** The envelope for a request to BSK: the fields as the claims of a fresh HS256 token. */
	String seal(Map<String, ?> fields) {
		String token = Jwts.builder()
			.header()
			.add("typ", "JWT")
			.and()
			.claims(fields)
			.issuedAt(Date.from(EngineClock.now()))
			.signWith(key, Jwts.SIG.HS256)
			.compact();
		Map<String, String> envelope = new LinkedHashMap<>();
		envelope.put("passcode", new String(passcode, StandardCharsets.UTF_8));
		envelope.put("token", token);
		try {
			return json.writeValueAsString(envelope);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> claims(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw new BskRefusal("Malformed token: a signed JWT has three parts, this one has " + parts.length);
		}
		String algorithm;
		try {
			JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
			algorithm = header.path("alg").asText("");
		}
		catch (IllegalArgumentException | java.io.IOException ex) {
			throw new BskRefusal("Malformed token: its header is not base64url JSON");
		}
		if (algorithm.isEmpty() || algorithm.equalsIgnoreCase("none")) {
			throw new BskRefusal("Unsigned token (alg \"" + algorithm + "\") refused: BSK tokens must be signed with HS256");
		}
		if (!ALGORITHM.equals(algorithm)) {
			throw new BskRefusal("Token signed with " + algorithm + " refused: only HS256 is accepted");
		}
		try {
			return new LinkedHashMap<>(parser.parseSignedClaims(token).getPayload());
		}
		catch (SignatureException ex) {
			throw new BskRefusal("Token signature does not verify with the department's key");
		}
		catch (ExpiredJwtException ex) {
			throw new BskRefusal("Token expired at " + ex.getClaims().getExpiration().toInstant());
		}
		catch (PrematureJwtException ex) {
			throw new BskRefusal("Token not valid before " + ex.getClaims().getNotBefore().toInstant());
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new BskRefusal("Malformed token: " + ex.getMessage());
		}
	}

}
