package org.sevahub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.SevaHubApplication.COMMON_POOL_PARALLELISM;

/** How {@link SevaHubApplication#main} sizes the JVM's common pool before anything uses it. */
class CommonPoolTest {

	String before;

	@BeforeEach
	void forget() {
		before = System.clearProperty(COMMON_POOL_PARALLELISM);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(COMMON_POOL_PARALLELISM);
		}
		else {
			System.setProperty(COMMON_POOL_PARALLELISM, before);
		}
	}

	@Test
	void aSmallMachineGetsTwoThreads() {
		SevaHubApplication.atLeastTwoCommonPoolThreads(2);
		assertThat(System.getProperty(COMMON_POOL_PARALLELISM)).isEqualTo("2");
	}

	@Test
	void aLargerMachineKeepsTheJvmsOwnSize() {
		SevaHubApplication.atLeastTwoCommonPoolThreads(8);
		assertThat(System.getProperty(COMMON_POOL_PARALLELISM)).isNull();
	}

	@Test
	void anOperatorsSettingStays() {
		System.setProperty(COMMON_POOL_PARALLELISM, "1");
		SevaHubApplication.atLeastTwoCommonPoolThreads(2);
		assertThat(System.getProperty(COMMON_POOL_PARALLELISM)).isEqualTo("1");
	}

}
