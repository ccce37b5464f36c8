package org.sevahub.sandbox.aaplesarkar;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sandbox Aaple Sarkar keeps: its hand-overs, every call the department made to it, its payment keys,
 * and the answers a test asked it to give instead of the truth.
 */
@Repository
class SandboxAaplesarkarRecords {

	record Session(String sessionId, String trackId, String userId, String profile, boolean used) {
	}

	record Payment(String key, String trackId, String applicationId, String serviceId, String returnUrl,
			BigDecimal amount, String transactionId) {
	}

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	SandboxAaplesarkarRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String randomHex(int bytes) {
		byte[] b = new byte[bytes];
		random.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	/** MahaIT's 18-digit TrackId: yyMMdd, client serial, running number (here random). */
	String newTrackId() {
		return "2611" + String.format("%014d", Math.floorMod(random.nextLong(), 100_000_000_000_000L));
	}

	void newSession(String sessionId, String trackId, String userId, String profile) {
		jdbc.sql("""
				INSERT INTO sandbox_aaplesarkar_session (session_id, track_id, user_id, profile, used, created_at)
				VALUES (:session, :track, :user, :profile, FALSE, :at)""")
			.param("session", sessionId)
			.param("track", trackId)
			.param("user", userId)
			.param("profile", profile)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	/** Marks the session used and returns it, if it existed unused: a hand-over token works once. */
	Optional<Session> useSession(String sessionId) {
		int used = jdbc.sql("UPDATE sandbox_aaplesarkar_session SET used = TRUE WHERE session_id = :s AND used = FALSE")
			.param("s", sessionId)
			.update();
		return used == 1 ? session("session_id", sessionId) : Optional.empty();
	}

	Optional<Session> byTrackId(String trackId) {
		return session("track_id", trackId);
	}

	private Optional<Session> session(String column, String value) {
		return jdbc.sql("SELECT * FROM sandbox_aaplesarkar_session WHERE " + column + " = :v")
			.param("v", value)
			.query((rs, row) -> new Session(rs.getString("session_id"), rs.getString("track_id"),
					rs.getString("user_id"), rs.getString("profile"), rs.getBoolean("used")))
			.optional();
	}

	void record(String api, String trackId, String body, String outcome, String error) {
		jdbc.sql("""
				INSERT INTO sandbox_aaplesarkar_call (api, track_id, body, outcome, error, received_at)
				VALUES (:api, :track, :body, :outcome, :error, :at)""")
			.param("api", api)
			.param("track", trackId)
			.param("body", body)
			.param("outcome", outcome)
			.param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	List<Map<String, Object>> calls(String trackId) {
		return jdbc.sql("""
				SELECT api, body, outcome, error, received_at FROM sandbox_aaplesarkar_call
				WHERE track_id = :track ORDER BY id""")
			.param("track", trackId)
			.query()
			.listOfRows();
	}

	void newPayment(Payment p) {
		jdbc.sql("""
				INSERT INTO sandbox_aaplesarkar_payment (payment_key, track_id, application_id, service_id, return_url,
				    amount, created_at)
				VALUES (:key, :track, :app, :service, :url, :amount, :at)""")
			.param("key", p.key())
			.param("track", p.trackId())
			.param("app", p.applicationId())
			.param("service", p.serviceId())
			.param("url", p.returnUrl())
			.param("amount", p.amount())
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	Optional<Payment> payment(String key) {
		return jdbc.sql("SELECT * FROM sandbox_aaplesarkar_payment WHERE payment_key = :key")
			.param("key", key)
			.query((rs, row) -> new Payment(rs.getString("payment_key"), rs.getString("track_id"),
					rs.getString("application_id"), rs.getString("service_id"), rs.getString("return_url"),
					rs.getBigDecimal("amount"), rs.getString("transaction_id")))
			.optional();
	}

	/** Settles a payment key once; false if it was settled before. */
	boolean settle(String key, String transactionId) {
		return jdbc.sql("""
				UPDATE sandbox_aaplesarkar_payment SET transaction_id = :txn
				WHERE payment_key = :key AND transaction_id IS NULL""")
			.param("txn", transactionId)
			.param("key", key)
			.update() == 1;
	}

	void answerInstead(String api, String mode, int count) {
		jdbc.sql("DELETE FROM sandbox_aaplesarkar_answer WHERE api = :api").param("api", api).update();
		if (count > 0) {
			jdbc.sql("INSERT INTO sandbox_aaplesarkar_answer (api, mode, remaining) VALUES (:api, :mode, :n)")
				.param("api", api)
				.param("mode", mode)
				.param("n", count)
				.update();
		}
	}

	/** The answer to give instead of the truth to this call, using one up, if a test asked for one. */
	Optional<String> takeAnswer(String api) {
		Optional<String> mode = jdbc.sql("SELECT mode FROM sandbox_aaplesarkar_answer WHERE api = :api AND remaining > 0")
			.param("api", api)
			.query(String.class)
			.optional();
		if (mode.isPresent()) {
			int taken = jdbc.sql("UPDATE sandbox_aaplesarkar_answer SET remaining = remaining - 1 WHERE api = :api AND remaining > 0")
				.param("api", api)
				.update();
			return taken == 1 ? mode : Optional.empty();
		}
		return mode;
	}

}
