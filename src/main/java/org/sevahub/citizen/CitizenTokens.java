package org.sevahub.citizen;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.sevahub.application.EngineClock;
import org.sevahub.application.SignedInCitizen;

import org.springframework.stereotype.Component;

/**
 * Session tokens: short-lived JWTs signed with {@code sevahub.citizen.jwt-key}, checked by any node without a
 * session store. The engine's clock decides expiry, as it does for OTPs, so tests that move it move both.
 */
@Component
class CitizenTokens {

	private static final String ISSUER = "sevahub";

	private static final String AUDIENCE = "sevahub-citizen";

	record Issued(String token, Instant expiresAt) {
	}

	private final SecretKey key;

	private final CitizenProperties properties;

	private final JwtParser parser;

	CitizenTokens(CitizenProperties properties) {
		this.properties = properties;
		this.key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(properties.jwtKey()));
		this.parser = Jwts.parser()
			.verifyWith(key)
			.requireIssuer(ISSUER)
			.requireAudience(AUDIENCE)
			.clock(() -> Date.from(EngineClock.now()))
			.build();
	}

	Issued issue(String mobile) {
		Instant now = EngineClock.now();
		Instant expires = now.plus(properties.sessionLifetime());
		String token = Jwts.builder()
			.issuer(ISSUER)
			.audience()
			.add(AUDIENCE)
			.and()
			.subject("citizen")
			.claim("mobile", mobile)
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(now))
			.expiration(Date.from(expires))
			.signWith(key)
			.compact();
		return new Issued(token, expires);
	}

	/** The citizen a token names, if it is ours, intact and not expired. */
	Optional<SignedInCitizen> read(String token) {
		try {
			Claims claims = parser.parseSignedClaims(token).getPayload();
			return SignedInCitizen.tenDigits(claims.get("mobile", String.class)).map(SignedInCitizen::new);
		}
		catch (JwtException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
