package org.sevahub.delivery;

import java.util.List;

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

	/** Oldest first; in the caller's transaction, so it sees what this transaction queued too. */
	public List<OutboundMessage> of(long applicationId, String portal) {
		return jdbc.sql("SELECT kind, payload FROM delivery WHERE application_id = :app AND portal = :portal ORDER BY seq")
			.param("app", applicationId)
			.param("portal", portal)
			.query((rs, row) -> new OutboundMessage(rs.getString("kind"), rs.getString("payload")))
			.list();
	}

}
