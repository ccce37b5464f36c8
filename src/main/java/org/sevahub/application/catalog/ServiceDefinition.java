package org.sevahub.application.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One notified service as {@code catalog.yml} declares it.
 *
 * @param portals per portal, what that portal knows the service by ({@code code}) and anything else the
 *                portal's connector needs (location codes, officer codes); each connector reads its own entry.
 * @param historyRetentionDays how long the engine keeps a finished application's process history (365 unless
 *                set); SevaHub's own records (status history, certificates) are not affected
 * @param documents the supporting documents the service asks for, as written; {@code org.sevahub.document} reads
 *                  and checks them, as a connector reads its portal's entry
 * @param documentRetention how long documents are kept once the application is closed (ISO-8601, e.g. P1Y)
 */
public record ServiceDefinition(String code, Map<String, String> names, String stateLanguage, String department,
		Map<String, String> departmentNames, String processKey, String form, Disposal disposal, String breachAction,
		BigDecimal fee, boolean dbt, Officers officers, Appeal appeal, CertificateTemplate certificate,
		Map<String, Map<String, Object>> portals, Integer historyRetentionDays, List<Map<String, Object>> documents,
		String documentRetention) {

	public ServiceDefinition {
		documents = documents == null ? List.of() : List.copyOf(documents);
		names = names == null ? Map.of() : Map.copyOf(names);
		departmentNames = departmentNames == null ? Map.of() : Map.copyOf(departmentNames);
		portals = portals == null ? Map.of() : Map.copyOf(portals);
		fee = fee == null ? BigDecimal.ZERO : fee;
		breachAction = breachAction == null ? "escalate" : breachAction;
		appeal = appeal == null ? Appeal.RTS_DEFAULTS : appeal;
		historyRetentionDays = historyRetentionDays == null ? 365 : historyRetentionDays;
		if (historyRetentionDays < 1) {
			throw new IllegalArgumentException("Service " + code + ": history-retention-days must be at least 1");
		}
	}

	public String nameEn() {
		return names.getOrDefault("en", code);
	}

	/** The name in {@code language}, or English where the catalog gives none in it. */
	public String name(String language) {
		return names.getOrDefault(language, nameEn());
	}

	/** The name in the service's state language, or English where none is given. */
	public String nameLocal() {
		return names.getOrDefault(stateLanguage, nameEn());
	}

	/** The service code's initials ({@code BIRTH-CERT} is {@code BC}): the prefix of its numbers. */
	public String initials() {
		StringBuilder initials = new StringBuilder();
		for (String part : code.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				initials.append(Character.toUpperCase(part.charAt(0)));
			}
		}
		return initials.toString();
	}

	public boolean hasFee() {
		return fee.signum() > 0;
	}

	/** The code the given portal knows this service by, if the service is offered there. */
	public Optional<String> portalCode(String portal) {
		return Optional.ofNullable(portals.get(portal)).map(p -> p.get("code")).map(Object::toString);
	}

	public Map<String, Object> portalSettings(String portal) {
		return portals.getOrDefault(portal, Map.of());
	}

	public record Disposal(int days, boolean workingDays) {
	}

	/**
	 * The posts that act on the service. Each sits at an office level ({@code offices.yml}'s {@code levels}); an
	 * application's task goes to the post's group at the office of that level above the application's office.
	 */
	public record Officers(Officer dealingAssistant, Officer designated, Officer firstAppellate,
			Officer secondAppellate) {
	}

	/**
	 * @param group     the post's Camunda group ({@code designatedOfficer}); per office, {@code designatedOfficer:WB-KOL}
	 * @param days      the statutory days this officer has to decide (appellate officers only)
	 * @param level     the office level where the post sits ({@code district}); blank: the level of the post below
	 * @param roleNames the post in the citizens' languages, for their pages; English {@link #role()} otherwise
	 */
	public record Officer(String role, String group, Integer days, String level, Map<String, String> roleNames) {

		public Officer {
			roleNames = roleNames == null ? Map.of() : Map.copyOf(roleNames);
		}

		public String roleName(String language) {
			return roleNames.getOrDefault(language, role);
		}

	}

	public record Appeal(int firstFilingDays, int secondFilingDays, int secondFilingDaysWithoutOrder) {
		static final Appeal RTS_DEFAULTS = new Appeal(30, 30, 45);
	}

	/** @param validityYears blank for a certificate valid for life */
	public record CertificateTemplate(String template, Map<String, String> title, Integer validityYears) {
	}

}
