package org.sevahub.dashboard;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.DailyRollup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Right to Services figures for a period of days, per service, office or officer post. Received, disposed (on
 * time or late, with the average and 90th percentile of days from submission) and appeals come from the daily
 * roll-up ({@code rts_day} and the changes not yet folded into it, kept by {@link DailyRollup}): one indexed read of
 * a few rows per day, whatever the period's length (a transfer can leave a row of zeros behind: it counts for nothing). Pending depends on the
 * moment it is counted at, so it is read from the applications open then (submitted before it, not disposed before
 * it, not withdrawn), through the index on {@code disposed_at} (V72).
 * A withdrawn application is neither disposed nor pending.
 */
@Repository
public class RtsFigures {

	/** How the rows are cut. A post is the one holding the application now, or the one that disposed of it. */
	public enum By {

		SERVICE("service_code", "a.service_code"), OFFICE("office_code", "COALESCE(a.office_code, '-')"),
		// The same posts as DailyRollup.post, in SQL, for the open applications.
		POST("post", """
				CASE WHEN a.disposed_at IS NOT NULL THEN 'designatedOfficer'
				     WHEN a.status IN ('SUBMITTED', 'RESUBMITTED', 'UNDER_VERIFICATION', 'FEE_PAID') THEN 'dealingAssistant'
				     WHEN a.status = 'APPEAL_FILED' THEN 'firstAppellate'
				     WHEN a.status = 'CLARIFICATION_SOUGHT' THEN 'citizen'
				     ELSE 'designatedOfficer' END""");

		/** The roll-up's column. */
		final String rolled;

		/** The application's, for pending. */
		final String column;

		By(String rolled, String column) {
			this.rolled = rolled;
			this.column = column;
		}

	}

	public record Row(String key, long received, long disposedInTime, long disposedLate, long pendingInTime,
			long pendingBeyond, Double averageDays, Double p90Days, long appealsFiled, long appealsAllowed) {

		public long disposed() {
			return disposedInTime + disposedLate;
		}

	}

	public record Figures(List<Row> rows, Row total) {
	}

	private final JdbcClient jdbc;

	RtsFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param first   the period's first day, in the state's time zone
	 * @param last    its last day
	 * @param asOf    the moment pendency is counted at: the period's end, or now for a period not yet over
	 * @param offices the offices in scope; null for all
	 */
	Figures figures(By by, LocalDate first, LocalDate last, Instant asOf, Collection<String> offices) {
		Map<String, Tally> tallies = new TreeMap<>();
		Tally all = new Tally("Total");
		spec("""
				SELECT %s AS k, tenths, SUM(received) AS received, SUM(disposed_in_time) AS in_time,
				       SUM(disposed_late) AS late, SUM(disposal_micros) AS micros, SUM(appeals_filed) AS filed,
				       SUM(appeals_allowed) AS allowed
				FROM (SELECT %3$s FROM rts_day WHERE on_day >= :first AND on_day <= :last%2$s
				      UNION ALL
				      SELECT %3$s FROM rts_day_change WHERE on_day >= :first AND on_day <= :last%2$s) r
				GROUP BY %1$s, tenths
				HAVING SUM(received) <> 0 OR SUM(disposed_in_time) <> 0 OR SUM(disposed_late) <> 0
				    OR SUM(appeals_filed) <> 0 OR SUM(appeals_allowed) <> 0"""
			.formatted(by.rolled, offices == null ? "" : " AND office_code IN (:offices)", DailyRollup.COLUMNS), offices)
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last))
			.query((rs, i) -> {
				int tenths = rs.getInt("tenths");
				for (Tally tally : List.of(tallies.computeIfAbsent(rs.getString("k"), Tally::new), all)) {
					tally.received += rs.getLong("received");
					tally.inTime += rs.getLong("in_time");
					tally.late += rs.getLong("late");
					tally.micros += rs.getBigDecimal("micros").doubleValue();
					tally.filed += rs.getLong("filed");
					tally.allowed += rs.getLong("allowed");
					if (tenths != DailyRollup.NOT_A_DISPOSAL) {
						tally.histogram.merge(tenths, rs.getLong("in_time") + rs.getLong("late"), Long::sum);
					}
				}
				return null;
			})
			.list();
		pending(by, asOf, offices).forEach((key, counts) -> {
			for (Tally tally : List.of(tallies.computeIfAbsent(key, Tally::new), all)) {
				tally.pendingInTime += counts[0];
				tally.pendingBeyond += counts[1];
			}
		});
		List<Row> rows = new ArrayList<>();
		tallies.values().forEach(tally -> rows.add(tally.row()));
		return new Figures(rows, all.row());
	}

	/**
	 * Per key, the applications pending at {@code asOf}: within time (due then or later, or with no due date) and
	 * beyond it. Those still open, and those disposed of only after it; both read the index on disposed_at.
	 */
	Map<String, long[]> pending(By by, Instant asOf, Collection<String> offices) {
		String scope = offices == null ? "" : " AND a.office_code IN (:offices)";
		Map<String, long[]> pending = new TreeMap<>();
		spec("""
				SELECT k, SUM(in_time) AS in_time, SUM(beyond) AS beyond FROM (
				    SELECT %1$s AS k, CASE WHEN a.sla_due_at IS NULL OR a.sla_due_at >= :asOf THEN 1 ELSE 0 END AS in_time,
				           CASE WHEN a.sla_due_at < :asOf THEN 1 ELSE 0 END AS beyond
				    FROM application a
				    WHERE a.disposed_at IS NULL AND a.submitted_at < :asOf AND a.status <> 'CANCELLED'%2$s
				    UNION ALL
				    SELECT %1$s AS k, CASE WHEN a.sla_due_at IS NULL OR a.sla_due_at >= :asOf THEN 1 ELSE 0 END AS in_time,
				           CASE WHEN a.sla_due_at < :asOf THEN 1 ELSE 0 END AS beyond
				    FROM application a
				    WHERE a.disposed_at >= :asOf AND a.submitted_at < :asOf%2$s) p
				GROUP BY k""".formatted(by.column, scope), offices)
			.param("asOf", ApplicationRepository.timestamp(asOf))
			.query((rs, i) -> pending.put(rs.getString("k"), new long[] { rs.getLong("in_time"), rs.getLong("beyond") }))
			.list();
		return pending;
	}

	private JdbcClient.StatementSpec spec(String sql, Collection<String> offices) {
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		if (offices != null) {
			spec = spec.param("offices", offices.isEmpty() ? List.of("-none-") : List.copyOf(offices));
		}
		return spec;
	}

	/** One row's sums while the roll-up is read, with its histogram of disposal durations in tenths of a day. */
	private static final class Tally {

		final String key;

		long received;

		long inTime;

		long late;

		double micros;

		long filed;

		long allowed;

		long pendingInTime;

		long pendingBeyond;

		final TreeMap<Integer, Long> histogram = new TreeMap<>();

		Tally(String key) {
			this.key = key;
		}

		Row row() {
			long disposed = inTime + late;
			Double average = disposed == 0 ? null : micros / disposed / 86_400_000_000d;
			return new Row(key, received, inTime, late, pendingInTime, pendingBeyond, average, p90(disposed), filed,
					allowed);
		}

		/**
		 * PERCENTILE_CONT(0.9)'s interpolation between the two disposals around the 90th percentile's rank, each read
		 * as its bucket's lower bound: within 0.1 day of the exact figure, and exact for durations in whole tenths.
		 */
		private Double p90(long disposed) {
			if (disposed == 0) {
				return null;
			}
			double position = 0.9 * (disposed - 1);
			long below = (long) Math.floor(position);
			double lower = durationAt(below);
			double upper = below + 1 < disposed ? durationAt(below + 1) : lower;
			return lower + (position - below) * (upper - lower);
		}

		/** The duration, in days, of the disposal at this rank (0 the quickest). */
		private double durationAt(long rank) {
			long seen = 0;
			for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
				seen += bucket.getValue();
				if (rank < seen) {
					return bucket.getKey() / 10.0;
				}
			}
			throw new IllegalStateException("The histogram holds fewer disposals than counted");
		}

	}

}
