package org.sevahub.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.DailyRollup;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.office.OfficeTransfers;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard's figures from its daily roll-up equal those of the direct queries over the application rows
 * (DirectRtsFigures), over randomised applications written through the writers the application uses (submission,
 * due dates, status changes with a clarification, disposals at any time of day, withdrawals, first and second appeals
 * filed and allowed, transfers between offices before and after disposal), for periods of a day, a month and the
 * whole span, cut by service, office and post, for all offices and for a scope. The same holds after the backfill
 * counts everything again. The 90th percentile is read from a histogram in tenths of a day: within 0.1 day.
 * Inputs are jqwik arbitraries drawn from a fixed seed, so a failure comes back on the next run. The applications
 * lie in 2018, where nothing else of the test database does.
 */
@SevaHubTest
class RollupMatchesDirectTest {

	static final long SEED = 20261130L;

	static final int ROUNDS = 4;

	static final int APPLICATIONS = 40;

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	static final LocalDate FIRST = LocalDate.of(2018, 3, 1);

	static final List<String> OFFICES = List.of("WB-KOL", "WB-HWH", "UP-LKO");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationRepository applications;

	@Autowired
	StatusHistory history;

	@Autowired
	OfficeTransfers transfers;

	@Autowired
	RtsFigures figures;

	@Autowired
	DailyRollup rollup;

	@Autowired
	PlatformTransactionManager transactions;

	enum Outcome {
		PENDING, CLARIFIED_PENDING, APPROVED, REJECTED, CLARIFIED_APPROVED, CANCELLED
	}

	enum Appeal {
		NONE, FIRST_FILED, FIRST_ALLOWED, SECOND_ALLOWED
	}

	/** One application's life: what happens to it and when (minutes after 1 March 2018, 00:00 in India). */
	record Story(String service, String firstOffice, String laterOffice, boolean transferAfterDisposal, int submittedAt,
			int dueDays, Outcome outcome, int decidedAfter, Appeal appeal, int appealAfter) {
	}

	static Arbitrary<Story> stories() {
		Arbitrary<String> office = Arbitraries.of("WB-KOL", "WB-HWH", "UP-LKO", "");
		Arbitrary<String[]> where = Combinators.combine(Arbitraries.of("BIRTH-CERT", "INCOME-CERT"), office, office)
			.as((service, first, later) -> new String[] { service, first, later });
		Arbitrary<int[]> when = Combinators.combine(Arbitraries.integers().between(0, 60 * 24 * 75),
				Arbitraries.of(3, 7, 15, 30), Arbitraries.integers().between(0, 60 * 24 * 40),
				Arbitraries.integers().between(60, 60 * 24 * 30))
			.as((submitted, due, decided, appealAfter) -> new int[] { submitted, due, decided, appealAfter });
		return Combinators.combine(where, when, Arbitraries.of(true, false), Arbitraries.of(Outcome.class),
				Arbitraries.of(Appeal.class))
			.as((w, t, after, outcome, appeal) -> new Story(w[0], w[1], w[2], after, t[0], t[1], outcome, t[2], appeal,
					t[3]));
	}

	@Test
	void theRollUpGivesTheDirectQueriesFigures() {
		JqwikSession.start();
		try {
			Random random = new Random(SEED);
			var generator = stories().generator(1000);
			for (int round = 0; round < ROUNDS; round++) {
				clean();
				for (int i = 0; i < APPLICATIONS; i++) {
					live(round * 100 + i, generator.next(random).value());
				}
				ClockUtil.reset();
				// Each round moves applications between offices and has appeals decided: what the roll-up must follow.
				assertThat(count("application_event", "kind = 'OFFICE_TRANSFERRED'")).isPositive();
				assertThat(count("status_history", "status = 'APPEAL_ALLOWED'")).isPositive();
				assertThat(count("status_history", "status = 'CANCELLED'")).isPositive();
				Instant now = Instant.now();
				compareAll("round " + round + ", kept live", now);
				// The writes only appended their changes; folded into rts_day, the figures stay the same.
				assertThat(jdbc.sql("SELECT COUNT(*) FROM rts_day_change").query(Long.class).single()).isPositive();
				while (rollup.fold(100) > 0) {
					// in batches smaller than a round's changes, as a backlog is folded
				}
				assertThat(jdbc.sql("SELECT COUNT(*) FROM rts_day_change").query(Long.class).single()).isZero();
				compareAll("round " + round + ", folded", now);
				rollup.rebuild();
				compareAll("round " + round + ", after the backfill", now);
			}
		}
		finally {
			JqwikSession.finish();
			ClockUtil.reset();
		}
	}

