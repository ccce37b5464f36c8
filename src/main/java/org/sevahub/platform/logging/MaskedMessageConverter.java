package org.sevahub.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.sevahub.application.AuditTrail;

/**
 * {@code %m} with Aadhaar-like (12-digit) and mobile-like (10-digit) numbers masked, whoever logged them: a
 * library that echoes a request body in its exception, a log line that names a citizen. logback-spring.xml
 * puts it in place of Logback's own {@code %m}/{@code %msg}.
 */
public class MaskedMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return AuditTrail.redact(super.convert(event));
	}

}
