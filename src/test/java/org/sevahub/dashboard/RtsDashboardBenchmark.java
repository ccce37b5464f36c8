package org.sevahub.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sevahub.application.DailyRollup;
import org.sevahub.testsupport.SevaHubBenchmark;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's queries over a million applications, generated in PostgreSQL with generate_series (three
 * services, nine offices, January 2022 to late 2023; 70 % disposed, a quarter of them rejected, in 0-22 days against a
 * 15-day due date; 20 % pending; 10 % withdrawn; a status row per submission and decision, appeals for a fifth of the
 * rejections). The test database is emptied at each run (FreshTestDatabase), so the data is generated anew. Run against a
 * database of its own, never the shared test one:
 * {@code SEVAHUB_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/<its own database> ./mvnw -Pbench test -Dtest=RtsDashboardBenchmark}.
 * Prints the median of 7 runs of each query set from the daily roll-up beside 3 runs of the direct queries it
 * replaced (DirectRtsFigures), checks that both give the same figures, and the whole page over HTTP; figures in
 * BENCHMARKS.md.
 */
@SevaHubBenchmark
class RtsDashboardBenchmark {

	static final int APPLICATIONS = 1_000_000;

	static final int RUNS = 7;

	/** The direct queries take seconds over a year: three runs of them. */
	static final int DIRECT_RUNS = 3;

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RtsFigures figures;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DailyRollup rollup;

	@Autowired
	javax.sql.DataSource dataSource;

	/** Differences between the roll-up's figures and the direct queries', reported at the end. */
	final List<String> differences = new ArrayList<>();

