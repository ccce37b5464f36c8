package org.sevahub.delivery;

import java.time.Instant;

/** One queued message as the admin pages see it. */
public record Delivery(long id, String applicationNo, String portal, int seq, String kind, String status,
		DeliveryState state, int attempts, int takeovers, Instant createdAt, Instant nextAttemptAt,
		Instant deliveredAt, String lastError, String incidentId) {
}
