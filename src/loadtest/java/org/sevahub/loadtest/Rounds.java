package org.sevahub.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Lifecycles completed per round of the load test: a round's rate is its completed lifecycles over the time from
 * its first start to its last completion (for SevaHub, the moment the last application submitted in the round was
 * delivered). Gatling's own report has the per-request figures; this is the throughput the comparison needs.
 */
final class Rounds {

	private static final Map<String, Round> ROUNDS = Collections.synchronizedMap(new LinkedHashMap<>());

	private Rounds() {
	}

	private static long deliveredSoFar;

	/** Reads the machine's CPU counters; set once the nodes run. */
	static volatile Supplier<CpuTime> cpuClock;

	/** The round started last: its CPU window closes when the next one starts (rounds run one after another). */
	private static Round running;

	/** SevaHub's count of delivered applications at the end of the previous round; remembers {@code now} for the next. */
	static synchronized long deliveredBefore(long now) {
		long before = deliveredSoFar;
		deliveredSoFar = now;
		return before;
	}

	static void started(String round) {
		Round r = ROUNDS.computeIfAbsent(round, Round::new);
		if (r.firstStart.compareAndSet(0, System.nanoTime())) {
			closeCpuWindow(r);
		}
	}

	/** The system whose round runs now ("sevahub" or "bare"), or null before the first. */
	static synchronized String runningSystem() {
		return running == null ? null : running.system;
	}

	/** Ends the running round's CPU window at this moment and, if {@code next} is given, opens its window. */
	private static synchronized void closeCpuWindow(Round next) {
		CpuTime now = cpuClock == null ? null : cpuClock.get();
		if (running != null && running.cpuAtStart != null && now != null) {
			running.cpu = now.minus(running.cpuAtStart);
		}
		running = next;
		if (next != null) {
			next.cpuAtStart = now;
		}
	}

	static void completed(String round) {
		completed(round, 1);
	}

	static void completed(String round, int count) {
		Round r = ROUNDS.computeIfAbsent(round, Round::new);
		r.completed.addAndGet(count);
		r.lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
	}

	static double rate(String round) {
		Round r = ROUNDS.get(round);
		if (r == null || r.completed.get() == 0) {
			return 0;
		}
		return r.completed.get() / ((r.lastEnd.get() - r.firstStart.get()) / 1e9);
	}

	/** Every lifecycle completed by one system, warm-up included. */
	static int completedBy(String system) {
		synchronized (ROUNDS) {
			return ROUNDS.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith(system + "-"))
				.mapToInt(e -> e.getValue().completed.get())
				.sum();
		}
	}

	static int completedIn(String round) {
		Round r = ROUNDS.get(round);
		return r == null ? 0 : r.completed.get();
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** Prints and writes (target/gatling/journey-summary.txt) each level's rounds, medians and their ratio. */
	static void report(List<Integer> clientLevels, int rounds, String databaseWork) throws IOException {
		closeCpuWindow(null);
		StringBuilder out = new StringBuilder("\nJOURNEY: SevaHub delivered applications/s against bare Camunda lifecycles/s\n");
		for (int clients : clientLevels) {
			List<Double> sevahub = new ArrayList<>();
			List<Double> bare = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				double s = rate(name("sevahub", clients, round));
				double b = rate(name("bare", clients, round));
				sevahub.add(s);
				bare.add(b);
				ratios.add(b == 0 ? 0 : s / b);
				out.append(String.format(Locale.ROOT, "  %2d clients, round %d: SevaHub %6.2f/s (%d), bare %6.2f/s (%d), ratio %.2f%n",
						clients, round, s, completedIn(name("sevahub", clients, round)), b,
						completedIn(name("bare", clients, round)), b == 0 ? 0 : s / b));
			}
			out.append(String.format(Locale.ROOT, "  %2d clients, medians: SevaHub %6.2f/s, bare %6.2f/s, ratio of medians %.2f, median ratio %.2f%n",
					clients, median(sevahub), median(bare), median(sevahub) / median(bare), median(ratios)));
		}
		out.append("CPU per lifecycle (operating system's counters, medians of the measured rounds; the load generator's"
				+ " includes, for SevaHub, the MIS and SMS gateway it stands in for):\n");
		for (int clients : clientLevels) {
			CpuTime.PerLifecycle sevahub = cpuMedians("sevahub", clients, rounds);
			CpuTime.PerLifecycle bare = cpuMedians("bare", clients, rounds);
			out.append(String.format(Locale.ROOT, "  %2d clients, SevaHub per delivered application: %s%n", clients,
					sevahub));
			out.append(String.format(Locale.ROOT, "  %2d clients, bare Camunda per lifecycle:          %s%n", clients,
					bare));
			out.append(String.format(Locale.ROOT, "  %2d clients, bare's CPU over SevaHub's, in all: %.3f; without the JIT"
					+ " compilers': %.3f%n", clients, bare.total() / sevahub.total(), bare.totalWithoutJit() / sevahub.totalWithoutJit()));
		}
		out.append("PostgreSQL work (pg_stat_database, all rounds with the warm-up):\n").append(databaseWork).append('\n');
		System.out.println(out);
		Path file = Path.of("target", "gatling", "journey-summary.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out.toString());
	}

	/** Per part of the machine, the median over measured rounds of its CPU per lifecycle. */
	private static CpuTime.PerLifecycle cpuMedians(String system, int clients, int rounds) {
		List<CpuTime.PerLifecycle> measured = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			Round r = ROUNDS.get(name(system, clients, round));
			if (r != null && r.cpu != null) {
				measured.add(r.cpu.perLifecycle(system, r.completed.get()));
			}
		}
		if (measured.isEmpty()) {
			return new CpuTime.PerLifecycle(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		return new CpuTime.PerLifecycle(median(measured.stream().map(CpuTime.PerLifecycle::node).toList()),
				median(measured.stream().map(CpuTime.PerLifecycle::nodeJit).toList()),
				median(measured.stream().map(CpuTime.PerLifecycle::postgres).toList()),
				median(measured.stream().map(CpuTime.PerLifecycle::generator).toList()));
	}

	static String name(String system, int clients, int round) {
		return system + "-" + clients + "-r" + round;
	}

	private static final class Round {

		final String system;

		final AtomicLong firstStart = new AtomicLong();

		final AtomicLong lastEnd = new AtomicLong();

		final AtomicInteger completed = new AtomicInteger();

		volatile CpuTime cpuAtStart;

		volatile CpuTime cpu;

		Round(String name) {
			this.system = name.substring(0, name.indexOf('-'));
		}

	}

}