	@Test
	void aMillionApplications() {
		long have = jdbc.sql("SELECT COUNT(*) FROM application WHERE application_no LIKE 'BM%'").query(Long.class).single();
		if (have < APPLICATIONS) {
			long started = System.nanoTime();
			generate();
			System.out.printf("generated %d applications in %.1f s%n", APPLICATIONS, (System.nanoTime() - started) / 1e9);
		}
		// The rows were written by SQL, as an upgrading installation's are: the backfill counts them.
		long counting = System.nanoTime();
		rollup.rebuild();
		System.out.printf("roll-up rebuilt (the backfill) in %.1f s: %d rows%n", (System.nanoTime() - counting) / 1e9,
				jdbc.sql("SELECT COUNT(*) FROM rts_day").query(Long.class).single());
		jdbc.sql("VACUUM ANALYZE rts_day").update();
		jdbc.sql("VACUUM ANALYZE application").update();
		jdbc.sql("VACUUM ANALYZE status_history").update();
		System.out.println("applications in the database: "
				+ jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single());

		measure("one month, by service, all offices", RtsFigures.By.SERVICE, LocalDate.of(2023, 6, 1),
				LocalDate.of(2023, 6, 30), null);
		measure("one month, by office, all offices", RtsFigures.By.OFFICE, LocalDate.of(2023, 6, 1),
				LocalDate.of(2023, 6, 30), null);
		measure("one month, by post, all offices", RtsFigures.By.POST, LocalDate.of(2023, 6, 1),
				LocalDate.of(2023, 6, 30), null);
		measure("one month, by service, West Bengal's offices", RtsFigures.By.SERVICE, LocalDate.of(2023, 6, 1),
				LocalDate.of(2023, 6, 30), Set.of("WB", "WB-KOL", "WB-HWH", "WB-HWH-ULB"));
		measure("a whole year, by office, all offices", RtsFigures.By.OFFICE, LocalDate.of(2023, 1, 1),
				LocalDate.of(2023, 12, 31), null);

		List<Long> page = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			String body = http.withBasicAuth("demo", "demo")
				.getForObject("/admin/dashboard?from=2023-06-01&to=2023-06-30&by=office", String.class);
			page.add(System.nanoTime() - started);
			if (body == null || !body.contains("dashboard-figures")) {
				throw new IllegalStateException("The dashboard did not answer with its figures");
			}
		}
		System.out.printf("%-50s median %6.1f ms%n", "the page over HTTP (one month, by office)", median(page));
		System.out.println(jdbc.sql("""
				EXPLAIN (ANALYZE, BUFFERS) SELECT a.service_code, COUNT(*) FROM application a
				WHERE a.disposed_at IS NULL AND a.submitted_at < '2023-07-01' AND a.status <> 'CANCELLED' GROUP BY 1""")
			.query(String.class)
			.list()
			.stream()
			.reduce("", (a, b) -> a + "\n  " + b));
		if (!differences.isEmpty()) {
			throw new AssertionError("The roll-up differs from the direct queries:\n" + String.join("\n", differences));
		}
	}

	private void measure(String what, RtsFigures.By by, LocalDate from, LocalDate to, Set<String> offices) {
		Instant start = from.atStartOfDay(IST).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(IST).toInstant();
		DirectRtsFigures direct = new DirectRtsFigures(jdbc, dataSource, figures);
		List<Long> directTimes = new ArrayList<>();
		List<RtsFigures.Row> directRows = null;
		RtsFigures.Row directTotal = null;
		for (int i = 0; i < DIRECT_RUNS; i++) {
			long started = System.nanoTime();
			directRows = direct.figures(by, start, end, end, offices);
			directTotal = direct.total(directRows, start, end, offices);
			directTimes.add(System.nanoTime() - started);
		}
		List<Long> times = new ArrayList<>();
		RtsFigures.Figures rolled = null;
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			rolled = figures.figures(by, from, to, end, offices);
			times.add(System.nanoTime() - started);
		}
		System.out.printf("%-50s direct median %7.1f ms, roll-up median %6.1f ms (received %d)%n", what,
				median(directTimes), median(times), rolled.total().received());
		List<RtsFigures.Row> expected = new ArrayList<>(directRows);
		expected.add(directTotal);
		List<RtsFigures.Row> actual = new ArrayList<>(rolled.rows());
		actual.add(rolled.total());
		for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
			RtsFigures.Row e = i < expected.size() ? expected.get(i) : null;
			RtsFigures.Row a = i < actual.size() ? actual.get(i) : null;
			if (e == null || a == null || !RollupMatchesDirectTest.same(e, a)) {
				differences.add(what + ": direct " + e + ", roll-up " + a);
			}
		}
	}

	private static double median(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2) / 1e6;
	}

	private void generate() {
		jdbc.sql("DELETE FROM status_history WHERE application_id IN (SELECT id FROM application WHERE application_no LIKE 'BM%')")
			.update();
		jdbc.sql("DELETE FROM application WHERE application_no LIKE 'BM%'").update();
		long applicant = jdbc.sql("INSERT INTO applicant (name_en) VALUES ('Benchmark') RETURNING id")
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO application (application_no, service_code, applicant_id, channel, status, form_data,
				    locked_fields, created_at, updated_at, submitted_at, sla_due_at, disposed_at, office_code)
				SELECT 'BM' || lpad(g::text, 8, '0'),
				       (ARRAY['BIRTH-CERT', 'INCOME-CERT', 'OLD-AGE-PENSION'])[1 + g % 3],
				       :applicant, 'direct',
				       CASE WHEN g % 10 < 7 THEN CASE WHEN g % 4 = 0 THEN 'REJECTED' ELSE 'DELIVERED' END
				            WHEN g % 10 = 7 THEN 'UNDER_VERIFICATION' WHEN g % 10 = 8 THEN 'FORWARDED'
				            ELSE 'CANCELLED' END,
				       '{}', '[]', sub, sub, sub, sub + interval '15 days',
				       CASE WHEN g % 10 < 7 THEN sub + (g % 23) * interval '1 day' + (g % 600) * interval '1 minute' END,
				       (ARRAY['WB-KOL', 'WB-HWH', 'WB-HWH-ULB', 'UP-LKO', 'UP-LKO-SDR', 'UP-KNP', 'MH-PUN', 'MH-PUN-HVL',
				              'MH-MUM'])[1 + (g / 7) % 9]
				FROM (SELECT g, timestamptz '2022-01-01 00:00+05:30' + g * interval '63 seconds' AS sub
				      FROM generate_series(1, :n) g) x""")
			.param("applicant", applicant)
			.param("n", APPLICATIONS)
			.update();
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, actor, occurred_at)
				SELECT id, 'SUBMITTED', 'Application submitted', 'citizen', submitted_at FROM application
				WHERE application_no LIKE 'BM%'""").update();
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, actor, occurred_at)
				SELECT id, status, 'Decided', 'officer', disposed_at FROM application
				WHERE application_no LIKE 'BM%' AND disposed_at IS NOT NULL""").update();
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, actor, occurred_at)
				SELECT id, 'APPEAL_FILED', 'First appeal lodged', 'citizen', disposed_at + interval '5 days' FROM application
				WHERE application_no LIKE 'BM%' AND status = 'REJECTED' AND id % 5 = 0""").update();
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, actor, occurred_at)
				SELECT id, 'APPEAL_ALLOWED', 'Appeal allowed', 'appellate1', disposed_at + interval '20 days'
				FROM application WHERE application_no LIKE 'BM%' AND status = 'REJECTED' AND id % 10 = 0""").update();
	}

}
