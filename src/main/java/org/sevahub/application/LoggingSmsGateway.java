package org.sevahub.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until a department plugs in its gateway, SMS are written to the log (number masked, text kept). */
@Configuration
class LoggingSmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway loggingSmsGateway() {
		return (mobile, message) -> log.info("SMS to {}: {}", SmsGateway.mask(mobile), message);
	}

}
