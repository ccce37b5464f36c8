package org.sevahub.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time used so far, as the operating system counts it, by each part of the machine a lifecycle costs: the node
 * under test, PostgreSQL (every server process of the cluster), and this JVM (Gatling and, for SevaHub, the
 * department MIS and SMS gateway it stands in for). Rates on a shared machine move with its load; the CPU a
 * lifecycle takes barely does, so it is the figure to size on and the one that says where a ratio can go. Of each
 * node's, the part its JIT compiler threads took is counted apart: it is the JVM warming up, not the lifecycle.
 */
record CpuTime(Duration sevahub, Duration sevahubJit, Duration bare, Duration bareJit, Duration postgres,
		Duration generator) {

	static CpuTime of(ProcessHandle sevahub, ProcessHandle bare) {
		// Backends that have ended are counted no longer; the pools' connections live for the whole run.
		Duration postgres = ProcessHandle.allProcesses()
			.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
			.map(CpuTime::cpu)
			.reduce(Duration.ZERO, Duration::plus);
		return new CpuTime(cpu(sevahub), jit(sevahub), cpu(bare), jit(bare), postgres, cpu(ProcessHandle.current()));
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/**
	 * CPU time of the JIT compiler threads (Linux's /proc/PID/task/TID/stat; zero where there is none). The nodes run
	 * with {@code -XX:-UseDynamicNumberOfCompilerThreads} ({@link LoadTestNodes#JVM}): a compiler thread that ended
	 * would take its ticks with it.
	 */
	private static Duration jit(ProcessHandle process) {
		long ticks = 0;
		try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
			for (Path thread : threads.toList()) {
				String stat;
				try {
					stat = Files.readString(thread.resolve("stat"));
				}
				catch (IOException ended) {
					continue;
				}
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
					// After the name: state is field 3, utime 14 and stime 15 of proc(5).
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				}
			}
		}
		catch (IOException | RuntimeException noProc) {
			return Duration.ZERO;
		}
		// proc(5) counts in USER_HZ, which Linux fixes at 100 a second for every architecture it reports to.
		return Duration.ofMillis(ticks * 10);
	}

	CpuTime minus(CpuTime before) {
		return new CpuTime(sevahub.minus(before.sevahub), sevahubJit.minus(before.sevahubJit), bare.minus(before.bare),
				bareJit.minus(before.bareJit), postgres.minus(before.postgres), generator.minus(before.generator));
	}

	/** Milliseconds of CPU per lifecycle of a round of {@code system} ("sevahub" or "bare"). */
	PerLifecycle perLifecycle(String system, int lifecycles) {
		double n = Math.max(1, lifecycles);
		boolean sevahubRound = "sevahub".equals(system);
		return new PerLifecycle(ms(sevahubRound ? sevahub : bare) / n, ms(sevahubRound ? sevahubJit : bareJit) / n,
				ms(postgres) / n, ms(generator) / n);
	}

	private static double ms(Duration duration) {
		return duration.toNanos() / 1e6;
	}

	/** A lifecycle's CPU in milliseconds: the node's (its JIT compiler's part included), PostgreSQL's, this JVM's. */
	record PerLifecycle(double node, double nodeJit, double postgres, double generator) {

		double total() {
			return node + postgres + generator;
		}

		double totalWithoutJit() {
			return total() - nodeJit;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"node %.1f ms (of which its JIT compiler %.1f), PostgreSQL %.1f ms, load generator %.1f ms, in all %.1f ms",
					node, nodeJit, postgres, generator, total());
		}

	}

}
