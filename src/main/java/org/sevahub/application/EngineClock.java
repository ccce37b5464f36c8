package org.sevahub.application;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock SevaHub reads: the engine's. Tests that move the engine's clock to fire a timer move every
 * timestamp SevaHub writes with it, so history, SLA dates and delivery backoff agree.
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
