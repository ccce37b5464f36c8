package org.sevahub.sandbox.faults;

import java.time.Instant;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fault switches of the simulated counterparts, in the database so every node of a cluster honours them. */
@Repository
class SandboxFaults {

	enum Mode {

		/** Unreachable: 503 and the connection closed. */
		DOWN,
		/** A server error: 500. */
		ERROR,
		/** Answers only after {@code delayMillis}. */
		SLOW,
		/** Refuses the message itself: 400. */
		REJECT

	}

	/**
	 * @param remaining how many more requests the fault applies to; null for every request
	 * @param until     when the fault ends by itself (the engine's clock); null for never
	 */
	record Fault(String portal, Mode mode, Integer remaining, int delayMillis, Instant until) {
	}

	private final JdbcClient jdbc;

	SandboxFaults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void set(Fault fault) {
		clear(fault.portal());
		jdbc.sql("""
				INSERT INTO sandbox_fault (portal, mode, remaining, delay_ms, until_at)
				VALUES (:portal, :mode, :remaining, :delay, :until)""")
			.param("portal", fault.portal())
			.param("mode", fault.mode().name())
			.param("remaining", fault.remaining())
			.param("delay", fault.delayMillis())
			.param("until", ApplicationRepository.timestamp(fault.until()))
			.update();
	}

	void clear(String portal) {
		jdbc.sql("DELETE FROM sandbox_fault WHERE portal = :portal").param("portal", portal).update();
	}

	Optional<Fault> find(String portal) {
		return jdbc.sql("SELECT * FROM sandbox_fault WHERE portal = :portal")
			.param("portal", portal)
			.query((rs, row) -> new Fault(rs.getString("portal"), Mode.valueOf(rs.getString("mode")),
					(Integer) rs.getObject("remaining"), rs.getInt("delay_ms"),
					ApplicationRepository.instant(rs, "until_at")))
			.optional();
	}

	/**
	 * The fault that applies to one request now, if any, using up one of its remaining requests; an expired or
	 * used-up fault is removed.
	 */
	Optional<Fault> take(String portal) {
		Optional<Fault> fault = find(portal);
		if (fault.isEmpty()) {
			return fault;
		}
		Fault f = fault.get();
		if (f.until() != null && !EngineClock.now().isBefore(f.until())) {
			clear(portal);
			return Optional.empty();
		}
		if (f.remaining() != null) {
			int taken = jdbc.sql("UPDATE sandbox_fault SET remaining = remaining - 1 WHERE portal = :portal AND remaining > 0")
				.param("portal", portal)
				.update();
			if (taken == 0) {
				clear(portal);
				return Optional.empty();
			}
		}
		return fault;
	}

}
