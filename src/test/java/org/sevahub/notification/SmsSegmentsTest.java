package org.sevahub.notification;

import org.junit.jupiter.api.Test;
import org.sevahub.notification.SmsSegments.Encoding;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS parts as handsets and gateways count them: GSM-7 160/153 septets, UCS-2 70/67 UTF-16 units. */
class SmsSegmentsTest {

	@Test
	void plainEnglishIsGsm7In160And153SeptetParts() {
		assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM7, 160, 1));
		assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM7, 161, 2));
		assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
		assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
	}

	@Test
	void extensionCharactersTakeTwoSeptetsAndAreNeverSplitAcrossParts() {
		// 159 letters and a euro sign: 161 septets, over one SMS.
		assertThat(SmsSegments.of("a".repeat(159) + "€")).isEqualTo(new SmsSegments(Encoding.GSM7, 161, 2));
		// 152 letters then "{": the escape pair does not fit in the first part's last septet and moves on whole.
		SmsSegments split = SmsSegments.of("a".repeat(152) + "{" + "b".repeat(152));
		assertThat(split.units()).isEqualTo(306);
		assertThat(split.segments()).isEqualTo(3);
	}

	@Test
	void theRupeeSignOrAnyIndianScriptMakesTheWholeMessageUcs2() {
		assertThat(SmsSegments.of("Pay ₹ 33.60").encoding()).isEqualTo(Encoding.UCS2);
		assertThat(SmsSegments.isGsm7("SevaHub: Application BC2026000001 is received.")).isTrue();
	}

	@Test
	void bengaliHindiAndMarathiAreCountedIn70And67UnitParts() {
		String bengali = "আবেদন গৃহীত হয়েছে"; // 18 UTF-16 units
		assertThat(bengali.length()).isEqualTo(18);
		assertThat(SmsSegments.of(bengali)).isEqualTo(new SmsSegments(Encoding.UCS2, 18, 1));

		String hindi70 = "क".repeat(70);
		assertThat(SmsSegments.of(hindi70)).isEqualTo(new SmsSegments(Encoding.UCS2, 70, 1));
		assertThat(SmsSegments.of(hindi70 + "ख").segments()).isEqualTo(2);

		String marathi = "अर्ज प्राप्त झाला. ".repeat(7); // 19 units each, 133 in all
		assertThat(marathi.length()).isEqualTo(133);
		assertThat(SmsSegments.of(marathi)).isEqualTo(new SmsSegments(Encoding.UCS2, 133, 2));
		assertThat(SmsSegments.of(marathi + "अ").segments()).isEqualTo(2);
		assertThat(SmsSegments.of(marathi + "अब").segments()).isEqualTo(3);
	}

	@Test
	void aSurrogatePairIsNeverSplitBetweenParts() {
		// 66 units, then a character outside the BMP (two units): the pair moves to the second part whole.
		String text = "ক".repeat(66) + "\uD83D\uDCF1" + "ক".repeat(10);
		assertThat(text.length()).isEqualTo(78);
		assertThat(SmsSegments.of(text).segments()).isEqualTo(2);
		String full = "ক".repeat(66) + "\uD83D\uDCF1" + "ক".repeat(65);
		assertThat(SmsSegments.of(full).segments()).isEqualTo(2);
		assertThat(SmsSegments.of(full + "ক").segments()).isEqualTo(3);
	}

}
