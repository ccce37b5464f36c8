package org.sevahub.document;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conditions are FEEL over the form's answers, as the catalog writes them. */
class DocumentConditionsTest {

	final DocumentConditions conditions = new DocumentConditions();

	@Test
	void aCasteCertificateIsNeededOnlyForScAndSt() {
		String condition = "applicant.category in (\"SC\", \"ST\")";
		assertThat(conditions.holds(condition, Map.of("applicant.category", "SC"))).isTrue();
		assertThat(conditions.holds(condition, Map.of("applicant.category", "ST"))).isTrue();
		assertThat(conditions.holds(condition, Map.of("applicant.category", "GEN"))).isFalse();
		assertThat(conditions.holds(condition, Map.of())).isFalse();
	}

	@Test
	void aBlankAnswerIsNoAnswer() {
		assertThat(conditions.holds("bplCardNumber != null", Map.of("bplCardNumber", "  "))).isFalse();
		assertThat(conditions.holds("bplCardNumber != null", Map.of("bplCardNumber", "WB-123"))).isTrue();
	}

	@Test
	void numbersInAnswersCanBeCompared() {
		assertThat(conditions.holds("number(annualIncome) > 100000", Map.of("annualIncome", "240000"))).isTrue();
		assertThat(conditions.holds("number(annualIncome) > 100000", Map.of("annualIncome", "40000"))).isFalse();
	}

	@Test
	void aConditionThatIsNotFeelStopsTheStart() {
		assertThatThrownBy(() -> conditions.check("applicant.category in (SC,", "catalog.yml, service X"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("catalog.yml, service X");
	}

}
