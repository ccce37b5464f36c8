package org.sevahub.delivery;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued messages: per (application, portal) strictly in order, other applications in parallel.
 * Claims are leases in the database, so several nodes share the work and a crashed node's messages are taken
 * over once its lease runs out. Transient faults back off exponentially with jitter; a rejection, or too many
 * faults in a row, parks the message and raises a Camunda incident on the application's process.
 */
@Component
public class DeliveryDispatcher {

	/** The incident type Cockpit shows for a parked delivery. */
	public static final String INCIDENT_TYPE = "portalDelivery";

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DeliveryOutbox outbox;

	private final DeliveryProperties properties;

	private final RuntimeService runtime;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	private final ExecutorService senders = Executors.newCachedThreadPool();

	private final Map<String, Semaphore> portalSlots = new ConcurrentHashMap<>();

	DeliveryDispatcher(JdbcClient jdbc, TransactionTemplate transactions, DeliveryOutbox outbox,
			DeliveryProperties properties, RuntimeService runtime) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.properties = properties;
		this.runtime = runtime;
	}

	@Scheduled(fixedDelayString = "${sevahub.delivery.poll-interval}")
	void poll() {
		if (properties.enabled()) {
			dispatchDue();
		}
	}

	/** Sends everything due now, once; returns how many messages were attempted. */
	public int dispatchDue() {
		List<QueuedMessage> claimed = claim(EngineClock.now());
		List<Future<?>> running = new ArrayList<>();
		for (QueuedMessage message : claimed) {
			running.add(senders.submit(() -> sendOne(message)));
		}
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (Exception ex) {
				log.error("Delivery worker failed", ex);
			}
		}
		return claimed.size();
	}

	/** Puts a parked message back in the queue and resolves its incident: an admin fixed the cause. */
	public boolean retry(long deliveryId) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			String incidentId = jdbc.sql("SELECT incident_id FROM delivery WHERE id = :id AND state = 'PARKED'")
				.param("id", deliveryId)
				.query(String.class)
				.optional()
				.orElse(null);
			int updated = jdbc.sql("""
					UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now, incident_id = NULL,
					    lease_owner = NULL, lease_until = NULL
					WHERE id = :id AND state = 'PARKED'""")
				.param("now", ApplicationRepository.timestamp(EngineClock.now()))
				.param("id", deliveryId)
				.update();
			if (updated == 1 && incidentId != null
					&& runtime.createIncidentQuery().incidentId(incidentId).count() == 1) {
				runtime.resolveIncident(incidentId);
			}
			return updated == 1;
		}));
	}

	private List<QueuedMessage> claim(Instant now) {
		return transactions.execute(status -> {
			List<QueuedMessage> due = jdbc.sql("""
					SELECT d.*, (SELECT a.application_no FROM application a WHERE a.id = d.application_id)
					    AS application_no
					FROM delivery d
					WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
					  AND (d.lease_until IS NULL OR d.lease_until < :now)
					  AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.application_id = d.application_id
					      AND e.portal = d.portal AND e.seq < d.seq AND e.state <> 'DELIVERED')
					ORDER BY d.id
					LIMIT :limit
					FOR UPDATE SKIP LOCKED""")
				.param("now", ApplicationRepository.timestamp(now))
				.param("limit", properties.batchSize())
				.query((rs, row) -> new QueuedMessage(rs.getLong("id"), rs.getLong("application_id"),
						rs.getString("application_no"), rs.getString("portal"), rs.getInt("seq"), rs.getString("kind"),
						rs.getString("status"), rs.getString("payload"), rs.getInt("attempts") + 1))
				.list();
			for (QueuedMessage message : due) {
				jdbc.sql("UPDATE delivery SET lease_owner = :node, lease_until = :until, attempts = attempts + 1 WHERE id = :id")
					.param("node", node)
					.param("until", ApplicationRepository.timestamp(now.plus(properties.lease())))
					.param("id", message.deliveryId())
					.update();
			}
			return due;
		});
	}

	private void sendOne(QueuedMessage message) {
		PortalConnector connector = outbox.connector(message.portal());
		if (connector == null) {
			record(message, new SendResult.TransientFailure("Portal " + message.portal() + " is switched off"));
			return;
		}
		Semaphore slots = portalSlots.computeIfAbsent(message.portal(),
				p -> new Semaphore(properties.perPortalConcurrency()));
		SendResult result;
		try {
			slots.acquire();
			try {
				Future<SendResult> call = senders.submit(() -> connector.send(message));
				try {
					result = call.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					call.cancel(true);
					result = new SendResult.TransientFailure("No answer within " + properties.timeout());
				}
			}
			finally {
				slots.release();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			result = new SendResult.TransientFailure(cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
		record(message, result);
	}

	private void record(QueuedMessage message, SendResult result) {
		Instant now = EngineClock.now();
		transactions.executeWithoutResult(status -> {
			if (result instanceof SendResult.Delivered || result instanceof SendResult.AlreadyReceived) {
				delivered(message, now);
			}
			else if (result instanceof SendResult.Rejected rejected) {
				park(message, "Rejected by " + message.portal() + ": " + rejected.reason());
			}
			else if (result instanceof SendResult.TransientFailure failure) {
				if (message.attempt() >= properties.parkAfterAttempts()) {
					park(message, "Failing since " + message.attempt() + " attempts: " + failure.reason());
				}
				else {
					retryLater(message, failure.reason(), now);
				}
			}
		});
	}

	private void delivered(QueuedMessage message, Instant now) {
		jdbc.sql("""
				UPDATE delivery SET state = 'DELIVERED', delivered_at = :now, last_error = NULL, lease_owner = NULL,
				    lease_until = NULL
				WHERE id = :id""").param("now", ApplicationRepository.timestamp(now)).param("id", message.deliveryId()).update();
		outbox.metrics().sent(message.portal());
	}

	private void retryLater(QueuedMessage message, String reason, Instant now) {
		jdbc.sql("""
				UPDATE delivery SET next_attempt_at = :next, last_error = :error, lease_owner = NULL, lease_until = NULL
				WHERE id = :id""")
			.param("next", ApplicationRepository.timestamp(now.plus(backoff(message.attempt()))))
			.param("error", truncate(reason))
			.param("id", message.deliveryId())
			.update();
		outbox.metrics().retried(message.portal());
	}

	private void park(QueuedMessage message, String reason) {
		String processInstanceId = jdbc.sql("SELECT process_instance_id FROM delivery WHERE id = :id")
			.param("id", message.deliveryId())
			.query(String.class)
			.single();
		String incidentId = null;
		if (processInstanceId != null
				&& runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1) {
			Incident incident = runtime.createIncident(INCIDENT_TYPE, processInstanceId,
					String.valueOf(message.deliveryId()), truncate(message.portal() + " #" + message.seq() + ": " + reason));
			incidentId = incident.getId();
		}
		jdbc.sql("""
				UPDATE delivery SET state = 'PARKED', last_error = :error, incident_id = :incident, lease_owner = NULL,
				    lease_until = NULL
				WHERE id = :id""")
			.param("error", truncate(reason))
			.param("incident", incidentId)
			.param("id", message.deliveryId())
			.update();
		outbox.metrics().parked(message.portal());
		log.warn("Parked delivery {} of application {} to {}: {}", message.deliveryId(), message.applicationNo(),
				message.portal(), reason);
	}

	/** Exponential from the base, capped, with full jitter so a recovering portal is not hit all at once. */
	Duration backoff(int attempt) {
		long base = properties.backoffBase().toMillis();
		long capped = Math.min(properties.backoffMax().toMillis(), base * (1L << Math.min(attempt - 1, 20)));
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 1900 ? text : text.substring(0, 1900);
	}

}
