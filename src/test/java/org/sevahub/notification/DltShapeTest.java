package org.sevahub.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A message fits its DLT template when it repeats the fixed words and fills each variable within its kind. */
class DltShapeTest {

	final DltShape shape = new DltShape("SevaHub: Application {#var#} is received. It will be decided by {#var#}. "
			+ "Track it at {#url#}", 30, 100);

	@Test
	void theTemplateFilledInFits() {
		assertThat(shape.mismatch("SevaHub: Application BC2026000001 is received. It will be decided by 10-12-2026. "
				+ "Track it at https://seva.example.gov.in/applications/BC2026000001")).isEmpty();
	}

	@Test
	void changedFixedWordsDoNotFit() {
		assertThat(shape.mismatch("SevaHub: Application BC2026000001 was received. It will be decided by 10-12-2026. "
				+ "Track it at https://seva.example.gov.in/a/1")).get().asString().contains("fixed words");
		assertThat(shape.mismatch("SevaHub: Application BC2026000001 is received. It will be decided by 10-12-2026. "
				+ "Track it at https://seva.example.gov.in/a/1 now")).get().asString().contains("{#url#}");
	}

	@Test
	void aVariableLongerThanDltAllowsDoesNotFit() {
		String name = "x".repeat(31);
		assertThat(shape.mismatch("SevaHub: Application " + name + " is received. It will be decided by 10-12-2026. "
				+ "Track it at https://seva.example.gov.in/a/1")).get().asString().contains("31 characters; DLT allows 30");
		// Thirty Bengali letters are thirty characters, whatever their bytes.
		assertThat(shape.mismatch("SevaHub: Application " + "ক".repeat(30) + " is received. It will be decided by "
				+ "10-12-2026. Track it at https://seva.example.gov.in/a/1")).isEmpty();
	}

	@Test
	void aUrlVariableTakesOnlyALink() {
		assertThat(shape.mismatch("SevaHub: Application BC1 is received. It will be decided by 10-12-2026. "
				+ "Track it at the office")).get().asString().contains("{#url#}");
	}

	@Test
	void numericAndAlphanumericVariablesTakeOnlyTheirCharacters() {
		DltShape otp = new DltShape("{#numeric#} is your OTP for {#alphanumeric#}.", 30, 100);
		assertThat(otp.mismatch("482913 is your OTP for BC2026000001.")).isEmpty();
		assertThat(otp.mismatch("48291A is your OTP for BC2026000001.")).get().asString().contains("{#numeric#}");
		assertThat(otp.mismatch("482913 is your OTP for BC-2026.")).get().asString().contains("{#alphanumeric#}");
	}

	@Test
	void regexCharactersInTheTemplateAreFixedWords() {
		DltShape brackets = new DltShape("OTP {#var#} to download {#var#} ({#var#}) at Bangla Sahayata Kendra. "
				+ "Valid for a few minutes; do not share it.", 30, 100);
		assertThat(brackets.mismatch("OTP 123456 to download IC-2026-000001 (BC2026000001) at Bangla Sahayata Kendra. "
				+ "Valid for a few minutes; do not share it.")).isEmpty();
		assertThat(brackets.mismatch("OTP 123456 to download IC-2026-000001 BC2026000001 at Bangla Sahayata Kendra. "
				+ "Valid for a few minutes; do not share it.")).isPresent();
	}

}
