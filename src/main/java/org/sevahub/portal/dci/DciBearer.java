package org.sevahub.portal.dci;

import java.security.Key;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.sevahub.application.EngineClock;

/**
 * The bearer JWT the spec declares on every endpoint ({@code Authorization: Bearer}), on top of the message
 * signature. Participants exchange no other secret than their Ed25519 keys, so the token is an EdDSA JWS issued
 * by the caller ({@code kid} = {@code iss} = sender id) for the receiver ({@code aud}), short-lived.
 */
public final class DciBearer {

	private final String issuer;

	private final java.security.PrivateKey signingKey;

	private final Function<String, Optional<Ed25519PublicKeyParameters>> issuerKeys;

	private final Duration lifetime;

	private final Duration skew;

	public DciBearer(String issuer, Ed25519PrivateKeyParameters signingKey,
			Function<String, Optional<Ed25519PublicKeyParameters>> issuerKeys, Duration lifetime, Duration skew) {
		this.issuer = issuer;
		this.signingKey = Ed25519Keys.jca(signingKey);
		this.issuerKeys = issuerKeys;
		this.lifetime = lifetime;
		this.skew = skew;
	}

	public String issue(String audience) {
		Date now = Date.from(EngineClock.now());
		return Jwts.builder()
			.header()
			.keyId(issuer)
			.and()
			.issuer(issuer)
			.audience()
			.add(audience)
			.and()
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiration(Date.from(EngineClock.now().plus(lifetime)))
			.signWith(signingKey, Jwts.SIG.EdDSA)
			.compact();
	}

	/**
	 * Checks a caller's token as configured for the sender whose signature a message carries: required, checked
	 * when present, or not looked at. A token that is checked must be issued to that same sender.
	 */
	public void check(String authorization, String audience, DciPeer sender) {
		boolean absent = authorization == null || authorization.isBlank();
		if (sender.bearer() == DciPeer.Bearer.OFF || (sender.bearer() == DciPeer.Bearer.OPTIONAL && absent)) {
			return;
		}
		String issuer = verify(authorization, audience);
		if (!issuer.equals(sender.id())) {
			throw new DciRefusal(401, "err.sender_id.invalid", "The token was issued to " + issuer
					+ ", the message is from " + sender.id());
		}
	}

	/** The verified issuer of an {@code Authorization} header value meant for {@code audience}. */
	public String verify(String authorization, String audience) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			throw new DciRefusal(401, "err.request.unauthorized", "A bearer token is required");
		}
		try {
			io.jsonwebtoken.Jws<Claims> jws = Jwts.parser()
				.keyLocator(new LocatorAdapter<Key>() {
					@Override
					protected Key locate(JwsHeader header) {
						return issuerKeys.apply(String.valueOf(header.getKeyId()))
							.map(Ed25519Keys::jca)
							.orElseThrow(() -> new JwtException("Unknown token issuer " + header.getKeyId()));
					}
				})
				.clock(() -> Date.from(EngineClock.now()))
				.clockSkewSeconds(skew.toSeconds())
				.requireAudience(audience)
				.build()
				.parseSignedClaims(authorization.substring("Bearer ".length()).trim());
			Claims claims = jws.getPayload();
			if (claims.getIssuer() == null || claims.getExpiration() == null
					|| !claims.getIssuer().equals(jws.getHeader().getKeyId())) {
				throw new JwtException("The token needs exp, and iss equal to its kid");
			}
			return claims.getIssuer();
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new DciRefusal(401, "err.request.unauthorized", "Bearer token refused: " + ex.getMessage());
		}
	}

}
