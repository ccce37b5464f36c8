package org.sevahub.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox. Rows are written in the caller's transaction (the engine's, when a process step
 * records a status), so a status is in the history if and only if its deliveries are queued.
 */
@Component
public class DeliveryOutbox {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutbox.class);

	private final JdbcClient jdbc;

	private final PortalLinks links;

	private final Map<String, PortalConnector> connectors;

	private final DeliveryMetrics metrics;

	private final ApplicationEventPublisher events;

	DeliveryOutbox(JdbcClient jdbc, PortalLinks links, List<PortalConnector> connectors, MeterRegistry meters,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.links = links;
		this.connectors = connectors.stream().collect(Collectors.toMap(PortalConnector::portal, Function.identity()));
		this.metrics = new DeliveryMetrics(meters);
		this.events = events;
	}

	/**
	 * Queues what every portal linked to the application must hear about this status.
	 *
	 * @param processInstanceId the application's process instance (the caller of any block that reached the
	 *                          status), which carries the incident if a message cannot be delivered
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void statusChanged(Application application, ServiceDefinition service, StatusHistoryEntry entry,
			String processInstanceId) {
		List<PortalLink> linked = new ArrayList<>(links.of(application.id()));
		connectors.values()
			.stream()
			.filter(PortalConnector::coversEveryApplication)
			.filter(c -> linked.stream().noneMatch(link -> link.portal().equals(c.portal())))
			.forEach(c -> linked.add(new PortalLink(null, application.id(), c.portal(), application.applicationNo(),
					Map.of(), application.createdAt())));
		for (PortalLink link : linked) {
			PortalConnector connector = connectors.get(link.portal());
			if (connector == null) {
				log.warn("Application {} is linked to portal {}, which is switched off; it is not told of {}",
						application.applicationNo(), link.portal(), entry.status());
				continue;
			}
			for (OutboundMessage message : connector.messagesFor(new StatusChange(application, service, link, entry))) {
				enqueue(application, link.portal(), entry.status(), message, processInstanceId, entry.id());
			}
		}
	}

	/** Queues one message for a portal behind everything queued for that application and portal before it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(Application application, String portal, String status, OutboundMessage message) {
		enqueue(application, portal, status, message, application.processInstanceId(), null);
	}

	private void enqueue(Application application, String portal, String status, OutboundMessage message,
			String processInstanceId, Long historyId) {
		Instant now = EngineClock.now();
		if (message.notSent() == null && message.heldUntil() == null) {
			withdrawHeld(application.id(), portal, status, now);
		}
		boolean firstClosed = message.notSent() != null && !closedBefore(application.id(), portal);
		// The queue's next number is taken in the INSERT itself: one round trip per queued message, not two.
		jdbc.sql("""
				INSERT INTO delivery (application_id, portal, seq, kind, status, payload, state, attempts,
				    next_attempt_at, held_until, last_error, process_instance_id, status_history_id, created_at)
				SELECT :app, :portal, COALESCE(MAX(seq), 0) + 1, :kind, :status, :payload, :state, 0, :due, :held,
				    :why, :pi, :history, :now
				FROM delivery WHERE application_id = :app AND portal = :portal""")
			.param("app", application.id())
			.param("portal", portal)
			.param("kind", message.kind())
			.param("status", status)
			.param("payload", message.payload())
			.param("state", (message.notSent() == null ? DeliveryState.PENDING : DeliveryState.NOT_SENT).name())
			.param("due", ApplicationRepository.timestamp(message.heldUntil() == null ? now : message.heldUntil()))
			.param("held", message.heldUntil() == null ? null : ApplicationRepository.timestamp(message.heldUntil()),
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("why", message.notSent() == null ? null : DeliveryRepository.truncate(NOT_SENT + message.notSent()), java.sql.Types.VARCHAR)
			.param("pi", processInstanceId)
			.param("history", historyId, java.sql.Types.BIGINT)
			.param("now", ApplicationRepository.timestamp(now))
			.update();
		if (message.notSent() != null) {
			metrics.notSent(portal);
			if (firstClosed) {
				events.publishEvent(new PortalClosed(application, portal));
			}
			return;
		}
		metrics.queued(portal);
	}

	/** How a status the portal's rules forbid is recorded, before the connector's reason. */
	static final String NOT_SENT = "Not sent: closed at the portal: ";

	/**
	 * Messages held until a time that has not come are overtaken by news queued before it: they will not be
	 * sent (an appeal filed in time withdraws the rejection held for the appeal period, say).
	 */
	private void withdrawHeld(long applicationId, String portal, String status, Instant now) {
		jdbc.sql("""
				UPDATE delivery SET state = 'WITHDRAWN', last_error = :why
				WHERE application_id = :app AND portal = :portal AND state = 'PENDING' AND held_until > :now""")
			.param("why", "Withdrawn before its time: " + status + " came first")
			.param("app", applicationId)
			.param("portal", portal)
			.param("now", ApplicationRepository.timestamp(now))
			.update();
	}

	private boolean closedBefore(long applicationId, String portal) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE application_id = :app AND portal = :portal AND state = 'NOT_SENT'")
			.param("app", applicationId)
			.param("portal", portal)
			.query(Long.class)
			.single() > 0;
	}

	PortalConnector connector(String portal) {
		return connectors.get(portal);
	}

	DeliveryMetrics metrics() {
		return metrics;
	}

}
