package org.sevahub.delivery;

/**
 * A queued message as the dispatcher hands it to its connector.
 *
 * @param seq     the message's place in its application's order for this portal, from 1
 * @param attempt 1 on the first try
 */
public record QueuedMessage(long deliveryId, long applicationId, String applicationNo, String portal, int seq,
		String kind, String status, String payload, int attempt) {
}
