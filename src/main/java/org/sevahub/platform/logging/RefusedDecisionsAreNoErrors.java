package org.sevahub.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.sevahub.workflow.DecisionRefusedException;
import org.slf4j.Marker;

/**
 * Camunda's engine logs every command that ends in an exception as an ERROR with its stack trace (ENGINE-16004),
 * and it takes a task listener's {@link DecisionRefusedException}, an officer's decision that the process refuses,
 * for one: the operators were paged for a caller's mistake. The REST API answers the refusal with 400 and logs it
 * as one INFO line ({@code web/EngineRestErrors}); this drops the engine's ERROR for it, and only for it.
 */
public class RefusedDecisionsAreNoErrors extends TurboFilter {

	private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (level != Level.ERROR || logger == null || !logger.getName().equals(ENGINE_CONTEXT)) {
			return FilterReply.NEUTRAL;
		}
		Throwable thrown = t;
		if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
			thrown = last;
		}
		for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DecisionRefusedException) {
				return FilterReply.DENY;
			}
		}
		return FilterReply.NEUTRAL;
	}

}
