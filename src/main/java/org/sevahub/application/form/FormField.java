package org.sevahub.application.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One component of a Camunda Form, as much of it as SevaHub renders and validates on the server. Components
 * without a key ({@code text}, a group's label) carry only {@link #label()} or {@link #content()}.
 */
public record FormField(String type, String key, String label, String description, String content, boolean required,
		Integer minLength, Integer maxLength, String pattern, BigDecimal min, BigDecimal max, String validationType,
		List<Option> options, Map<String, String> properties) {

	public boolean isInput() {
		return key != null && !key.isBlank();
	}

	public boolean isDate() {
		return "datetime".equals(type) || "date".equals(properties.get("subtype"));
	}

	/** {@code properties: {"sevahub.kind": "aadhaar"}} marks the Aadhaar field: encrypted, never echoed. */
	public boolean isAadhaar() {
		return "aadhaar".equals(properties.get("sevahub.kind"));
	}

	public boolean isApplicantField() {
		return key != null && key.startsWith(ApplicantFields.PREFIX);
	}

	/** This field with other choices: a checklist's from its {@code valuesKey} variable, known only per task. */
	public FormField withOptions(List<Option> choices) {
		return new FormField(type, key, label, description, content, required, minLength, maxLength, pattern, min, max,
				validationType, List.copyOf(choices), properties);
	}

	public record Option(String label, String value) {
	}

}
