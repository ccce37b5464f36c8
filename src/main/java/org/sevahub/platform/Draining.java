package org.sevahub.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping node does: it reports itself not ready ({@code /actuator/health/readiness} answers
 * 503) and keeps serving for {@code sevahub.shutdown.drain}, long enough for the balancer's health check to take
 * it out of rotation. Only then does the web server's graceful shutdown stop accepting and finish what is in
 * flight, so no request reaches a node that would refuse it. Stops before every other lifecycle.
 */
@Component
class Draining implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Draining.class);

	private final ApplicationEventPublisher events;

	private final Duration drain;

	private volatile boolean running;

	Draining(ApplicationEventPublisher events, @Value("${sevahub.shutdown.drain:0s}") Duration drain) {
		this.events = events;
		this.drain = drain;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		if (!drain.isZero()) {
			log.info("Not ready: draining for {} before the web server stops accepting", drain);
			try {
				Thread.sleep(drain.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
