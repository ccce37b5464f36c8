package org.sevahub.delivery;

import java.time.Duration;

/**
 * @param lease                how long a node may hold a message it is sending before another node may
 *                             take it over (a crashed node's messages are resent after this)
 * @param parkAfterAttempts    transient failures in a row after which a message waits for an admin
 * @param perPortalConcurrency messages in flight to one portal at once, per node
 */
@org.springframework.boot.context.properties.ConfigurationProperties("sevahub.delivery")
public record DeliveryProperties(boolean enabled, Duration pollInterval, int batchSize, Duration lease,
		Duration timeout, Duration backoffBase, Duration backoffMax, int parkAfterAttempts, int perPortalConcurrency) {
}
