package org.sevahub.citizen;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PostConstruct;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Session tokens signed out before they expire, by their id (jti). Tokens are checked without a session store,
 * so a sign-out is written to {@code citizen_signed_out} for every node, and each node keeps the ids it knows of
 * in memory: a request costs a map look-up, not a database round trip. The node that signs a token out refuses
 * it at once; the others read the table every {@code sevahub.citizen.sign-out-refresh}, which bounds how long a
 * signed-out token still works there.
 */
@Component
class CitizenSignOuts {

	private static final Logger log = LoggerFactory.getLogger(CitizenSignOuts.class);

	/**
	 * Each look reads again the sign-outs of the minute before the last one: a sign-out stamped just before a look
	 * but committed after it, or by a node whose clock is a little behind, is still read.
	 */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	/** A token is issued for the session lifetime, so an id need not be remembered longer after its sign-out. */
	private final Cache<String, Boolean> signedOut;

	/** When this node last read the table, by its wall clock; null until it has read every unexpired sign-out. */
	private volatile Instant lastRead;

	CitizenSignOuts(JdbcClient jdbc, CitizenProperties properties) {
		this.jdbc = jdbc;
		// Not bounded in size: dropping an id would let its token in again. Each needs an OTP sign-in, which the
		// rate limits bound.
		this.signedOut = Caffeine.newBuilder().expireAfterWrite(properties.sessionLifetime()).build();
	}

	boolean isSignedOut(String tokenId) {
		return signedOut.getIfPresent(tokenId) != null;
	}

	void signOut(String tokenId, Instant tokenExpiresAt) {
		signedOut.put(tokenId, Boolean.TRUE);
		try {
			// The wall clock, not the engine's: it orders sign-outs between nodes, and tests move the engine's.
			jdbc.sql("""
					INSERT INTO citizen_signed_out (jti, signed_out_at, expires_at)
					VALUES (:jti, :signedOutAt, :expiresAt)""")
				.param("jti", tokenId)
				.param("signedOutAt", ApplicationRepository.timestamp(Instant.now()))
				.param("expiresAt", ApplicationRepository.timestamp(tokenExpiresAt))
				.update();
		}
		catch (DuplicateKeyException alreadySignedOut) {
			// signed out twice (two tabs): the first row stands
		}
	}

	/** Before the node serves a request, so a node started after a sign-out refuses its token too. */
	@PostConstruct
	void readAll() {
		read();
	}

	@Scheduled(fixedDelayString = "${sevahub.citizen.sign-out-refresh:5s}",
			initialDelayString = "${sevahub.citizen.sign-out-refresh:5s}")
	void refresh() {
		try {
			read();
			jdbc.sql("DELETE FROM citizen_signed_out WHERE expires_at < :now")
				.param("now", ApplicationRepository.timestamp(EngineClock.now()))
				.update();
		}
		catch (RuntimeException ex) {
			// What this node knows stays known; the next look reads from the same point again.
			log.warn("Reading citizens' sign-outs failed; will try again", ex);
		}
	}

	private void read() {
		Instant started = Instant.now();
		Instant since = lastRead;
		var query = since == null
				? jdbc.sql("SELECT jti FROM citizen_signed_out WHERE expires_at >= :now")
					.param("now", ApplicationRepository.timestamp(EngineClock.now()))
				: jdbc.sql("SELECT jti FROM citizen_signed_out WHERE signed_out_at >= :since")
					.param("since", ApplicationRepository.timestamp(since.minus(OVERLAP)));
		query.query(String.class).list().forEach(jti -> signedOut.put(jti, Boolean.TRUE));
		lastRead = started;
	}

}