	private long count(String table, String condition) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + condition
				+ " AND application_id IN (SELECT id FROM application WHERE application_no LIKE 'RP2018%')")
			.query(Long.class)
			.single();
	}

	private void compareAll(String when, Instant now) {
		DirectRtsFigures direct = new DirectRtsFigures(jdbc, dataSource, figures);
		LocalDate last = FIRST.plusDays(120);
		List<LocalDate[]> periods = List.of(new LocalDate[] { FIRST, last },
				new LocalDate[] { FIRST.plusMonths(1), FIRST.plusMonths(2).minusDays(1) },
				new LocalDate[] { FIRST.plusDays(20), FIRST.plusDays(20) });
		int compared = 0;
		for (LocalDate[] period : periods) {
			Instant start = period[0].atStartOfDay(IST).toInstant();
			Instant end = period[1].plusDays(1).atStartOfDay(IST).toInstant();
			Instant asOf = end.isBefore(now) ? end : now;
			for (RtsFigures.By by : RtsFigures.By.values()) {
				for (Set<String> scope : java.util.Arrays.asList(null, Set.of("WB-HWH", "UP-LKO"))) {
					List<RtsFigures.Row> expected = new ArrayList<>(direct.figures(by, start, end, asOf, scope));
					expected.add(direct.total(expected, start, end, scope));
					RtsFigures.Figures rolled = figures.figures(by, period[0], period[1], asOf, scope);
					List<RtsFigures.Row> actual = new ArrayList<>(rolled.rows());
					actual.add(rolled.total());
					String what = when + ", " + period[0] + " to " + period[1] + " by " + by + " in " + scope;
					assertThat(actual).as(what).hasSameSizeAs(expected);
					for (int i = 0; i < expected.size(); i++) {
						assertSame(what, expected.get(i), actual.get(i));
					}
					compared += expected.size();
				}
			}
		}
		// The fixture is not empty: the figures compared include disposals, pending and appeals.
		assertThat(compared).as(when).isGreaterThan(40);
	}

	private static void assertSame(String what, RtsFigures.Row e, RtsFigures.Row a) {
		assertThat(a.key()).as(what).isEqualTo(e.key());
		assertThat(List.of(a.received(), a.disposedInTime(), a.disposedLate(), a.pendingInTime(), a.pendingBeyond(),
				a.appealsFiled(), a.appealsAllowed()))
			.as(what + ", " + e.key())
			.isEqualTo(List.of(e.received(), e.disposedInTime(), e.disposedLate(), e.pendingInTime(), e.pendingBeyond(),
					e.appealsFiled(), e.appealsAllowed()));
		if (e.disposed() == 0) {
			assertThat(a.averageDays()).as(what + ", " + e.key()).isNull();
			return;
		}
		assertThat(a.averageDays()).as(what + ", average, " + e.key()).isCloseTo(e.averageDays(), within(1e-6));
		assertThat(a.p90Days()).as(what + ", 90th percentile, " + e.key()).isCloseTo(e.p90Days(), within(0.1 + 1e-9));
	}

	/** Whether two rows agree as the dashboard shows them; for the benchmark's check at a million applications. */
	static boolean same(RtsFigures.Row e, RtsFigures.Row a) {
		try {
			assertSame("", e, a);
			return true;
		}
		catch (AssertionError ex) {
			return false;
		}
	}

	/** Writes the story through the application's own writers, with the engine clock at each step's moment. */
	private void live(int n, Story s) {
		Instant submitted = LocalDateTime.of(FIRST, java.time.LocalTime.MIDNIGHT).atZone(IST).toInstant()
			.plus(Duration.ofMinutes(s.submittedAt()));
		at(submitted.minusSeconds(600));
		Application app = applications.insert(new Application(null, "RP2018" + n, s.service(), null, "direct", "DRAFT",
				Map.of(), Set.of(), null, now(), now(), null, null, null, 0), Applicant.empty());
		if (!s.firstOffice().isEmpty()) {
			transfers.transfer(app.applicationNo(), s.firstOffice(), "routed", "test");
		}
		at(submitted);
		applications.markSubmitted(app.id(), submitted);
		applications.setSlaDue(app.id(), submitted.plus(Duration.ofDays(s.dueDays())));
		status(app, "SUBMITTED", "Application submitted");
		status(app, "UNDER_VERIFICATION", "Verification");
		Instant decided = submitted.plus(Duration.ofMinutes(s.decidedAfter()));
		if (s.outcome() == Outcome.CLARIFIED_PENDING || s.outcome() == Outcome.CLARIFIED_APPROVED) {
			at(submitted.plus(Duration.ofMinutes(s.decidedAfter() / 3)));
			status(app, "CLARIFICATION_SOUGHT", "Clarification sought");
			applications.setSlaDue(app.id(), submitted.plus(Duration.ofDays(s.dueDays() + 5)));
			if (s.outcome() == Outcome.CLARIFIED_APPROVED) {
				at(submitted.plus(Duration.ofMinutes(s.decidedAfter() / 2)));
				status(app, "RESUBMITTED", "Resubmitted");
			}
		}
		if (s.outcome() == Outcome.PENDING) {
			at(decided);
			status(app, "FORWARDED", "Forwarded to the designated officer");
		}
		if (s.outcome() == Outcome.CANCELLED) {
			at(decided);
			status(app, "CANCELLED", "Withdrawn");
		}
		boolean disposed = s.outcome() == Outcome.APPROVED || s.outcome() == Outcome.REJECTED
				|| s.outcome() == Outcome.CLARIFIED_APPROVED;
		if (disposed) {
			at(decided);
			status(app, s.outcome() == Outcome.REJECTED ? "REJECTED" : "APPROVED", "Decided");
			Instant appealed = decided.plus(Duration.ofMinutes(s.appealAfter()));
			if (s.appeal() != Appeal.NONE) {
				at(appealed);
				status(app, "APPEAL_FILED", "First appeal lodged");
			}
			if (s.appeal() == Appeal.FIRST_ALLOWED || s.appeal() == Appeal.SECOND_ALLOWED) {
				at(appealed.plus(Duration.ofDays(3)));
				if (s.appeal() == Appeal.SECOND_ALLOWED) {
					status(app, "APPEAL_FILED", "Second appeal lodged");
				}
				status(app, "APPEAL_ALLOWED", s.appeal() == Appeal.SECOND_ALLOWED ? "Second appeal allowed" : "Appeal allowed");
			}
		}
		String current = jdbc.sql("SELECT COALESCE(office_code, '') FROM application WHERE id = :id")
			.param("id", app.id())
			.query(String.class)
			.single();
		if (!s.laterOffice().isEmpty() && !s.laterOffice().equals(current) && (disposed || !s.transferAfterDisposal())) {
			at(now().plus(Duration.ofHours(1)));
			transfers.transfer(app.applicationNo(), s.laterOffice(), "transferred", "test");
		}
	}

	private void status(Application app, String status, String stage) {
		applications.updateStatus(app.id(), status);
		history.append(new StatusHistoryEntry(null, app.id(), status, stage, null, null, null, "test", now()));
	}

	private static void at(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@AfterEach
	/**
	 * Two submissions of the same service, office and day, in two open transactions: the second does not wait for the
	 * first to commit. The roll-up once upserted one rts_day row per cell inside the write, which queued every such
	 * submission behind the last and, under the load test, deadlocked with the engine's locks.
	 */
	@Test
	void writesToTheSameCellDoNotWaitForEachOther() throws Exception {
		clean();
		at(FIRST.atStartOfDay(IST).toInstant());
		Application first = applications.insert(new Application(null, "RP2018901", "BIRTH-CERT", null, "direct", "DRAFT",
				Map.of(), Set.of(), null, now(), now(), null, null, null, 0), Applicant.empty());
		Application second = applications.insert(new Application(null, "RP2018902", "BIRTH-CERT", null, "direct", "DRAFT",
				Map.of(), Set.of(), null, now(), now(), null, null, null, 0), Applicant.empty());
		Instant submitted = FIRST.atTime(11, 0).atZone(IST).toInstant();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
				applications.markSubmitted(first.id(), submitted);
				firstWritten.countDown();
				try {
					// Holds its transaction open until the second has committed, or gives up after a while.
					secondDone.await(15, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(firstWritten.await(15, TimeUnit.SECONDS)).isTrue();
			Future<?> other = threads.submit(() -> transaction.executeWithoutResult(
					status -> applications.markSubmitted(second.id(), submitted)));
			other.get(10, TimeUnit.SECONDS);
			secondDone.countDown();
			holder.get(15, TimeUnit.SECONDS);
		}
		finally {
			secondDone.countDown();
			threads.shutdownNow();
			ClockUtil.reset();
		}
		RtsFigures.Figures day = figures.figures(RtsFigures.By.SERVICE, FIRST, FIRST, Instant.now(), null);
		assertThat(day.total().received()).isEqualTo(2);
		clean();
	}

	void clean() {
		for (String table : List.of("status_history", "application_event")) {
			jdbc.sql("DELETE FROM " + table + " WHERE application_id IN (SELECT id FROM application WHERE application_no LIKE 'RP2018%')")
				.update();
		}
		jdbc.sql("DELETE FROM application WHERE application_no LIKE 'RP2018%'").update();
		// The rows went by SQL, not through the writers: count again, as an upgrade's backfill does.
		rollup.rebuild();
	}

}
