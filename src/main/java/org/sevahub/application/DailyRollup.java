package org.sevahub.application;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RTS dashboard's daily roll-up ({@code rts_day}, V73): what each application adds to the figures, per day in
 * the state's time zone, service, office and post.
 * <p>
 * Why this design. Every write that changes an application's figures (its submission, a status change, its due
 * date, its office, an appeal in its history) goes through {@link #around}: the application's contribution is read
 * before the write and after it, and the difference is added to the roll-up in the same transaction. So the roll-up
 * can never disagree with the rows it counts, whatever the write (a transfer moves every figure of the application
 * to the new office, a status change moves its receipt to the post now holding it), and there is one definition of
 * a contribution ({@link #contribution}), used both for the changes and for the backfill ({@link #rebuild}), which
 * counts an installation's history once at the upgrade and which a test can compare with the direct queries.
 * A write only appends its difference to {@code rts_day_change} (V74); {@link #fold} adds the appended changes to
 * {@code rts_day} a few seconds later ({@link RollupFolding}) and the dashboard reads both. Upserting {@code rts_day}
 * in the write's own transaction made every application of one service, office and day queue on one row until
 * commit, and under four concurrent clients those row locks deadlocked with the engine's own (the load test's
 * submissions failed). Counting from the base rows in a scheduled job instead would need a watermark the history
 * does not have (a status change does not move {@code submitted_at}).
 * <p>
 * The histogram keeps disposal durations in tenths of a day, so the 90th percentile read from it is within 0.1 day
 * of the exact one (and exact when durations are whole tenths, as whole days are); the average is exact (sum of
 * microseconds).
 */
@Repository
public class DailyRollup {

	/** The office key of an application not routed to any office. */
	public static final String NO_OFFICE = "-";

	/** The {@code tenths} of a row that holds receipts and appeals, not disposals. */
	public static final int NOT_A_DISPOSAL = -1;

	/** The columns of a roll-up row, the same in {@code rts_day} and in the changes not yet folded into it. */
	public static final String COLUMNS = "on_day, service_code, office_code, post, tenths, received, disposed_in_time, "
			+ "disposed_late, disposal_micros, appeals_filed, appeals_allowed";

	static final long MICROS_PER_DAY = 86_400_000_000L;

	static final long MICROS_PER_TENTH = MICROS_PER_DAY / 10;

	private static final Set<String> WITH_THE_DEALING_ASSISTANT = Set.of("SUBMITTED", "RESUBMITTED",
			"UNDER_VERIFICATION", "FEE_PAID");

	private static final String APPEALS = "('APPEAL_FILED', 'APPEAL_ALLOWED')";

	public record Cell(LocalDate day, String service, String office, String post, int tenths) {

		static final Comparator<Cell> ORDER = Comparator.comparing(Cell::day)
			.thenComparing(Cell::service)
			.thenComparing(Cell::office)
			.thenComparing(Cell::post)
			.thenComparingInt(Cell::tenths);

	}

	public record Counts(long received, long disposedInTime, long disposedLate, long disposalMicros, long appealsFiled,
			long appealsAllowed) {

		static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

		Counts plus(Counts o, int sign) {
			return new Counts(received + sign * o.received, disposedInTime + sign * o.disposedInTime,
					disposedLate + sign * o.disposedLate, disposalMicros + sign * o.disposalMicros,
					appealsFiled + sign * o.appealsFiled, appealsAllowed + sign * o.appealsAllowed);
		}

		boolean isZero() {
			return equals(ZERO);
		}

	}

	/** What the roll-up reads of an application. */
	record Facts(String service, String office, String status, Instant submitted, Instant due, Instant disposed) {
	}

	/** What it reads of an appeal in the status history. */
	record Appeal(String service, String office, String status, String stage, Instant at) {

		/** The same appeal of an application now under this service and office. */
		Appeal of(Facts application) {
			return new Appeal(application.service(), application.office(), status, stage, at);
		}

	}

	/** Everything an application's figures are made of: its row (null if there is none) and its appeals. */
	record Figures(Facts facts, List<Appeal> appeals) {

		Map<Cell, Counts> contribution(ZoneId zone) {
			return facts == null ? new TreeMap<>(Cell.ORDER) : DailyRollup.contribution(facts, appeals, zone);
		}

		/** The figures once the application's row reads {@code row}: its appeals follow it to its service and office. */
		Figures withRow(Facts row) {
			return new Figures(row, appeals.stream().map(appeal -> appeal.of(row)).toList());
		}

	}

	/** A row an UPDATE returned: what the roll-up reads of it, and what the caller asked for. */
	private record Returned<T>(Facts facts, T row) {
	}

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final String upsert;

	private final boolean postgres;

	DailyRollup(JdbcTemplate template, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.template = template;
		this.jdbc = JdbcClient.create(template);
		this.zone = zone;
		this.upsert = upsertSql(template.getDataSource());
		this.postgres = upsert.startsWith("INSERT"); // the upsert is chosen by the database (upsertSql)
	}

	/**
	 * Runs a write to one application and adds the change of its figures to the roll-up, in the caller's transaction
	 * (every caller is in one). For a write that changes its appeals; an UPDATE of its row goes through
	 * {@link #update}.
	 */
	public <T> T around(long applicationId, Supplier<T> write) {
		Map<Cell, Counts> before = contribution(applicationId);
		T result = write.get();
		append(before, contribution(applicationId));
		return result;
	}

	/**
	 * As {@link #around}, for one {@code UPDATE application ... WHERE id = :id} that leaves the application's appeals
	 * as they were: the row comes back from the UPDATE itself, so the figures after it are taken from that row and
	 * not read again (a status change is such a write, seven times per application). Returns the row as the update
	 * left it, mapped by {@code row}, or empty if the update matched none.
	 */
	public <T> Optional<T> update(long applicationId, String update, Map<String, ?> params, RowMapper<T> row) {
		Figures before = figures(applicationId);
		List<Returned<T>> returned = jdbc.sql(returning(update))
			.params(params)
			.query((rs, n) -> new Returned<>(facts(rs, n), row.mapRow(rs, n)))
			.list();
		if (returned.isEmpty()) {
			return Optional.empty();
		}
		append(before.contribution(zone), before.withRow(returned.get(0).facts()).contribution(zone));
		return Optional.of(returned.get(0).row());
	}

	/** As {@link #update(long, String, Map, RowMapper)}, for a caller that needs nothing of the row. */
	public void update(long applicationId, String update, Map<String, ?> params) {
		update(applicationId, update, params, (rs, n) -> applicationId);
	}

	/** PostgreSQL returns an UPDATE's rows with RETURNING; H2 (the embedded default) reads them from FINAL TABLE. */
	private String returning(String update) {
		return postgres ? update + " RETURNING *" : "SELECT * FROM FINAL TABLE (" + update + ")";
	}

	private void append(Map<Cell, Counts> before, Map<Cell, Counts> after) {
		Map<Cell, Counts> change = new TreeMap<>(Cell.ORDER);
		change.putAll(after);
		before.forEach((cell, counts) -> change.merge(cell, Counts.ZERO.plus(counts, -1), (a, b) -> a.plus(b, 1)));
		change.values().removeIf(Counts::isZero);
		new Writer(template, APPEND).add(change);
	}


	/**
	 * Adds the appended changes to {@code rts_day} and removes them, in one transaction, at most {@code limit} of
	 * them in the order they were appended. The changes are locked as they are read, so two nodes folding at once
	 * never fold one change twice (the second waits, then finds it gone); a change committed meanwhile waits for the
	 * next fold. Returns how many were folded.
	 */
	@Transactional
	public int fold(int limit) {
		List<Long> ids = new ArrayList<>();
		Map<Cell, Counts> change = new TreeMap<>(Cell.ORDER);
		jdbc.sql("SELECT * FROM rts_day_change ORDER BY id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE")
			.query((rs, row) -> {
				ids.add(rs.getLong("id"));
				change.merge(new Cell(rs.getDate("on_day").toLocalDate(), rs.getString("service_code"),
						rs.getString("office_code"), rs.getString("post"), rs.getInt("tenths")),
						new Counts(rs.getLong("received"), rs.getLong("disposed_in_time"), rs.getLong("disposed_late"),
								rs.getLong("disposal_micros"), rs.getLong("appeals_filed"), rs.getLong("appeals_allowed")),
						(a, b) -> a.plus(b, 1));
				return null;
			})
			.list();
		change.values().removeIf(Counts::isZero);
		new Writer(template, upsert).add(change);
		template.batchUpdate("DELETE FROM rts_day_change WHERE id = ?", ids.stream().map(id -> new Object[] { id }).toList());
		return ids.size();
	}

	/**
	 * Counts every application again, in one transaction: the backfill of an upgrade, and what a test that wrote
	 * rows directly calls. The rows are streamed (a million applications are read in batches, not held). On
	 * PostgreSQL the roll-up is locked first, so a write running meanwhile either committed before the count reads
	 * the applications (and is in it) or adds its change after the count commits.
	 */
	@Transactional
	public void rebuild() {
		rebuild(new Writer(template, upsert), zone);
	}

	/** The backfill, on Flyway's connection (RollupBackfill). */
	static void rebuild(Connection connection, ZoneId zone) throws SQLException {
		JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		rebuild(new Writer(template, upsertSql(connection)), zone);
	}

	private static void rebuild(Writer writer, ZoneId zone) {
		if (writer.sql().startsWith("INSERT")) { // PostgreSQL's upsert (upsertSql); H2 has no LOCK TABLE
			writer.template().execute("LOCK TABLE rts_day, rts_day_change IN EXCLUSIVE MODE");
		}
		// Changes not yet folded are in the recount.
		writer.template().update("DELETE FROM rts_day_change");
		JdbcTemplate streaming = new JdbcTemplate(writer.template().getDataSource());
		streaming.setFetchSize(10_000);
		Map<Cell, Counts> all = new TreeMap<>(Cell.ORDER);
		try (Stream<Facts> applications = streaming.queryForStream("""
				SELECT service_code, office_code, status, submitted_at, sla_due_at, disposed_at FROM application
				WHERE submitted_at IS NOT NULL""", DailyRollup::facts)) {
			applications.forEach(facts -> contribution(facts, List.of(), zone)
				.forEach((cell, counts) -> all.merge(cell, counts, (a, b) -> a.plus(b, 1))));
		}
		try (Stream<Appeal> appeals = streaming.queryForStream("""
				SELECT a.service_code, a.office_code, h.status, h.stage, h.occurred_at
				FROM status_history h JOIN application a ON a.id = h.application_id WHERE h.status IN """ + APPEALS,
				(rs, row) -> appeal(rs, "status"))) {
			appeals.forEach(appeal -> all.merge(appealCell(appeal, zone), appealCounts(appeal), (a, b) -> a.plus(b, 1)));
		}
		writer.template().update("DELETE FROM rts_day");
		writer.add(all);
	}

	Map<Cell, Counts> contribution(long applicationId) {
		return figures(applicationId).contribution(zone);
	}

	/** One round trip: the application's row and its appeals. */
	Figures figures(long applicationId) {
		ResultSetExtractor<Figures> figures = rs -> {
			Facts facts = null;
			List<Appeal> appeals = new ArrayList<>();
			while (rs.next()) {
				facts = facts != null ? facts : facts(rs, 0);
				if (rs.getString("appeal_status") != null) {
					appeals.add(appeal(rs, "appeal_status"));
				}
			}
			return new Figures(facts, appeals);
		};
		return jdbc.sql("SELECT a.service_code, a.office_code, a.status, a.submitted_at, a.sla_due_at, a.disposed_at,"
				+ " h.status AS appeal_status, h.stage, h.occurred_at FROM application a LEFT JOIN status_history h"
				+ " ON h.application_id = a.id AND h.status IN " + APPEALS + " WHERE a.id = :id")
			.param("id", applicationId)
			.query(figures);
	}

	/**
	 * An application's figures: received on the day it was submitted, under the post holding it; disposed (on
	 * time or late, with its duration) on the day of its first decision, if it was submitted; each appeal on its day
	 * under the appellate post that hears it. The dashboard's definitions (docs/offices.md).
	 */
	static Map<Cell, Counts> contribution(Facts a, List<Appeal> appeals, ZoneId zone) {
		Map<Cell, Counts> cells = new TreeMap<>(Cell.ORDER);
		String office = a.office() == null ? NO_OFFICE : a.office();
		String post = post(a.status(), a.disposed() != null);
		if (a.submitted() != null) {
			cells.merge(new Cell(day(a.submitted(), zone), a.service(), office, post, NOT_A_DISPOSAL),
					new Counts(1, 0, 0, 0, 0, 0), (x, y) -> x.plus(y, 1));
			if (a.disposed() != null) {
				long micros = micros(a.disposed()) - micros(a.submitted());
				boolean late = a.due() != null && a.disposed().isAfter(a.due());
				cells.merge(
						new Cell(day(a.disposed(), zone), a.service(), office, post,
								(int) Math.max(0, Math.floorDiv(micros, MICROS_PER_TENTH))),
						new Counts(0, late ? 0 : 1, late ? 1 : 0, micros, 0, 0), (x, y) -> x.plus(y, 1));
			}
		}
		for (Appeal appeal : appeals) {
			cells.merge(appealCell(appeal, zone), appealCounts(appeal), (x, y) -> x.plus(y, 1));
		}
		return cells;
	}

	/** The post holding an application now, or the designated officer once it is disposed of. */
	public static String post(String status, boolean disposed) {
		if (disposed) {
			return "designatedOfficer";
		}
		if (WITH_THE_DEALING_ASSISTANT.contains(status)) {
			return "dealingAssistant";
		}
		return switch (status) {
			case "APPEAL_FILED" -> "firstAppellate";
			case "CLARIFICATION_SOUGHT" -> "citizen";
			default -> "designatedOfficer";
		};
	}

	/** The appellate post an appeal's status row belongs to, by its stage's words. */
	public static String appealPost(String stage) {
		return stage != null && stage.toLowerCase(Locale.ROOT).contains("second") ? "secondAppellate" : "firstAppellate";
	}

	private static Cell appealCell(Appeal appeal, ZoneId zone) {
		return new Cell(day(appeal.at(), zone), appeal.service(), appeal.office() == null ? NO_OFFICE : appeal.office(),
				appealPost(appeal.stage()), NOT_A_DISPOSAL);
	}

	private static Counts appealCounts(Appeal appeal) {
		boolean filed = "APPEAL_FILED".equals(appeal.status());
		return new Counts(0, 0, 0, 0, filed ? 1 : 0, filed ? 0 : 1);
	}

	private static LocalDate day(Instant at, ZoneId zone) {
		return LocalDate.ofInstant(at, zone);
	}

	private static long micros(Instant at) {
		return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
	}

	/** What a write appends: no conflict, so no row for concurrent writers to queue on. */
	private static final String APPEND = "INSERT INTO rts_day_change (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Adds changes with {@code sql}, in batches, in the order of their cells (no two folds deadlock). */
	private record Writer(JdbcTemplate template, String sql) {

		void add(Map<Cell, Counts> change) {
			List<Object[]> rows = new ArrayList<>(change.size());
			Map<Cell, Counts> sorted = new TreeMap<>(Cell.ORDER);
			sorted.putAll(change);
			sorted.forEach((cell, c) -> rows.add(new Object[] { java.sql.Date.valueOf(cell.day()), cell.service(),
						cell.office(), cell.post(), cell.tenths(), c.received(), c.disposedInTime(), c.disposedLate(),
						c.disposalMicros(), c.appealsFiled(), c.appealsAllowed() }));
			for (int from = 0; from < rows.size(); from += 5_000) {
				template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5_000)));
			}
		}

	}

	private static Facts facts(ResultSet rs, int row) throws SQLException {
		return new Facts(rs.getString("service_code"), rs.getString("office_code"), rs.getString("status"),
				ApplicationRepository.instant(rs, "submitted_at"), ApplicationRepository.instant(rs, "sla_due_at"),
				ApplicationRepository.instant(rs, "disposed_at"));
	}

	/** @param status the column holding the appeal's status: the roll-up's own read names it apart from the application's */
	private static Appeal appeal(ResultSet rs, String status) throws SQLException {
		return new Appeal(rs.getString("service_code"), rs.getString("office_code"), rs.getString(status),
				rs.getString("stage"), ApplicationRepository.instant(rs, "occurred_at"));
	}

	private static String upsertSql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return upsertSql(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database the roll-up is kept in", ex);
		}
	}

	/**
	 * PostgreSQL's upsert is atomic under concurrent writers; H2 (the embedded default, one node) has no ON CONFLICT
	 * DO UPDATE, and its MERGE does the same.
	 */
	private static String upsertSql(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
			return "INSERT INTO rts_day (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (on_day, service_code, office_code, post, tenths) DO UPDATE SET "
					+ "received = rts_day.received + EXCLUDED.received, "
					+ "disposed_in_time = rts_day.disposed_in_time + EXCLUDED.disposed_in_time, "
					+ "disposed_late = rts_day.disposed_late + EXCLUDED.disposed_late, "
					+ "disposal_micros = rts_day.disposal_micros + EXCLUDED.disposal_micros, "
					+ "appeals_filed = rts_day.appeals_filed + EXCLUDED.appeals_filed, "
					+ "appeals_allowed = rts_day.appeals_allowed + EXCLUDED.appeals_allowed";
		}
		return "MERGE INTO rts_day t USING (VALUES (CAST(? AS DATE), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)), "
				+ "CAST(? AS VARCHAR(40)), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
				+ "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) s(" + COLUMNS + ") "
				+ "ON t.on_day = s.on_day AND t.service_code = s.service_code AND t.office_code = s.office_code "
				+ "AND t.post = s.post AND t.tenths = s.tenths "
				+ "WHEN MATCHED THEN UPDATE SET received = t.received + s.received, "
				+ "disposed_in_time = t.disposed_in_time + s.disposed_in_time, "
				+ "disposed_late = t.disposed_late + s.disposed_late, "
				+ "disposal_micros = t.disposal_micros + s.disposal_micros, "
				+ "appeals_filed = t.appeals_filed + s.appeals_filed, "
				+ "appeals_allowed = t.appeals_allowed + s.appeals_allowed "
				+ "WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s.on_day, s.service_code, s.office_code, s.post, "
				+ "s.tenths, s.received, s.disposed_in_time, s.disposed_late, s.disposal_micros, s.appeals_filed, "
				+ "s.appeals_allowed)";
	}

}
