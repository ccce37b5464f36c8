package org.sevahub.portal.aaplesarkar;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** portal-status/aaplesarkar.yml as shipped, and the edits it refuses at start. */
class AaplesarkarStatusMapTest {

	@Test
	void theShippedMapGivesEachStageItsApplicationStatusAndRequestFlag() {
		AaplesarkarStatusMap map = AaplesarkarStatusMap.load();
		assertThat(map.entry("INITIATED")).isEmpty();
		assertThat(map.entry("DRAFT")).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("1"));
		assertThat(map.entry("FEE_PENDING")).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("2"));
		assertThat(map.entry("FEE_PAID")).hasValueSatisfying(e -> assertThat(e.requestFlag()).isEqualTo("1"));
		assertThat(map.entry("CERTIFICATE_ISSUED"))
			.hasValueSatisfying(e -> assertThat(e.code() + "/" + e.requestFlag()).isEqualTo("4/2"));
		assertThat(map.entry("REJECTED")).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("5"));
		assertThat(map.entry("FIELD_INSPECTION")).as("a department's own status falls back to the default")
			.hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("3"));
	}

	@Test
	void aCodeOutsideOneToFiveOrAnUnknownRequestFlagIsRefused() {
		assertThatThrownBy(() -> new AaplesarkarStatusMap(
				Map.of("APPROVED", new AaplesarkarStatusMap.Entry("6", null, null)), null))
			.hasMessageContaining("APPROVED");
		assertThatThrownBy(() -> new AaplesarkarStatusMap(
				Map.of("FEE_PAID", new AaplesarkarStatusMap.Entry("3", "9", null)), null))
			.hasMessageContaining("request-flag");
	}

}
