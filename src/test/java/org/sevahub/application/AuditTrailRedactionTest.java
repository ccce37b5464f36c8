package org.sevahub.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailRedactionTest {

	@Test
	void aadhaarAndMobileNumbersAreMaskedWhereverTheyStandAlone() {
		assertThat(AuditTrail.redact("aadhaar=2345 6789 0123, mobile 9876543210."))
			.isEqualTo("aadhaar=XXXX-XXXX-0123, mobile 98XXXXXX10.");
		assertThat(AuditTrail.redact("{\"mobile\":\"9123456780\"}")).isEqualTo("{\"mobile\":\"91XXXXXX80\"}");
	}

	@Test
	void digitsInsideADigestAreNotMistakenForAMobileNumber() {
		String digest = "SHA-256 c24c0e3511508f6336240386fe60b2982ab467bf923b8c3f050f5a7501eeb03d";
		assertThat(AuditTrail.redact(digest)).isEqualTo(digest);
	}

}
