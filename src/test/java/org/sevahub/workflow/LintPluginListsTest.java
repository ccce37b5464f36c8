package org.sevahub.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sevahub.application.ApplicationStatus;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.workflow.guard.DeploymentGuard;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bpmnlint plugin (lint/bpmnlint-plugin-sevahub/sevahub.json, read by the build's lint and by Camunda Modeler)
 * knows exactly the statuses and beans the engine's deployment guard knows: the Java enum and the beans marked
 * {@code @ProcessApi}. One of them changing without the other fails here.
 */
@SevaHubTest
class LintPluginListsTest {

	@Autowired
	DeploymentGuard guard;

	@Test
	void thePluginsStatusesAreTheCanonicalOnesInOrder() throws IOException {
		List<String> listed = new ArrayList<>();
		plugin().path("statuses").forEach(status -> listed.add(status.asText()));
		assertThat(listed).containsExactly(java.util.Arrays.stream(ApplicationStatus.values()).map(Enum::name)
			.toArray(String[]::new));
	}

	@Test
	void thePluginsBeansAreTheProcessApiBeansWithTheSameOutsideCalls() throws IOException {
		Map<String, Boolean> listed = new TreeMap<>();
		plugin().path("beans").fields()
			.forEachRemaining(bean -> listed.put(bean.getKey(), bean.getValue().path("callsOutside").asBoolean()));
		assertThat(listed).isEqualTo(new TreeMap<>(guard.processBeans()));
	}

	private static JsonNode plugin() throws IOException {
		return new ObjectMapper().readTree(Path.of("lint/bpmnlint-plugin-sevahub/sevahub.json").toFile());
	}

}
