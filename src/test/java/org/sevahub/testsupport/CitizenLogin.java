package org.sevahub.testsupport;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.sevahub.application.EngineClock;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;

/**
 * A citizen's credential for tests that are about something else than signing in: a session token as SevaHub
 * issues it after an OTP (same key, issuer, audience and claims, an id of its own), minted directly so such tests
 * neither spend the rate limits nor read the SMS inbox. CitizenSignInTest drives the real OTP path.
 */
public final class CitizenLogin {

	public static final String COOKIE = "sevahub_citizen";

	private CitizenLogin() {
	}

	/** A session token for the ten-digit number, valid for half an hour of the engine's clock. */
	public static String token(Environment environment, String mobile) {
		return token(environment.getRequiredProperty("sevahub.citizen.jwt-key"), mobile);
	}

	/** A session token signed with this Base64 key (a SevaHub started apart, with its default key). */
	public static String token(String base64Key, String mobile) {
		var key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(base64Key));
		Date now = Date.from(EngineClock.now());
		return Jwts.builder()
			.issuer("sevahub")
			.audience()
			.add("sevahub-citizen")
			.and()
			.subject("citizen")
			.claim("mobile", mobile)
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiration(Date.from(now.toInstant().plus(Duration.ofMinutes(30))))
			.signWith(key, Jwts.SIG.HS256)
			.compact();
	}

	/** {@code Authorization: Bearer …} for the number. */
	public static String bearer(Environment environment, String mobile) {
		return "Bearer " + token(environment, mobile);
	}

	/** The pages' session cookie for the number. */
	public static Cookie cookie(Environment environment, String mobile) {
		return new Cookie(COOKIE, token(environment, mobile));
	}

	/** A client of the running server that sends the number's token with every request. */
	public static TestRestTemplate as(TestRestTemplate http, Environment environment, String mobile) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
			.defaultHeader(HttpHeaders.AUTHORIZATION, bearer(environment, mobile)));
	}

}
