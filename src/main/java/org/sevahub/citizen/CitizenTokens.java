package org.sevahub.citizen;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
 * session store; one signed out before it expires is refused by its id ({@link CitizenSignOuts}). The engine's
 * clock decides expiry, as it does for OTPs, so tests that move it move both.
 */
@Component
class CitizenTokens {

	private static final String ISSUER = "sevahub";

	private static final String AUDIENCE = "sevahub-citizen";

	record Issued(String token, Instant expiresAt) {
	}

	/** A token whose signature and claims were checked once: whose it is, its id and when it expires. */
	private record Verified(SignedInCitizen citizen, String id, Instant expiresAt) {
	}

	private final SecretKey key;

	private final CitizenProperties properties;

	private final JwtParser parser;

	private final CitizenSignOuts signOuts;

	/**
	 * Every request of a signed-in citizen carries the same token, and checking its signature and claims again each
	 * time cost 2.5% of a node's CPU under the load test. Only tokens that passed are kept, each until its expiry,
	 * which every use checks against the engine's clock, as it checks the sign-outs this node knows of. They are kept
	 * as they are: the key that signs them is in the same memory.
	 */
	private final Cache<String, Verified> verified;

	CitizenTokens(CitizenProperties properties, CitizenSignOuts signOuts) {
		this.properties = properties;
		this.signOuts = signOuts;
		this.key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(properties.jwtKey()));
		this.parser = Jwts.parser()
			.verifyWith(key)
			.requireIssuer(ISSUER)
			.requireAudience(AUDIENCE)
			.clock(() -> Date.from(EngineClock.now()))
			.build();
		this.verified = Caffeine.newBuilder()
			.maximumSize(50_000)
			.expireAfterWrite(properties.sessionLifetime())
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
			// Named, not left to jjwt, which picks by the key's length: HS384 for the default 51-byte key, HS512 for
			// 64 bytes. The parser still takes any HMAC the key allows, so tokens issued before this stay valid.
			.signWith(key, Jwts.SIG.HS256)
			.compact();
		return new Issued(token, expires);
	}

	/** The citizen a token names, if it is ours, intact, not expired and not signed out. */
	Optional<SignedInCitizen> read(String token) {
		// As the parser does: expired once the clock is past the expiry.
		return verified(token)
			.filter(known -> !EngineClock.now().isAfter(known.expiresAt()) && !signOuts.isSignedOut(known.id()))
			.map(Verified::citizen);
	}

	/** Ends a token's session on every node; a token that is not ours, or already expired, needs nothing. */
	void signOut(String token) {
		verified(token).ifPresent(known -> signOuts.signOut(known.id(), known.expiresAt()));
	}

	private Optional<Verified> verified(String token) {
		Verified known = verified.getIfPresent(token);
		if (known != null) {
			return Optional.of(known);
		}
		try {
			Claims claims = parser.parseSignedClaims(token).getPayload();
			if (claims.getId() == null) {
				// It could not be signed out. SevaHub has issued every token with an id.
				return Optional.empty();
			}
			Optional<Verified> checked = SignedInCitizen.tenDigits(claims.get("mobile", String.class))
				.map(mobile -> new Verified(new SignedInCitizen(mobile), claims.getId(),
						claims.getExpiration().toInstant()));
			checked.ifPresent(v -> verified.put(token, v));
			return checked;
		}
		catch (JwtException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
