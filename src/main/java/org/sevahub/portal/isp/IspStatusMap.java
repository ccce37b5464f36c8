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

import org.springframework.core.io.DefaultResourceLoader;

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

	/**
	 * What ISP hears of a rejection. ISP takes nothing after S110 (Annexure A, rule 2), so a rejection the citizen
	 * then wins on appeal would stay REJECTED there.
	 *
	 * @param mode      {@code hold}: S110 waits until the first-appeal period has lapsed without an appeal, and
	 *                  an appeal filed in time withdraws it; {@code send}: S110 goes at once
	 * @param meanwhile under {@code hold}, the code ISP is sent at once instead (where its order rules allow);
	 *                  none when null or blank
	 */
	record AfterRejection(String mode, Entry meanwhile) {

		static final AfterRejection SEND = new AfterRejection("send", null);

		AfterRejection {
			mode = mode == null || mode.isBlank() ? "send" : mode.strip().toLowerCase(java.util.Locale.ROOT);
			if (!mode.equals("hold") && !mode.equals("send")) {
				throw new IllegalStateException("after-rejection.mode is hold or send, not " + mode);
			}
			meanwhile = meanwhile == null || meanwhile.code() == null || meanwhile.code().isBlank() ? null : meanwhile;
			if (meanwhile != null && CLOSING_OR_BINDING.contains(meanwhile.code())) {
				throw new IllegalStateException("after-rejection.meanwhile cannot be " + meanwhile.code()
						+ ": it would close the application at ISP or bind what may follow");
			}
		}

		boolean holds() {
			return mode.equals("hold");
		}

	}

	/** Codes that close the application at ISP, may come once, or restrict the next code (Annexure A). */
	private static final java.util.Set<String> CLOSING_OR_BINDING = java.util.Set.of(IspOrderRules.SUBMITTED,
			IspOrderRules.REJECTED, IspOrderRules.DELIVERED, IspOrderRules.OBJECTION, IspOrderRules.FEE_PENDING);

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

	private final AfterRejection afterRejection;

	IspStatusMap(Map<String, Entry> statuses, Entry fallback, Map<String, String> pendencyLevels) {
		this(statuses, fallback, pendencyLevels, AfterRejection.SEND);
	}

	IspStatusMap(Map<String, Entry> statuses, Entry fallback, Map<String, String> pendencyLevels,
			AfterRejection afterRejection) {
		this.statuses = Map.copyOf(statuses);
		this.fallback = fallback;
		this.pendencyLevels = Map.copyOf(pendencyLevels);
		this.afterRejection = afterRejection;
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

	static final String SHIPPED = "classpath:portal-status/isp.yml";

	static IspStatusMap load() {
		return load(SHIPPED);
	}

	/** The map at a Spring resource location ({@code classpath:...}, {@code file:...}). */
	static IspStatusMap load(String location) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
		try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
			Map<?, ?> raw = yaml.readValue(in, Map.class);
			Map<String, Entry> statuses = yaml.convertValue(raw.get("statuses"),
					yaml.getTypeFactory().constructMapType(Map.class, String.class, Entry.class));
			Entry fallback = raw.get("default") == null ? null : yaml.convertValue(raw.get("default"), Entry.class);
			Map<String, String> levels = yaml.convertValue(raw.get("pendency-levels"),
					yaml.getTypeFactory().constructMapType(Map.class, String.class, String.class));
			AfterRejection afterRejection = raw.get("after-rejection") == null ? AfterRejection.SEND
					: yaml.convertValue(raw.get("after-rejection"), AfterRejection.class);
			return new IspStatusMap(statuses, fallback, levels == null ? Map.of() : levels, afterRejection);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read ISP's status map at " + location, ex);
		}
	}

	AfterRejection afterRejection() {
		return afterRejection;
	}

	/** ISP's code for a canonical (or department-declared) status; empty for a status ISP is not told. */
	Optional<Entry> entry(String status) {
		return Optional.ofNullable(statuses.getOrDefault(status, fallback)).filter(e -> e.code() != null && !e.code().isBlank());
	}

	String pendencyLevel(String pendingWith) {
		return pendencyLevels.getOrDefault(pendingWith, pendencyLevels.getOrDefault("none", "0"));
	}

}
