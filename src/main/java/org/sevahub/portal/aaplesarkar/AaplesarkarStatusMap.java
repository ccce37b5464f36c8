package org.sevahub.portal.aaplesarkar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * portal-status/aaplesarkar.yml: canonical status to Aaple Sarkar's ApplicationStatus 1-5, the Request Flag and
 * a default remark. Checked when loaded, so a wrong edit stops the start instead of every push being refused.
 */
final class AaplesarkarStatusMap {

	record Entry(String code, String requestFlag, String remark) {

		Entry {
			requestFlag = requestFlag == null || requestFlag.isBlank() ? "0" : requestFlag;
		}

	}

	private final Map<String, Entry> statuses;

	private final Entry fallback;

	AaplesarkarStatusMap(Map<String, Entry> statuses, Entry fallback) {
		this.statuses = Map.copyOf(statuses);
		this.fallback = fallback;
		statuses.forEach(AaplesarkarStatusMap::check);
		if (fallback != null) {
			check("default", fallback);
		}
	}

	private static void check(String status, Entry entry) {
		boolean silent = entry.code() == null || entry.code().isBlank();
		if (!silent && !entry.code().matches("[1-5]") || !entry.requestFlag().matches("[012]")) {
			throw new IllegalStateException("portal-status/aaplesarkar.yml: " + status
					+ " needs an ApplicationStatus 1-5 and a request-flag 0, 1 or 2, not " + entry);
		}
	}

	static AaplesarkarStatusMap load() {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
		try (InputStream in = new ClassPathResource("portal-status/aaplesarkar.yml").getInputStream()) {
			Map<?, ?> raw = yaml.readValue(in, Map.class);
			Map<String, Entry> statuses = yaml.convertValue(raw.get("statuses"),
					yaml.getTypeFactory().constructMapType(Map.class, String.class, Entry.class));
			Entry fallback = raw.get("default") == null ? null : yaml.convertValue(raw.get("default"), Entry.class);
			return new AaplesarkarStatusMap(statuses, fallback);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read portal-status/aaplesarkar.yml", ex);
		}
	}

	/** Aaple Sarkar's entry for a canonical (or department-declared) status; empty for one it is not told. */
	Optional<Entry> entry(String status) {
		return Optional.ofNullable(statuses.getOrDefault(status, fallback))
			.filter(e -> e.code() != null && !e.code().isBlank());
	}

}
