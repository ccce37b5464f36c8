package org.sevahub.portal.isp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * portal-status/isp.yml: canonical status to ISP status code, and whose desk the application is on after it.
 * Checked when loaded: every ordinary path of an application must satisfy ISP's order rules under the mapping.
 */
final class IspStatusMap {

	record Entry(String code, String pendingWith) {

		Entry {
			pendingWith = pendingWith == null ? "none" : pendingWith;
		}

	}

	record File(Map<String, Entry> statuses, Entry defaultEntry, Map<String, String> pendencyLevels) {
	}

	/** The canonical lifecycles ISP must be able to follow; a mapping that breaks one of them is refused. */
	static final List<List<String>> ORDINARY_PATHS = List.of(
			List.of("DRAFT", "DRAFT", "SUBMITTED", "UNDER_VERIFICATION", "FORWARDED", "APPROVED", "CERTIFICATE_ISSUED",
					"DELIVERED"),
			List.of("FEE_PENDING", "FEE_PAID", "SUBMITTED", "UNDER_VERIFICATION", "CLARIFICATION_SOUGHT", "RESUBMITTED",
					"UNDER_VERIFICATION", "FORWARDED", "REJECTED"),
			List.of("SUBMITTED", "UNDER_VERIFICATION", "FORWARDED", "CLARIFICATION_SOUGHT", "RESUBMITTED",
					"UNDER_VERIFICATION", "FORWARDED", "APPROVED", "CERTIFICATE_ISSUED", "DELIVERED"));

	private final Map<String, Entry> statuses;

	private final Entry fallback;

	private final Map<String, String> pendencyLevels;

	IspStatusMap(Map<String, Entry> statuses, Entry fallback, Map<String, String> pendencyLevels) {
		this.statuses = Map.copyOf(statuses);
		this.fallback = fallback;
		this.pendencyLevels = Map.copyOf(pendencyLevels);
		List<String> problems = new ArrayList<>();
		for (List<String> path : ORDINARY_PATHS) {
			List<String> sent = new ArrayList<>();
			for (String status : path) {
				Optional<Entry> entry = entry(status);
				if (entry.isEmpty()) {
					continue;
				}
				String refusal = IspOrderRules.refusal(sent, entry.get().code());
				if (refusal != null) {
					problems.add(status + " -> " + entry.get().code() + " after " + sent + ": " + refusal);
					break;
				}
				sent.add(entry.get().code());
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("portal-status/isp.yml breaks ISP's order rules: " + problems);
		}
	}

	static IspStatusMap load() {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
		try (InputStream in = new ClassPathResource("portal-status/isp.yml").getInputStream()) {
			Map<?, ?> raw = yaml.readValue(in, Map.class);
			Map<String, Entry> statuses = yaml.convertValue(raw.get("statuses"),
					yaml.getTypeFactory().constructMapType(Map.class, String.class, Entry.class));
			Entry fallback = raw.get("default") == null ? null : yaml.convertValue(raw.get("default"), Entry.class);
			Map<String, String> levels = yaml.convertValue(raw.get("pendency-levels"),
					yaml.getTypeFactory().constructMapType(Map.class, String.class, String.class));
			return new IspStatusMap(statuses, fallback, levels == null ? Map.of() : levels);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read portal-status/isp.yml", ex);
		}
	}

	/** ISP's code for a canonical (or department-declared) status; empty for a status ISP is not told. */
	Optional<Entry> entry(String status) {
		return Optional.ofNullable(statuses.getOrDefault(status, fallback)).filter(e -> e.code() != null && !e.code().isBlank());
	}

	String pendencyLevel(String pendingWith) {
		return pendencyLevels.getOrDefault(pendingWith, pendencyLevels.getOrDefault("none", "0"));
	}

}
