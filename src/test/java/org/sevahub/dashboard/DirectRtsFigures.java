package org.sevahub.dashboard;

import org.sevahub.application.ApplicationRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sevahub.dashboard.RtsFigures.By;
import org.sevahub.dashboard.RtsFigures.Row;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RTS figures computed directly from the application rows, as the dashboard did before its daily roll-up (V73):
 * the reference the roll-up is compared with (RollupMatchesDirectTest) and measured against
 * (RtsDashboardBenchmark). Pending is the dashboard's own query (RtsFigures.pending), which reads no roll-up.
 */
class DirectRtsFigures {

	private static final Row ZERO = new Row(null, 0, 0, 0, 0, 0, null, null, 0, 0);

	private final RtsFigures dashboard;

	private final JdbcClient jdbc;

	/** Days from submission to disposal, per row. */
	private final String days;

	DirectRtsFigures(JdbcClient jdbc, javax.sql.DataSource dataSource, RtsFigures dashboard) {
		this.jdbc = jdbc;
		this.dashboard = dashboard;
		// PostgreSQL's EXTRACT answers numeric, whose arithmetic over a year's disposals takes seconds; date_part
		// answers a double. H2 (the embedded default) has only EXTRACT.
		this.days = postgres(dataSource)
				? "(date_part('epoch', a.disposed_at) - date_part('epoch', a.submitted_at)) / 86400"
				: "(EXTRACT(EPOCH FROM a.disposed_at) - EXTRACT(EPOCH FROM a.submitted_at)) / 86400.0";
	}

	private static boolean postgres(javax.sql.DataSource dataSource) {
		try (java.sql.Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Cannot tell which database the dashboard reads", ex);
		}
	}

	/**
	 * @param from    the period's first instant
	 * @param to      the instant after the period's last
	 * @param asOf    the moment pendency is counted at: the period's end, or now for a period not yet over
	 * @param offices the offices in scope; null for all
	 */
	/** The old dashboard's key expression for each cut (the roll-up keeps the same keys). */
	static String column(By by) {
		return switch (by) {
			case SERVICE -> "a.service_code";
			case OFFICE -> "COALESCE(a.office_code, '-')";
			case POST -> """
					CASE WHEN a.disposed_at IS NOT NULL THEN 'designatedOfficer'
					     WHEN a.status IN ('SUBMITTED', 'RESUBMITTED', 'UNDER_VERIFICATION', 'FEE_PAID') THEN 'dealingAssistant'
					     WHEN a.status = 'APPEAL_FILED' THEN 'firstAppellate'
					     WHEN a.status = 'CLARIFICATION_SOUGHT' THEN 'citizen'
					     ELSE 'designatedOfficer' END""";
		};
	}

	/** The sums of two rows, with the first average and percentile found (each key has them from one query). */
	static Row plus(Row a, Row o) {
		return new Row(a.key(), a.received() + o.received(), a.disposedInTime() + o.disposedInTime(),
				a.disposedLate() + o.disposedLate(), a.pendingInTime() + o.pendingInTime(),
				a.pendingBeyond() + o.pendingBeyond(), a.averageDays() != null ? a.averageDays() : o.averageDays(),
				a.p90Days() != null ? a.p90Days() : o.p90Days(), a.appealsFiled() + o.appealsFiled(),
				a.appealsAllowed() + o.appealsAllowed());
	}

