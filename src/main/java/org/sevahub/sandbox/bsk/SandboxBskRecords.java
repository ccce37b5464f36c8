package org.sevahub.sandbox.bsk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the sandbox BSK keeps: its operators (for API-6) and every call it made or received. */
@Repository
class SandboxBskRecords {

	record Call(String api, Long userId, Long ticketNo, String appNo, String body, String outcome, String error) {
	}

	private final JdbcClient jdbc;

	SandboxBskRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Call call) {
		jdbc.sql("""
				INSERT INTO sandbox_bsk_call (api, user_id, ticket_no, app_no, body, outcome, error, received_at)
				VALUES (:api, :user, :ticket, :app, :body, :outcome, :error, :at)""")
			.param("api", call.api())
			.param("user", call.userId())
			.param("ticket", call.ticketNo())
			.param("app", call.appNo())
			.param("body", call.body())
			.param("outcome", call.outcome())
			.param("error", call.error() == null ? null : call.error().substring(0, Math.min(500, call.error().length())))
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	Optional<Map<String, Object>> deo(long userId) {
		return jdbc.sql("SELECT * FROM sandbox_bsk_deo WHERE user_id = :id").param("id", userId).query().listOfRows()
			.stream()
			.findFirst();
	}

	int setDeoStatus(long userId, int status) {
		int updated = jdbc.sql("UPDATE sandbox_bsk_deo SET user_status = :status WHERE user_id = :id")
			.param("status", status)
			.param("id", userId)
			.update();
		if (updated == 0) {
			updated = jdbc.sql("""
					INSERT INTO sandbox_bsk_deo (user_id, user_name, bsk_code, bsk_name, district, user_status)
					VALUES (:id, :name, 'S/B/001', 'Sandbox BSK', 'Kolkata', :status)""")
				.param("id", userId)
				.param("name", "Sandbox DEO " + userId)
				.param("status", status)
				.update();
		}
		return updated;
	}

	/** API-2 calls BSK accepted for an application, oldest first. */
	List<Map<String, Object>> calls(String api, String appNo) {
		return jdbc.sql("""
				SELECT api, user_id, ticket_no, app_no, body, outcome, error, received_at FROM sandbox_bsk_call
				WHERE api = :api AND app_no = :app ORDER BY id""")
			.param("api", api)
			.param("app", appNo)
			.query()
			.listOfRows();
	}

	boolean accepted(String appNo, String body) {
		return jdbc.sql("SELECT COUNT(*) FROM sandbox_bsk_call WHERE api = 'api2' AND app_no = :app AND body = :body "
				+ "AND outcome = 'SUCCESS'")
			.param("app", appNo)
			.param("body", body)
			.query(Long.class)
			.single() > 0;
	}

	long count(String api, Long userId) {
		if (userId == null) {
			return jdbc.sql("SELECT COUNT(*) FROM sandbox_bsk_call WHERE api = :api").param("api", api).query(Long.class).single();
		}
		return jdbc.sql("SELECT COUNT(*) FROM sandbox_bsk_call WHERE api = :api AND user_id = :user")
			.param("api", api)
			.param("user", userId)
			.query(Long.class)
			.single();
	}

}
