package org.sevahub.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubBenchmark;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How much the outbox costs: the same signed webhook posts to the same local receiver, sent (a) through the
 * outbox and its dispatcher, (b) by a plain loop calling the connector, (c) by a plain loop on as many threads as
 * the dispatcher uses per portal; rounds alternate so the machine's noise falls on all three alike. Then the
 * added latency from a status change to its send, with the dispatcher polling as configured.
 * <p>
 * The dispatcher runs switched on, as on a node (the tests' profile switches it off): its recorder then claims
 * again after each recorded batch, and its scheduled poll runs. The harness only starts a round with one pump and
 * watches the queue empty at a pace that adds no load of its own.
 * Run: {@code ./mvnw -Pbench test -Dtest=DeliveryBenchmark}. Figures: BENCHMARKS.md.
 */
@SevaHubBenchmark
@TestPropertySource(properties = "sevahub.delivery.enabled=true")
class DeliveryBenchmark {

	static final int ROUNDS = 5;

	static final int APPLICATIONS = 50;

	static final int PER_APPLICATION = 20;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryProperties properties;

	@Autowired
	ApplicationService applications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void outboxAgainstAPlainLoop() throws Exception {
		PortalConnector webhook = outbox.connector("webhook");
		List<Application> apps = new ArrayList<>();
		for (int i = 0; i < APPLICATIONS; i++) {
			apps.add(applications.create(NewApplication.direct("BIRTH-CERT", ProcessDriver.validForm("BIRTH-CERT"))));
		}
		drain();
		int messages = APPLICATIONS * PER_APPLICATION;
		List<Double> outboxRates = new ArrayList<>();
		List<Double> plainRates = new ArrayList<>();
		List<Double> parallelRates = new ArrayList<>();
		for (int round = 0; round <= ROUNDS; round++) {
			queue(apps, round);
			long t0 = System.nanoTime();
			drain();
			double outboxRate = messages / seconds(t0);

			List<QueuedMessage> plain = plainMessages(round, "P");
			t0 = System.nanoTime();
			for (QueuedMessage m : plain) {
				assertDelivered(webhook.send(m));
			}
			double plainRate = messages / seconds(t0);

			List<QueuedMessage> parallel = plainMessages(round, "Q");
			ExecutorService threads = Executors.newFixedThreadPool(properties.perPortalConcurrency());
			t0 = System.nanoTime();
			List<Future<SendResult>> sent = new ArrayList<>();
			for (QueuedMessage m : parallel) {
				sent.add(threads.submit(() -> webhook.send(m)));
			}
			for (Future<SendResult> f : sent) {
				assertDelivered(f.get());
			}
			double parallelRate = messages / seconds(t0);
			threads.shutdown();
			if (round > 0) { // round 0 warms the JIT and the connection pools
				outboxRates.add(outboxRate);
				plainRates.add(plainRate);
				parallelRates.add(parallelRate);
			}
		}
		double outboxMedian = median(outboxRates);
		double plainMedian = median(plainRates);
		double parallelMedian = median(parallelRates);
		System.out.printf("%nDELIVERY THROUGHPUT (%d messages a round, %d rounds, medians)%n", messages, ROUNDS);
		System.out.printf("  outbox + dispatcher (%d per portal): %8.1f msg/s%n", properties.perPortalConcurrency(),
				outboxMedian);
		System.out.printf("  plain loop, 1 thread:               %8.1f msg/s  (outbox/plain = %.2f)%n", plainMedian,
				outboxMedian / plainMedian);
		System.out.printf("  plain loop, %d threads:              %8.1f msg/s  (outbox/plain = %.2f)%n",
				properties.perPortalConcurrency(), parallelMedian, outboxMedian / parallelMedian);

		latency(apps);
	}

	/**
	 * Statuses arrive at a steady 100 a second (each its own transaction, as a process step's) while the dispatcher
	 * runs as on a node, polling as configured; time from queue to send.
	 */
	private void latency(List<Application> apps) throws Exception {
		drain();
		long since = System.currentTimeMillis();
		int changes = 1000;
		long start = System.nanoTime();
		for (int i = 0; i < changes; i++) {
			Application app = apps.get(i % apps.size());
			transactions.executeWithoutResult(status -> outbox.enqueue(app, "webhook", "BENCH",
					new OutboundMessage("status", event(app.applicationNo(), "LATENCY"))));
			long due = start + (i + 1) * 10_000_000L;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}
		double rate = changes / seconds(start);
		while (pending() > 0) {
			Thread.sleep(50);
		}
		List<Long> millis = jdbc.sql("""
				SELECT d.created_at, d.delivered_at FROM delivery d
				WHERE d.status = 'BENCH' AND d.kind = 'status' AND d.delivered_at IS NOT NULL AND d.created_at >= :since""")
			.param("since", java.time.OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(since), java.time.ZoneOffset.UTC))
			.query((rs, row) -> Duration.between(org.sevahub.application.ApplicationRepository.instant(rs, "created_at"),
					org.sevahub.application.ApplicationRepository.instant(rs, "delivered_at")).toMillis())
			.list();
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.printf("%nSTATUS CHANGE TO SEND (%d changes at %.0f/s, poll interval %d ms)%n", sorted.size(), rate,
				properties.pollInterval().toMillis());
		System.out.printf("  median %d ms, p99 %d ms, max %d ms%n", sorted.get(sorted.size() / 2),
				sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(sorted.size() - 1));
	}

	/**
	 * A round's messages in one transaction: the running dispatcher sees none of them before the round's clock
	 * starts, so none is sent outside the timing.
	 */
	private void queue(List<Application> apps, int round) {
		transactions.executeWithoutResult(status -> {
			for (Application app : apps) {
				for (int i = 0; i < PER_APPLICATION; i++) {
					outbox.enqueue(app, "webhook", "BENCH-" + round,
							new OutboundMessage("status", event(app.applicationNo(), "ROUND-" + round)));
				}
			}
		});
	}

	private List<QueuedMessage> plainMessages(int round, String prefix) {
		List<QueuedMessage> list = new ArrayList<>();
		for (int a = 0; a < APPLICATIONS; a++) {
			String no = prefix + round + "-" + a + "-" + System.nanoTime();
			for (int i = 1; i <= PER_APPLICATION; i++) {
				list.add(new QueuedMessage(0, 0, no, "webhook", i, "status", "BENCH", event(no, "ROUND-" + round), 1));
			}
		}
		return list;
	}

	/** Starts the dispatcher on what is queued and waits until nothing is pending; the dispatcher claims on its own. */
	private void drain() throws InterruptedException {
		dispatcher.pump();
		while (pending() > 0) {
			Thread.sleep(20);
		}
	}

	private long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING' AND portal = 'webhook'"
				+ " AND next_attempt_at <= CURRENT_TIMESTAMP").query(Long.class).single();
	}

	private static String event(String applicationNo, String status) {
		return "{\"event\":\"application.status\",\"applicationNo\":\"" + applicationNo + "\",\"serviceCode\":\"BIRTH-CERT\","
				+ "\"status\":\"" + status + "\",\"stage\":\"Benchmark\",\"occurredAt\":\"2026-11-25T00:00:00Z\"}";
	}

	private static void assertDelivered(SendResult result) {
		if (!(result instanceof SendResult.Delivered)) {
			throw new IllegalStateException("Benchmark send failed: " + result);
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