	List<Row> figures(By by, Instant from, Instant to, Instant asOf, Collection<String> offices) {
		String scope = offices == null ? "" : " AND a.office_code IN (:offices)";
		Map<String, Row> rows = new TreeMap<>();
		query("""
				SELECT %s AS k, COUNT(*) AS n FROM application a
				WHERE a.submitted_at >= :from AND a.submitted_at < :to%s GROUP BY 1""".formatted(column(by), scope),
				from, to, asOf, offices).query((rs, i) -> {
					merge(rows, rs.getString("k"), new Row(null, rs.getLong("n"), 0, 0, 0, 0, null, null, 0, 0));
					return null;
				}).list();
		query("""
				SELECT %s AS k,
				       SUM(CASE WHEN a.disposed_at <= a.sla_due_at OR a.sla_due_at IS NULL THEN 1 ELSE 0 END) AS on_time,
				       SUM(CASE WHEN a.disposed_at > a.sla_due_at THEN 1 ELSE 0 END) AS late,
				       AVG(%2$s) AS avg_days, PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %2$s) AS p90_days
				FROM application a
				WHERE a.disposed_at >= :from AND a.disposed_at < :to AND a.submitted_at IS NOT NULL%3$s
				GROUP BY 1""".formatted(column(by), days, scope), from, to, asOf, offices).query((rs, i) -> {
					merge(rows, rs.getString("k"), new Row(null, 0, rs.getLong("on_time"), rs.getLong("late"), 0, 0,
							rs.getDouble("avg_days"), rs.getDouble("p90_days"), 0, 0));
					return null;
				}).list();
		dashboard.pending(by, asOf, offices)
			.forEach((key, counts) -> merge(rows, key, new Row(null, 0, 0, 0, counts[0], counts[1], null, null, 0, 0)));
		String appealKey = by == By.POST ? "CASE WHEN LOWER(h.stage) LIKE '%second%' THEN 'secondAppellate' ELSE 'firstAppellate' END"
				: column(by);
		query("""
				SELECT %s AS k,
				       SUM(CASE WHEN h.status = 'APPEAL_FILED' THEN 1 ELSE 0 END) AS filed,
				       SUM(CASE WHEN h.status = 'APPEAL_ALLOWED' THEN 1 ELSE 0 END) AS allowed
				FROM status_history h JOIN application a ON a.id = h.application_id
				WHERE h.status IN ('APPEAL_FILED', 'APPEAL_ALLOWED') AND h.occurred_at >= :from AND h.occurred_at < :to%s
				GROUP BY 1""".formatted(appealKey, scope), from, to, asOf, offices).query((rs, i) -> {
					merge(rows, rs.getString("k"),
							new Row(null, 0, 0, 0, 0, 0, null, null, rs.getLong("filed"), rs.getLong("allowed")));
					return null;
				}).list();
		return new ArrayList<>(rows.values());
	}

	/** Every row added up; the average and percentile over all disposals, not of the rows'. */
	Row total(List<Row> rows, Instant from, Instant to, Collection<String> offices) {
		Row sum = ZERO;
		for (Row row : rows) {
			sum = plus(sum, new Row(null, row.received(), row.disposedInTime(), row.disposedLate(), row.pendingInTime(),
					row.pendingBeyond(), null, null, row.appealsFiled(), row.appealsAllowed()));
		}
		String scope = offices == null ? "" : " AND a.office_code IN (:offices)";
		Row spread = query("""
				SELECT AVG(%1$s) AS avg_days, PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %1$s) AS p90_days
				FROM application a
				WHERE a.disposed_at >= :from AND a.disposed_at < :to AND a.submitted_at IS NOT NULL%2$s""".formatted(days, scope),
				from, to, to, offices)
			.query((rs, i) -> new Row(null, 0, 0, 0, 0, 0, number(rs.getObject("avg_days")),
					number(rs.getObject("p90_days")), 0, 0))
			.single();
		return new Row("Total", sum.received(), sum.disposedInTime(), sum.disposedLate(), sum.pendingInTime(),
				sum.pendingBeyond(), spread.averageDays(), spread.p90Days(), sum.appealsFiled(), sum.appealsAllowed());
	}

	private JdbcClient.StatementSpec query(String sql, Instant from, Instant to, Instant asOf,
			Collection<String> offices) {
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		if (sql.contains(":from")) {
			spec = spec.param("from", ApplicationRepository.timestamp(from));
		}
		if (sql.contains(":to")) {
			spec = spec.param("to", ApplicationRepository.timestamp(to));
		}
		if (sql.contains(":asOf")) {
			spec = spec.param("asOf", ApplicationRepository.timestamp(asOf));
		}
		if (offices != null) {
			spec = spec.param("offices", offices.isEmpty() ? List.of("-none-") : List.copyOf(offices));
		}
		return spec;
	}

	private static Double number(Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

	private static void merge(Map<String, Row> rows, String key, Row add) {
		Row base = rows.getOrDefault(key, new Row(key, 0, 0, 0, 0, 0, null, null, 0, 0));
		rows.put(key, plus(base, add));
	}

}
