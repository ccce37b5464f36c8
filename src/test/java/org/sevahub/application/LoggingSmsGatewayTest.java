package org.sevahub.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSmsGatewayTest {

	@Test
	void oneTimePasswordsNeverReachTheLogButReferencesDo() {
		assertThat(LoggingSmsGateway.withoutCodes("Your OTP for BC2026000001 is 482913. Valid 10 minutes."))
			.isEqualTo("Your OTP for BC2026000001 is ******. Valid 10 minutes.");
		assertThat(LoggingSmsGateway.withoutCodes("OTP 0042 / ओटीपी 7781"))
			.isEqualTo("OTP ****** / ओटीपी ******");
		assertThat(LoggingSmsGateway.withoutCodes("Certificate IC-2026-000003 issued on 26-11-2026"))
			.isEqualTo("Certificate IC-2026-000003 issued on 26-11-2026");
	}

}
