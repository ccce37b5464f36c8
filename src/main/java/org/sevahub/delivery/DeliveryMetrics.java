package org.sevahub.delivery;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters per portal: {@code sevahub.delivery.queued|sent|retried|parked|not-sent{portal=...}}. */
class DeliveryMetrics {

	private final MeterRegistry meters;

	DeliveryMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void queued(String portal) {
		meters.counter("sevahub.delivery.queued", "portal", portal).increment();
	}

	void sent(String portal) {
		meters.counter("sevahub.delivery.sent", "portal", portal).increment();
	}

	void retried(String portal) {
		meters.counter("sevahub.delivery.retried", "portal", portal).increment();
	}

	void parked(String portal) {
		meters.counter("sevahub.delivery.parked", "portal", portal).increment();
	}

	/** A status the portal's rules forbid, recorded and not sent. */
	void notSent(String portal) {
		meters.counter("sevahub.delivery.not-sent", "portal", portal).increment();
	}

}
