package org.sevahub.application.form;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text keeps no Aadhaar number in clear, however it is written, and loses nothing else. */
class AadhaarInTextTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Checked; Aadhaar 4736 1928 5709 seen      | Checked; Aadhaar XXXX XXXX 5709 seen
			aadhaar_726481359209.pdf                   | aadhaar_XXXX XXXX 9209.pdf
			card 7264-8135-9209 and 7264.8135.9209     | card XXXX XXXX 9209 and XXXX XXXX 9209
			আধার ৪৭৩৬ নয়, 473619285709 দেখা হয়েছে     | আধার ৪৭৩৬ নয়, XXXX XXXX 5709 দেখা হয়েছে
			आधार 4736 1928 5709 देखा                   | आधार XXXX XXXX 5709 देखा
			application BC2026000001, fee 250          | application BC2026000001, fee 250
			thirteen digits 4736192857091 stay         | thirteen digits 4736192857091 stay
			mobile 9876543210 stays                    | mobile 9876543210 stays
			""")
	void aTwelveDigitNumberIsMaskedAndNothingElse(String text, String masked) {
		assertThat(Aadhaar.maskedIn(text)).isEqualTo(masked);
	}

}
