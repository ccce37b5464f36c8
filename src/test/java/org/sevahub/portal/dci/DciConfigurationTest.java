package org.sevahub.portal.dci;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real registry searched asynchronously must be able to call us back: no public base URL, no start. */
class DciConfigurationTest {

	private static DciProperties properties(String registryUrl, String searchMode) {
		return new DciProperties(true, registryUrl, "sevahub.dept.example.in", "ibr.example.in", "k", "seed", "pub",
				null, null, Map.of(), null, null, null, searchMode);
	}

	@Test
	void asyncAgainstARealRegistryWithoutAPublicBaseUrlIsRefused() {
		assertThatThrownBy(() -> DciConfiguration.checkCallbacksReachable(properties("https://ibr.example.in", "async"), ""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("sevahub.public-base-url");
		assertThatThrownBy(() -> DciConfiguration.checkCallbacksReachable(properties("https://ibr.example.in", "ASYNC"), null))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void syncTheSandboxOrAPublicBaseUrlIsFine() {
		assertThatCode(() -> DciConfiguration.checkCallbacksReachable(properties("https://ibr.example.in", "async"),
				"https://sevahub.example.in")).doesNotThrowAnyException();
		assertThatCode(() -> DciConfiguration.checkCallbacksReachable(properties("https://ibr.example.in", "sync"), ""))
			.doesNotThrowAnyException();
		assertThatCode(() -> DciConfiguration.checkCallbacksReachable(properties("", "async"), ""))
			.doesNotThrowAnyException();
	}

}
