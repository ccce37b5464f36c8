package org.sevahub.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lease                how long a node may hold a message it is sending before another node may
 *                             take it over (a crashed node's messages are resent after this)
 * @param timeout              the longest a send may take before it counts as a transient fault
 * @param parkAfter            how long transient faults are retried before the message waits for an admin
 * @param perPortalConcurrency messages in flight to one portal at once, per node
 */
@ConfigurationProperties("sevahub.delivery")
public record DeliveryProperties(boolean enabled, Duration pollInterval, int batchSize, Duration lease,
		Duration timeout, Duration backoffBase, Duration backoffMax, Duration parkAfter, int perPortalConcurrency) {
}
