package org.sevahub.delivery;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Long.toHexString(System.nanoTime());

	private final ExecutorService workers = Executors.newCachedThreadPool(daemon("delivery-worker"));

	private final ExecutorService calls = Executors.newCachedThreadPool(daemon("delivery-call"));

	private final Map<String, Semaphore> portalSlots = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	DeliveryDispatcher(DeliveryRepository deliveries, TransactionTemplate transactions, DeliveryOutbox outbox,
			DeliveryProperties properties, RuntimeService runtime) {
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.outbox = outbox;
		this.properties = properties;
		this.runtime = runtime;
	}

	@Scheduled(fixedDelayString = "${sevahub.delivery.poll-interval}")
	void poll() {
		if (properties.enabled()) {
			pump();
		}
	}

	/** Keeps up to a batch in flight, claiming more as sends finish; returns without waiting for them. */
	void pump() {
		int room;
		while ((room = properties.batchSize() - inFlight.get()) > 0) {
			List<QueuedMessage> claimed = claim(room);
			claimed.forEach(message -> {
				inFlight.incrementAndGet();
				workers.submit(() -> {
					try {
						sendOne(message);
					}
					finally {
						inFlight.decrementAndGet();
					}
				});
			});
			if (claimed.size() < room) {
				return;
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
			List<Future<?>> running = claimed.stream().<Future<?>>map(m -> workers.submit(() -> sendOne(m))).toList();
			for (Future<?> future : running) {
				try {
					future.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return attempted;
				}
				catch (Exception ex) {
					log.error("Delivery worker failed", ex);
				}
			}
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

	private void sendOne(QueuedMessage message) {
		PortalConnector connector = outbox.connector(message.portal());
		SendResult result = connector == null
				? new SendResult.TransientFailure("Portal " + message.portal() + " is switched off")
				: call(connector, message);
		record(message, result);
	}

	private SendResult call(PortalConnector connector, QueuedMessage message) {
		Semaphore slots = portalSlots.computeIfAbsent(message.portal(),
				p -> new Semaphore(properties.perPortalConcurrency()));
		try {
			slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendResult.TransientFailure("Interrupted while waiting for a slot");
		}
		Future<SendResult> call = calls.submit(() -> connector.send(message));
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

	private void record(QueuedMessage message, SendResult result) {
		Instant now = EngineClock.now();
		DeliveryMetrics metrics = outbox.metrics();
		transactions.executeWithoutResult(status -> {
			if (result instanceof SendResult.Delivered || result instanceof SendResult.AlreadyReceived) {
				if (deliveries.markDelivered(message.deliveryId(), node, now)) {
					metrics.sent(message.portal());
				}
			}
			else if (result instanceof SendResult.Rejected rejected) {
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
		});
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

	@PreDestroy
	void stop() throws InterruptedException {
		workers.shutdown();
		workers.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		calls.shutdownNow();
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
