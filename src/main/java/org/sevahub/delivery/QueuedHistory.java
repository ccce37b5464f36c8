package org.sevahub.delivery;

import java.util.List;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was queued for an application and a portal so far, for connectors whose portal has order rules (they
 * decide in {@link PortalConnector#messagesFor} what may follow what was already sent).
 */
@Component
public class QueuedHistory {

	private final JdbcClient jdbc;

	QueuedHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the portal has been or will be sent, oldest first: not what its rules kept from it, nor what was
	 * withdrawn, nor what is held until a time not yet come (queuing anything now withdraws that). In the
	 * caller's transaction, so it sees what this transaction queued too.
	 */
	public List<OutboundMessage> of(long applicationId, String portal) {
		return jdbc.sql("""
				SELECT kind, payload FROM delivery
				WHERE application_id = :app AND portal = :portal AND state IN ('PENDING', 'DELIVERED', 'PARKED')
				  AND NOT (state = 'PENDING' AND held_until IS NOT NULL AND held_until > :now)
				ORDER BY seq""")
			.param("app", applicationId)
			.param("portal", portal)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.query((rs, row) -> new OutboundMessage(rs.getString("kind"), rs.getString("payload")))
			.list();
	}

}
