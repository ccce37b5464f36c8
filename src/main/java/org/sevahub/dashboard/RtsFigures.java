package org.sevahub.dashboard;

import org.sevahub.application.ApplicationRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Right to Services figures for a period, per service, office or officer post, from SevaHub's own tables
 * (application and its status history) through the indexes of V72. Four queries, each one index range:
 * received (submitted in the period), disposed (first approved or rejected in the period: on time when by the
 * statutory due date, late after it, with the average and 90th percentile of days from submission), pending at
 * the period's end (submitted, not yet disposed: within time or beyond it) and appeals (filed and allowed in the
 * period). A withdrawn application is neither disposed nor pending.
 */
@Repository
public class RtsFigures {

	/** How the rows are cut. A post is the one holding the application now, or the one that disposed of it. */
	public enum By {

		SERVICE("a.service_code"), OFFICE("COALESCE(a.office_code, '-')"), POST("""
				CASE WHEN a.disposed_at IS NOT NULL THEN 'designatedOfficer'
				     WHEN a.status IN ('SUBMITTED', 'RESUBMITTED', 'UNDER_VERIFICATION', 'FEE_PAID') THEN 'dealingAssistant'
				     WHEN a.status = 'APPEAL_FILED' THEN 'firstAppellate'
				     WHEN a.status = 'CLARIFICATION_SOUGHT' THEN 'citizen'
				     ELSE 'designatedOfficer' END""");

		final String column;

		By(String column) {
			this.column = column;
		}

	}

	public record Row(String key, long received, long disposedInTime, long disposedLate, long pendingInTime,
			long pendingBeyond, Double averageDays, Double p90Days, long appealsFiled, long appealsAllowed) {

		public long disposed() {
			return disposedInTime + disposedLate;
		}

		Row plus(Row o) {
			return new Row(key, received + o.received, disposedInTime + o.disposedInTime, disposedLate + o.disposedLate,
					pendingInTime + o.pendingInTime, pendingBeyond + o.pendingBeyond,
					averageDays != null ? averageDays : o.averageDays, p90Days != null ? p90Days : o.p90Days,
					appealsFiled + o.appealsFiled, appealsAllowed + o.appealsAllowed);
		}

	}

	private static final Row ZERO = new Row(null, 0, 0, 0, 0, 0, null, null, 0, 0);

	private final JdbcClient jdbc;

	/** Days from submission to disposal, per row. */
	private final String days;

	RtsFigures(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
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
	List<Row> figures(By by, Instant from, Instant to, Instant asOf, Collection<String> offices) {
		String scope = offices == null ? "" : " AND a.office_code IN (:offices)";
		Map<String, Row> rows = new TreeMap<>();
		query("""
				SELECT %s AS k, COUNT(*) AS n FROM application a
				WHERE a.submitted_at >= :from AND a.submitted_at < :to%s GROUP BY 1""".formatted(by.column, scope),
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
				GROUP BY 1""".formatted(by.column, days, scope), from, to, asOf, offices).query((rs, i) -> {
					merge(rows, rs.getString("k"), new Row(null, 0, rs.getLong("on_time"), rs.getLong("late"), 0, 0,
							rs.getDouble("avg_days"), rs.getDouble("p90_days"), 0, 0));
					return null;
				}).list();
		query("""
				SELECT %s AS k,
				       SUM(CASE WHEN a.sla_due_at IS NULL OR a.sla_due_at >= :asOf THEN 1 ELSE 0 END) AS in_time,
				       SUM(CASE WHEN a.sla_due_at < :asOf THEN 1 ELSE 0 END) AS beyond
				FROM application a
				WHERE a.disposed_at IS NULL AND a.submitted_at < :asOf AND a.status <> 'CANCELLED'%s
				GROUP BY 1""".formatted(by.column, scope), from, to, asOf, offices).query((rs, i) -> {
					merge(rows, rs.getString("k"),
							new Row(null, 0, 0, 0, rs.getLong("in_time"), rs.getLong("beyond"), null, null, 0, 0));
					return null;
				}).list();
		String appealKey = by == By.POST ? "CASE WHEN LOWER(h.stage) LIKE '%second%' THEN 'secondAppellate' ELSE 'firstAppellate' END"
				: by.column;
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
			sum = sum.plus(new Row(null, row.received(), row.disposedInTime(), row.disposedLate(), row.pendingInTime(),
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
		rows.put(key, base.plus(add));
	}

}
