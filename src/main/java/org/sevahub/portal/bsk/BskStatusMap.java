package org.sevahub.portal.bsk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * portal-status/bsk.yml: which canonical statuses BSK hears of through API-2 (with its applicationStatus and
 * message), and the message API-3 shows for every stage of an application's history.
 */
final class BskStatusMap {

	record Api2(int applicationStatus, String message) {
	}

	record File(Map<String, Api2> api2, Map<String, String> stages, String defaultStage) {
	}

	private final Map<String, Api2> api2;

	private final Map<String, String> stages;

	private final String defaultStage;

	BskStatusMap(Map<String, Api2> api2, Map<String, String> stages, String defaultStage) {
		this.api2 = Map.copyOf(api2);
		this.stages = Map.copyOf(stages);
		this.defaultStage = defaultStage == null ? "In process" : defaultStage;
		this.api2.forEach((status, entry) -> {
			if (entry.applicationStatus() != 2 && entry.applicationStatus() != 3) {
				throw new IllegalStateException("portal-status/bsk.yml: API-2 carries applicationStatus 2 (draft) or 3 "
						+ "(final submission), not " + entry.applicationStatus() + " for " + status);
			}
		});
	}

	static BskStatusMap load() {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
		try (InputStream in = new ClassPathResource("portal-status/bsk.yml").getInputStream()) {
			File file = yaml.readValue(in, File.class);
			return new BskStatusMap(file.api2() == null ? Map.of() : file.api2(),
					file.stages() == null ? Map.of() : file.stages(), file.defaultStage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read portal-status/bsk.yml", ex);
		}
	}

	/** The map read once, shared by the API-2 connector and the API-3/4 answers. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
	static class Loaded {

		@Bean
		BskStatusMap bskStatusMap() {
			return load();
		}

	}

	Optional<Api2> api2(String status) {
		return Optional.ofNullable(api2.get(status));
	}

	String stage(String status) {
		return stages.getOrDefault(status, defaultStage);
	}

}
