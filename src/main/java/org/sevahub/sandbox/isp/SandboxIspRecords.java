package org.sevahub.sandbox.isp;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the sandbox ISP keeps: its hand-overs (session keys), every call made to it, and returning citizens. */
@Repository
class SandboxIspRecords {

	record Session(String sessionkey, String requestId, String applicantId, String serviceCode, String profile,
			boolean used) {
	}

	record Call(String api, String requestId, String statusCode, String body, String outcome, String error) {
	}

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	SandboxIspRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Session newSession(String serviceCode, String applicantId, String profile) {
		String sessionkey = HexFormat.of().formatHex(random.generateSeed(16));
		String requestId = String.format("%014d", Math.abs(random.nextLong()) % 100_000_000_000_000L);
		jdbc.sql("""
				INSERT INTO sandbox_isp_session (sessionkey, request_id, applicant_id, service_code, profile, used, created_at)
				VALUES (:key, :request, :applicant, :service, :profile, FALSE, :at)""")
			.param("key", sessionkey)
			.param("request", requestId)
			.param("applicant", applicantId)
			.param("service", serviceCode)
			.param("profile", profile)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
		return new Session(sessionkey, requestId, applicantId, serviceCode, profile, false);
	}

	/** Marks the session used and returns it, if it existed and was unused: a session key works once. */
	Optional<Session> useSession(String sessionkey) {
		int used = jdbc.sql("UPDATE sandbox_isp_session SET used = TRUE WHERE sessionkey = :key AND used = FALSE")
			.param("key", sessionkey)
			.update();
		return used == 1 ? session("sessionkey", sessionkey) : Optional.empty();
	}

	Optional<Session> byRequest(String requestId) {
		return session("request_id", requestId);
	}

	private Optional<Session> session(String column, String value) {
		return jdbc.sql("SELECT * FROM sandbox_isp_session WHERE " + column + " = :value")
			.param("value", value)
			.query((rs, row) -> new Session(rs.getString("sessionkey"), rs.getString("request_id"),
					rs.getString("applicant_id"), rs.getString("service_code"), rs.getString("profile"),
					rs.getBoolean("used")))
			.optional();
	}

	void record(Call call) {
		jdbc.sql("""
				INSERT INTO sandbox_isp_call (api, request_id, status_code, body, outcome, error, received_at)
				VALUES (:api, :request, :code, :body, :outcome, :error, :at)""")
			.param("api", call.api())
			.param("request", call.requestId())
			.param("code", call.statusCode())
			.param("body", call.body())
			.param("outcome", call.outcome())
			.param("error", call.error() == null ? null : call.error().substring(0, Math.min(500, call.error().length())))
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	/** Status codes ISP accepted for a request, oldest first. */
	List<String> acceptedCodes(String requestId) {
		return jdbc.sql("""
				SELECT status_code FROM sandbox_isp_call
				WHERE request_id = :request AND outcome = 'SUCCESSFUL' AND status_code IS NOT NULL ORDER BY id""")
			.param("request", requestId)
			.query(String.class)
			.list();
	}

	List<Map<String, Object>> calls(String requestId) {
		return jdbc.sql("""
				SELECT api, status_code, body, outcome, error, received_at FROM sandbox_isp_call
				WHERE request_id = :request ORDER BY id""")
			.param("request", requestId)
			.query()
			.listOfRows();
	}

	long count(String api) {
		return jdbc.sql("SELECT COUNT(*) FROM sandbox_isp_call WHERE api = :api").param("api", api).query(Long.class).single();
	}

	void returned(String sessionkey, String outcome, String message) {
		jdbc.sql("""
				INSERT INTO sandbox_isp_return (sessionkey, outcome, message, received_at)
				VALUES (:key, :outcome, :message, :at)""")
			.param("key", sessionkey)
			.param("outcome", outcome)
			.param("message", message)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	List<Map<String, Object>> returns(String sessionkey) {
		return jdbc.sql("SELECT outcome, message FROM sandbox_isp_return WHERE sessionkey = :key ORDER BY id")
			.param("key", sessionkey)
			.query()
			.listOfRows();
	}

}
