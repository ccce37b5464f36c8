package org.sevahub.delivery;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued messages: per (application, portal) strictly in order, other applications in parallel, at most
 * {@code per-portal-concurrency} in flight to one portal from this node. Transient faults back off
 * exponentially with full jitter; a rejection, or faults for longer than {@code park-after}, park the message
 * and raise a Camunda incident on the application's process. Claims are database leases, so any number of
 * nodes share the queue and a dead node's messages are taken over when its leases run out.
 */
@Component
public class DeliveryDispatcher {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryRepository deliveries;

	private final TransactionTemplate transactions;

	private final DeliveryOutbox outbox;

	private final DeliveryProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Long.toHexString(System.nanoTime());

	private final ExecutorService workers = Executors.newCachedThreadPool(daemon("delivery-worker"));

	private final ExecutorService calls = Executors.newCachedThreadPool(daemon("delivery-call"));

	private final Map<String, Semaphore> portalSlots = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Outcomes of sends started by {@link #pump()}, recorded in batches by one thread. */
	private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

	private final Thread recorder = new Thread(this::recordOutcomes, "delivery-recorder");

	private volatile boolean stopping;

	DeliveryDispatcher(DeliveryRepository deliveries, TransactionTemplate transactions, DeliveryOutbox outbox,
			DeliveryProperties properties, RuntimeService runtime, AuditTrail audit) {
		this.deliveries = deliveries;
		this.audit = audit;
		this.transactions = transactions;
		this.outbox = outbox;
		this.properties = properties;
		this.runtime = runtime;
		this.recorder.setDaemon(true);
		this.recorder.start();
	}

	@Scheduled(fixedDelayString = "${sevahub.delivery.poll-interval}")
	void poll() {
		if (properties.enabled()) {
			pump();
		}
	}

	/**
	 * Keeps up to a batch in flight, claiming more as outcomes are recorded; returns without waiting for them.
	 * Synchronized: the poll and the recorder both pump, and one claim at a time keeps the count of room exact.
	 */
	synchronized void pump() {
		int room;
		while (!stopping && (room = properties.batchSize() - inFlight.get()) > 0) {
			List<QueuedMessage> claimed = claim(room);
			long claimedAt = System.nanoTime();
			claimed.forEach(message -> {
				inFlight.incrementAndGet();
				workers.submit(() -> {
					try {
						outcomes.add(send(message, claimedAt));
					}
					catch (RuntimeException | Error ex) {
						inFlight.decrementAndGet();
						throw ex;
					}
				});
			});
			if (claimed.size() < room) {
				return;
			}
		}
	}

	/** The recorder thread: waits for outcomes, takes all that have arrived, records them in one transaction. */
	private void recordOutcomes() {
		while (true) {
			List<Outcome> batch = new ArrayList<>();
			try {
				batch.add(outcomes.take());
			}
			catch (InterruptedException ex) {
				return;
			}
			outcomes.drainTo(batch, 500);
			try {
				record(batch);
			}
			catch (RuntimeException ex) {
				// Left leased: another attempt follows when the lease runs out, and the portal sees a resend.
				log.error("Could not record {} delivery outcomes", batch.size(), ex);
			}
			finally {
				inFlight.addAndGet(-batch.size());
			}
			if (properties.enabled() && !stopping) {
				try {
					pump();
				}
				catch (RuntimeException ex) {
					log.warn("Claiming after a recorded batch failed; the next poll claims again", ex);
				}
			}
		}
	}

	/**
	 * Sends everything due now, waits for the outcomes, and repeats until nothing is due: how tests and the
	 * benchmark drive the queue without the scheduler. Returns how many sends were attempted.
	 */
	public int dispatchDue() {
		int attempted = 0;
		List<QueuedMessage> claimed;
		while (!(claimed = claim(properties.batchSize())).isEmpty()) {
			long claimedAt = System.nanoTime();
			List<Future<Outcome>> running = claimed.stream()
				.map(m -> workers.submit(() -> send(m, claimedAt)))
				.toList();
			List<Outcome> batch = new ArrayList<>();
			for (Future<Outcome> future : running) {
				try {
					batch.add(future.get());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return attempted;
				}
				catch (Exception ex) {
					log.error("Delivery worker failed", ex);
				}
			}
			record(batch);
			attempted += claimed.size();
		}
		return attempted;
	}

	/**
	 * An admin fixed the cause: the parked message goes back to the queue and its incident is resolved (through
	 * the incident handler, the same path as resolving it in the engine).
	 */
	public boolean retry(long deliveryId) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Optional<Delivery> delivery = deliveries.find(deliveryId);
			if (delivery.isEmpty() || delivery.get().state() != DeliveryState.PARKED) {
				return false;
			}
			String incidentId = delivery.get().incidentId();
			if (incidentId != null && runtime.createIncidentQuery().incidentId(incidentId).count() == 1) {
				runtime.resolveIncident(incidentId);
				return true;
			}
			return deliveries.requeue(deliveryId, EngineClock.now());
		}));
	}

	private List<QueuedMessage> claim(int limit) {
		Instant now = EngineClock.now();
		return transactions.execute(status -> deliveries.claim(node, now, now.plus(properties.lease()), limit));
	}

	/**
	 * The portal's answer, with the audit records the connector made while sending (held, to be written with the
	 * outcome). The answer is null when the message did not go out: this node began stopping, or the message waited
	 * for a send slot so long that its lease could run out during the call.
	 *
	 * @param claimedAt {@link System#nanoTime()} when the lease was taken (real time: tests move the engine's clock)
	 */
	private Outcome send(QueuedMessage message, long claimedAt) {
		PortalConnector connector = outbox.connector(message.portal());
		if (connector == null) {
			return new Outcome(message, new SendResult.TransientFailure("Portal " + message.portal() + " is switched off"),
					List.of());
		}
		AuditTrail.Held held = new AuditTrail.Held();
		SendResult result = call(connector, message, claimedAt, held);
		return new Outcome(message, result, held.release());
	}

	/**
	 * One transaction for a batch of outcomes: everything delivered in one statement per portal, the rest (retries,
	 * parking) one by one as before. Messages that did not go out are handed back to the queue at once.
	 */
	private void record(List<Outcome> batch) {
		try {
			recordTogether(batch);
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				keepTrace(batch.get(0));
				throw ex;
			}
			// One outcome's trouble (an incident that cannot be raised, say) must not undo the others.
			log.warn("Recording {} delivery outcomes together failed; recording them one by one", batch.size(), ex);
			for (Outcome outcome : batch) {
				try {
					recordTogether(List.of(outcome));
				}
				catch (RuntimeException single) {
					log.error("Could not record the outcome of delivery {}", outcome.message().deliveryId(), single);
					keepTrace(outcome);
				}
			}
		}
	}

	/** An outcome that could not be recorded is sent again when its lease runs out; this send keeps its trace. */
	private void keepTrace(Outcome outcome) {
		try {
			audit.writeApart(outcome.audits());
		}
		catch (RuntimeException ex) {
			log.error("Could not write the audit records of delivery {}", outcome.message().deliveryId(), ex);
		}
	}

	private void recordTogether(List<Outcome> batch) {
		Instant now = EngineClock.now();
		DeliveryMetrics metrics = outbox.metrics();
		transactions.executeWithoutResult(status -> {
			audit.write(batch.stream().flatMap(outcome -> outcome.audits().stream()).toList());
			Map<String, List<Long>> delivered = new HashMap<>();
			List<Long> unsent = new ArrayList<>();
			for (Outcome outcome : batch) {
				if (outcome.result() instanceof SendResult.Delivered || outcome.result() instanceof SendResult.AlreadyReceived) {
					delivered.computeIfAbsent(outcome.message().portal(), p -> new ArrayList<>())
						.add(outcome.message().deliveryId());
				}
				else if (outcome.result() != null) {
					record(outcome.message(), outcome.result());
				}
				else {
					unsent.add(outcome.message().deliveryId());
				}
			}
			if (!unsent.isEmpty()) {
				deliveries.handBack(node, unsent);
			}
			delivered.forEach((portal, ids) -> {
				int recorded = deliveries.markDelivered(ids, node, now);
				for (int i = 0; i < recorded; i++) {
					metrics.sent(portal);
				}
			});
		});
	}

	private SendResult call(PortalConnector connector, QueuedMessage message, long claimedAt, AuditTrail.Held held) {
		Semaphore slots = portalSlots.computeIfAbsent(message.portal(),
				p -> new Semaphore(properties.perPortalConcurrency()));
		try {
			slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendResult.TransientFailure("Interrupted while waiting for a slot");
		}
		// Half the lease is left for the call itself: a message that queued longer for its slot (a slow portal, a
		// starved machine) goes back unsent, rather than out while another node may already have taken it over.
		if (stopping || System.nanoTime() - claimedAt > properties.lease().toNanos() / 2) {
			slots.release();
			return null;
		}
		Future<SendResult> call = calls.submit(() -> audit.holding(held, () -> connector.send(message)));
		try {
			return call.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			return new SendResult.TransientFailure("No answer within " + properties.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendResult.TransientFailure("Interrupted");
		}
		catch (Exception ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			return new SendResult.TransientFailure(cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
		finally {
			slots.release();
		}
	}

	/** A message that was not delivered: retried later, or parked. Runs in the batch's transaction. */
	private void record(QueuedMessage message, SendResult result) {
		Instant now = EngineClock.now();
		DeliveryMetrics metrics = outbox.metrics();
		if (result instanceof SendResult.Rejected rejected) {
			park(message, "Rejected by " + message.portal() + ": " + rejected.reason());
		}
		else if (result instanceof SendResult.TransientFailure failure) {
			Instant firstAttempt = deliveries.firstAttemptAt(message.deliveryId()).orElse(now);
			if (!now.isBefore(firstAttempt.plus(properties.parkAfter()))) {
				park(message, "Failing since " + firstAttempt + " (" + message.attempt() + " attempts): "
						+ failure.reason());
			}
			else if (deliveries.retryLater(message.deliveryId(), node, now.plus(backoff(message.attempt())),
					failure.reason())) {
				metrics.retried(message.portal());
			}
		}
	}

	private void park(QueuedMessage message, String reason) {
		if (!deliveries.park(message.deliveryId(), node, reason)) {
			return;
		}
		outbox.metrics().parked(message.portal());
		log.warn("Parked delivery {} #{} of application {} to {}: {}", message.deliveryId(), message.seq(),
				message.applicationNo(), message.portal(), reason);
		// An ended process can carry no incident; the admin page still lists the parked message.
		deliveries.processInstanceOf(message.deliveryId()).flatMap(this::waitingExecution).ifPresent(execution -> {
			Incident incident = runtime.createIncident(DeliveryIncidents.TYPE, execution,
					String.valueOf(message.deliveryId()),
					truncate(message.portal() + " #" + message.seq() + " (" + message.status() + "): " + reason));
			deliveries.recordIncident(message.deliveryId(), incident.getId());
		});
	}

	/** An execution where the process waits now: incidents hang on an activity, not on the bare instance. */
	private Optional<String> waitingExecution(String processInstanceId) {
		ActivityInstance root = runtime.getActivityInstance(processInstanceId);
		if (root == null) {
			return Optional.empty();
		}
		ActivityInstance leaf = root;
		while (leaf.getChildActivityInstances().length > 0) {
			leaf = leaf.getChildActivityInstances()[0];
		}
		return leaf == root || leaf.getExecutionIds().length == 0 ? Optional.empty()
				: Optional.of(leaf.getExecutionIds()[0]);
	}

	/** Exponential from the base, capped, with full jitter so a recovering portal is not hit all at once. */
	Duration backoff(int attempt) {
		long base = properties.backoffBase().toMillis();
		long capped = Math.min(properties.backoffMax().toMillis(), base * (1L << Math.min(attempt - 1, 20)));
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	/**
	 * Calls in flight finish (up to the send timeout) and are recorded; messages claimed but not yet sent go back
	 * to the queue at once rather than waiting for their lease to run out on another node.
	 */
	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		workers.shutdown();
		workers.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		calls.shutdownNow();
		recorder.interrupt();
		recorder.join(properties.timeout().toMillis());
		List<Outcome> last = new ArrayList<>();
		outcomes.drainTo(last);
		if (!last.isEmpty()) {
			record(last);
		}
		Integer handedBack = transactions.execute(status -> deliveries.handBack(node));
		if (handedBack != null && handedBack > 0) {
			log.info("Handed back {} claimed deliveries to the queue", handedBack);
		}
	}

	/**
	 * @param result null when the message did not go out (see {@link #send})
	 * @param audits the connector's records of the send, written in the transaction that records the outcome
	 */
	private record Outcome(QueuedMessage message, SendResult result, List<AuditTrail.Entry> audits) {
	}

	private static String truncate(String text) {
		return text.length() <= 1900 ? text : text.substring(0, 1900);
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
