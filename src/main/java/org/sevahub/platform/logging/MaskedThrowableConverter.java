package org.sevahub.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;

import org.sevahub.application.AuditTrail;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Spring Boot's {@code %wEx}, with the same masking as {@link MaskedMessageConverter}: exception messages carry input. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(ch.qos.logback.classic.spi.IThrowableProxy proxy) {
		return AuditTrail.redact(super.throwableProxyToString(proxy));
	}

	@Override
	public String convert(ILoggingEvent event) {
		return AuditTrail.redact(super.convert(event));
	}

}
