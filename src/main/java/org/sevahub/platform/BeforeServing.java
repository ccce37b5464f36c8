package org.sevahub.platform;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What a node needs before anyone can reach it: listeners of {@link Event} (the officers' groups and grants, the demo
 * officers, the first administrator, history time-to-live) run after the engine is built and before the web server
 * opens its port. Spring's {@code ApplicationReadyEvent} comes only after the port is open, and while the database
 * has no administrator Camunda's webapps offer whoever comes first the page that creates one.
 */
@Component
public class BeforeServing implements SmartLifecycle {

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	BeforeServing(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void start() {
		events.publishEvent(new Event(this));
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Before the web server's start: Spring Boot opens the port in phase {@code DEFAULT_PHASE - 2048} and names no
	 * constant for it, so ManagedSchemaIT knocks from the first moment to show the order holds.
	 */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 4096;
	}

	/** Published once per start, before the first request can arrive; listeners order themselves with {@code @Order}. */
	public static final class Event extends ApplicationEvent {

		Event(Object source) {
			super(source);
		}

	}

}
