package org.sevahub.portal.isp;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ISP's Annexure A order rules, and the refusal of a status map that would break them. */
class IspOrderRulesTest {

	@Test
	void s104OnceAndBeforeS110OrS112() {
		assertThat(IspOrderRules.refusal(List.of(), "S104")).isNull();
		assertThat(IspOrderRules.refusal(List.of("S104"), "S104")).contains("only once");
		assertThat(IspOrderRules.refusal(List.of("S101"), "S110")).contains("S104 must come before");
		assertThat(IspOrderRules.refusal(List.of("S101"), "S112")).contains("S104 must come before");
		assertThat(IspOrderRules.refusal(List.of("S104", "S107"), "S112")).isNull();
	}

	@Test
	void nothingAfterS110OrS112() {
		assertThat(IspOrderRules.refusal(List.of("S104", "S110"), "S106")).contains("nothing is accepted");
		assertThat(IspOrderRules.refusal(List.of("S104", "S112"), "S113")).contains("nothing is accepted");
		assertThat(IspOrderRules.refusal(List.of("S104", "S110"), "S112")).contains("nothing is accepted");
	}

	@Test
	void onlyS114AfterS109() {
		assertThat(IspOrderRules.refusal(List.of("S104", "S109"), "S107")).contains("only S114");
		assertThat(IspOrderRules.refusal(List.of("S104", "S109"), "S110")).contains("only S114");
		assertThat(IspOrderRules.refusal(List.of("S104", "S109"), "S114")).isNull();
		assertThat(IspOrderRules.refusal(List.of("S104", "S109", "S114"), "S107")).isNull();
	}

	@Test
	void onlyS103AfterS102() {
		assertThat(IspOrderRules.refusal(List.of("S102"), "S104")).contains("only S103");
		assertThat(IspOrderRules.refusal(List.of("S102"), "S103")).isNull();
		assertThat(IspOrderRules.refusal(List.of("S102", "S103"), "S104")).isNull();
	}

	@Test
	void theShippedMapKeepsTheRulesOnEveryOrdinaryPath() {
		IspStatusMap map = IspStatusMap.load();
		assertThat(map.entry("SUBMITTED")).get().extracting(IspStatusMap.Entry::code).isEqualTo("S104");
		assertThat(map.entry("FIELD_INSPECTION")).as("a department's own status").get()
			.extracting(IspStatusMap.Entry::code)
			.isEqualTo("S107");
		assertThat(map.pendencyLevel("designated")).isEqualTo("3");
	}

	@Test
	void theShippedMapHoldsARejectionForTheAppealPeriodAndTellsIspS108Meanwhile() {
		IspStatusMap.AfterRejection afterRejection = IspStatusMap.load().afterRejection();
		assertThat(afterRejection.holds()).isTrue();
		assertThat(afterRejection.meanwhile()).isEqualTo(new IspStatusMap.Entry("S108", "citizen"));
		assertThat(new IspStatusMap.AfterRejection(null, null).holds()).as("absent: sent at once").isFalse();
		assertThat(new IspStatusMap.AfterRejection("HOLD", new IspStatusMap.Entry("", null)).meanwhile()).isNull();
	}

	@Test
	void aMeanwhileCodeThatWouldCloseOrBindTheApplicationAtIspIsRefused() {
		for (String code : List.of("S104", "S110", "S112", "S109", "S102")) {
			assertThatThrownBy(() -> new IspStatusMap.AfterRejection("hold", new IspStatusMap.Entry(code, "citizen")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(code);
		}
		assertThatThrownBy(() -> new IspStatusMap.AfterRejection("later", null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hold or send");
	}

	@Test
	void aMapThatBreaksTheRulesIsRefused() {
		var statuses = new java.util.HashMap<>(java.util.Map.of("SUBMITTED", new IspStatusMap.Entry("S104", "assistant"),
				"CLARIFICATION_SOUGHT", new IspStatusMap.Entry("S109", "citizen"), "RESUBMITTED",
				new IspStatusMap.Entry("S107", "assistant"), "REJECTED", new IspStatusMap.Entry("S110", null)));
		assertThatThrownBy(() -> new IspStatusMap(statuses, null, java.util.Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("RESUBMITTED -> S107")
			.hasMessageContaining("only S114");
	}

}
