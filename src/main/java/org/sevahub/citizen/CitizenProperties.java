package org.sevahub.citizen;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Citizen sign-in (docs/security.md).
 *
 * @param otpKey          Base64 HMAC key under which OTPs and the numbers they went to are kept
 * @param jwtKey          Base64 HMAC-SHA key (at least 32 bytes) signing the session tokens
 * @param otpLifetime     how long an OTP may be used
 * @param otpMaxAttempts  wrong codes allowed before the OTP is dead
 * @param sessionLifetime how long a session token (and the pages' cookie) lasts
 * @param limits          requests allowed per window, per number or per client address
 */
@ConfigurationProperties("sevahub.citizen")
record CitizenProperties(String otpKey, String jwtKey, Duration otpLifetime, Integer otpMaxAttempts,
		Duration sessionLifetime, Limits limits) {

	CitizenProperties {
		otpLifetime = otpLifetime == null ? Duration.ofMinutes(5) : otpLifetime;
		otpMaxAttempts = otpMaxAttempts == null ? 3 : otpMaxAttempts;
		sessionLifetime = sessionLifetime == null ? Duration.ofMinutes(30) : sessionLifetime;
		limits = limits == null ? new Limits(null, null, null, null, null) : limits;
	}

	/**
	 * @param otpPerMobile   OTPs sent to one number per window
	 * @param otpPerAddress  OTP requests and sign-in attempts from one client address per window
	 * @param window         the window of the two above
	 * @param trackPerMinute {@code /track} look-ups from one address per minute
	 * @param verifyPerMinute {@code /verify} look-ups from one address per minute
	 */
	record Limits(Integer otpPerMobile, Integer otpPerAddress, Duration window, Integer trackPerMinute,
			Integer verifyPerMinute) {

		Limits {
			otpPerMobile = otpPerMobile == null ? 3 : otpPerMobile;
			otpPerAddress = otpPerAddress == null ? 20 : otpPerAddress;
			window = window == null ? Duration.ofMinutes(15) : window;
			trackPerMinute = trackPerMinute == null ? 30 : trackPerMinute;
			verifyPerMinute = verifyPerMinute == null ? 30 : verifyPerMinute;
		}

	}

}
