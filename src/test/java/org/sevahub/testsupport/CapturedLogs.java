package org.sevahub.testsupport;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Every event logged anywhere (the root logger) while it is open, from any thread. Open it around the call in
 * question only: the context is shared and its scheduled work logs too.
 */
public final class CapturedLogs implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	public CapturedLogs() {
		appender.start();
		root.addAppender(appender);
	}

	public List<ILoggingEvent> atLeast(Level level) {
		return events().stream().filter(event -> event.getLevel().isGreaterOrEqual(level)).toList();
	}

	public List<ILoggingEvent> from(Class<?> logger) {
		return from(logger.getName());
	}

	/** By name, for a logger whose class the test's package cannot see. */
	public List<ILoggingEvent> from(String logger) {
		return events().stream().filter(event -> event.getLoggerName().equals(logger)).toList();
	}

	private List<ILoggingEvent> events() {
		// Appending holds the appender's lock (AppenderBase.doAppend): other threads may be logging now.
		synchronized (appender) {
			return new ArrayList<>(appender.list);
		}
	}

	@Override
	public void close() {
		root.detachAppender(appender);
		appender.stop();
	}

}
