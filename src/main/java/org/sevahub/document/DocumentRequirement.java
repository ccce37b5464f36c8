package org.sevahub.document;

import java.util.List;
import java.util.Map;

/**
 * One supporting document a service asks for, as {@code catalog.yml} declares it under the service's
 * {@code documents}.
 *
 * @param mandatory      always needed before the application can be submitted
 * @param condition      FEEL over the form's answers ({@code applicant.category in ("SC", "ST")}); when it holds,
 *                       the document is needed as if mandatory. Blank: no condition
 * @param conditionNames the condition in words, per language, for the citizen
 * @param types          media types the bytes must have: application/pdf, image/jpeg, image/png
 * @param maxPages       for a PDF, the most pages it may have (blank: no limit)
 */
public record DocumentRequirement(String code, Map<String, String> names, boolean mandatory, String condition,
		Map<String, String> conditionNames, List<String> types, long maxBytes, Integer maxPages) {

	public DocumentRequirement {
		names = names == null ? Map.of() : Map.copyOf(names);
		conditionNames = conditionNames == null ? Map.of() : Map.copyOf(conditionNames);
		types = types == null ? List.of() : List.copyOf(types);
		condition = condition == null || condition.isBlank() ? null : condition.strip();
	}

	public String name(String language) {
		return names.getOrDefault(language, nameEn());
	}

	public String nameEn() {
		return names.getOrDefault("en", code);
	}

	public String conditionName(String language) {
		return conditionNames.getOrDefault(language, conditionNames.get("en"));
	}

	public boolean conditional() {
		return condition != null;
	}

	public boolean accepts(String mediaType) {
		return types.contains(mediaType);
	}

}
