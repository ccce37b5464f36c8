package org.sevahub.delivery;

import java.time.Instant;

/**
 * One queued message as the admin pages see it.
 *
 * @param heldUntil       when a held message is due (null: not held)
 * @param statusHistoryId the status history entry it tells of (null: a message not tied to a status)
 */
public record Delivery(long id, String applicationNo, String portal, int seq, String kind, String status,
		DeliveryState state, int attempts, int takeovers, Instant createdAt, Instant nextAttemptAt,
		Instant deliveredAt, String lastError, String incidentId, Instant heldUntil, Long statusHistoryId) {
}
