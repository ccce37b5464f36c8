package org.sevahub.portal.bsk;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * West Bengal's Bangla Sahayata Kendra, as the department registered with it (API Integration Document v4.0).
 *
 * @param passcode        the secret code the department gave BSK; in every request's envelope, both ways
 * @param jwtSecret       the HS256 key of every envelope's token (at least 32 bytes)
 * @param allowedIps      addresses or CIDR ranges of BSK's servers (section 12.3)
 * @param api2Url         BSK's API-2 endpoint; blank: the sandbox
 * @param api6Url         BSK's API-6 endpoint; blank: the sandbox
 * @param deptCode        the department's three-character code (section 12.4)
 * @param accessCode      BSK's access code for API-6
 * @param ticketMaxAge    how old a ticketNo may be when API-1 arrives
 * @param ticketMaxSkew   how far ahead of SevaHub's clock a ticketNo may be
 * @param deoCacheTtl     how long a DEO's API-6 status is believed
 * @param handoverLifetime how long the one-time redirectUrl of an API-1 answer works
 * @param otpLifetime     how long an API-5A OTP is valid
 * @param otpMaxAttempts  wrong OTPs allowed before the OTP is dead
 */
@ConfigurationProperties("sevahub.portals.bsk")
record BskProperties(boolean enabled, String passcode, String jwtSecret, List<String> allowedIps,
		String api2Url, String api6Url, String deptCode, String accessCode,
		Duration ticketMaxAge, Duration ticketMaxSkew, Duration deoCacheTtl, Duration handoverLifetime,
		Duration otpLifetime, Integer otpMaxAttempts) {

	BskProperties {
		allowedIps = allowedIps == null ? List.of() : allowedIps.stream().filter(ip -> !ip.isBlank()).toList();
		ticketMaxAge = ticketMaxAge == null ? Duration.ofHours(2) : ticketMaxAge;
		ticketMaxSkew = ticketMaxSkew == null ? Duration.ofMinutes(5) : ticketMaxSkew;
		deoCacheTtl = deoCacheTtl == null ? Duration.ofMinutes(5) : deoCacheTtl;
		handoverLifetime = handoverLifetime == null ? Duration.ofMinutes(30) : handoverLifetime;
		otpLifetime = otpLifetime == null ? Duration.ofMinutes(5) : otpLifetime;
		otpMaxAttempts = otpMaxAttempts == null ? 3 : otpMaxAttempts;
	}

}
