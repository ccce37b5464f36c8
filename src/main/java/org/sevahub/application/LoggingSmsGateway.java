package org.sevahub.application;

import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until a department plugs in its gateway, SMS are written to the log: the number masked, and any short run of
 * digits (a one-time password) blanked, so a log reader can neither reach the citizen nor use their OTP.
 */
@Configuration
class LoggingSmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	/** Four to eight digits standing alone: OTPs; application and certificate numbers are longer or lettered. */
	private static final Pattern ONE_TIME_CODE = Pattern.compile("(?<![\\d-])\\d{4,8}(?![\\d-])");

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway smsToLog() {
		return (mobile, message) -> log.info("SMS to {}: {}", SmsGateway.mask(mobile), withoutCodes(message));
	}

	static String withoutCodes(String message) {
		return message == null ? null : ONE_TIME_CODE.matcher(message).replaceAll("******");
	}

}
