package org.sevahub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormField;

/**
 * A service's Camunda Form turned into what the Thymeleaf template draws: each component with its value, its
 * error, and whether a portal locked it.
 */
public record FormPage(List<Component> components) {

	public record Component(String type, String key, String label, String description, String content,
			String value, String error, boolean required, boolean locked, String inputType, String pattern,
			Integer maxLength, List<FormField.Option> options, String inputMode) {

		public boolean isHeading() {
			return "heading".equals(type);
		}

		public boolean isText() {
			return "text".equals(type);
		}

		public boolean isChoice() {
			return "select".equals(type) || "radio".equals(type);
		}

		public boolean isTextarea() {
			return "textarea".equals(type);
		}

		public boolean isCheckbox() {
			return "checkbox".equals(type);
		}

		/** The form-control id: dots are not welcome in CSS selectors. */
		public String domId() {
			return "f-" + key.replace('.', '-');
		}

		/** What a screen reader reads after the label: the hint, then the error; null for neither. */
		public String describedBy() {
			List<String> ids = new ArrayList<>();
			if (description != null) {
				ids.add(domId() + "-hint");
			}
			if (error != null) {
				ids.add(domId() + "-error");
			}
			return ids.isEmpty() ? null : String.join(" ", ids);
		}

	}

	/** @param language the reader's: labels, options and texts come from the form's translations */
	static FormPage of(FormDefinition form, Map<String, String> values, Map<String, String> errors,
			Set<String> locked, String language) {
		List<Component> components = new ArrayList<>();
		for (FormField f : form.components()) {
			if (!f.isInput()) {
				components.add(new Component(f.type(), null, form.translate(f.label(), language),
						form.translate(f.description(), language),
						stripMarkdown(form.translate(f.content(), language)), null, null, false, false, null, null,
						null, List.of(), null));
				continue;
			}
			String value = values.get(f.key());
			components.add(new Component(f.type(), f.key(), form.translate(f.label(), language),
					form.translate(f.description(), language), null, value, errors.get(f.key()), f.required(),
					locked.contains(f.key()), inputType(f), htmlPattern(f), f.maxLength(),
					f.options()
						.stream()
						.map(o -> new FormField.Option(form.translate(o.label(), language), o.value()))
						.toList(),
					inputMode(f)));
		}
		return new FormPage(components);
	}

	private static String inputType(FormField f) {
		if (f.isDate()) {
			return "date";
		}
		if ("number".equals(f.type())) {
			return "number";
		}
		if ("email".equals(f.validationType())) {
			return "email";
		}
		if ("phone".equals(f.validationType())) {
			return "tel";
		}
		return "text";
	}

	/**
	 * A phone's digit keypad for fields that take only digits: Aadhaar, and those whose pattern allows nothing
	 * else (PIN code, ^[1-9][0-9]{5}$).
	 */
	private static String inputMode(FormField f) {
		if (f.isAadhaar() || f.pattern() != null && DIGITS_ONLY.matcher(f.pattern()).matches()) {
			return "numeric";
		}
		return null;
	}

	private static final java.util.regex.Pattern DIGITS_ONLY = java.util.regex.Pattern
		.compile("\\^?(\\[[0-9 -]+\\]|\\\\d|\\{\\d+(,\\d*)?\\}|[+*?])+\\$?");

	/** The browser's pattern attribute is anchored already and does not take ^ and $. */
	private static String htmlPattern(FormField f) {
		if (f.pattern() == null) {
			return null;
		}
		String p = f.pattern();
		if (p.startsWith("^")) {
			p = p.substring(1);
		}
		if (p.endsWith("$")) {
			p = p.substring(0, p.length() - 1);
		}
		return p;
	}

	/** Form text is Markdown; the citizen pages show its words, headings without their hashes. */
	private static String stripMarkdown(String content) {
		return content == null ? null : content.replaceAll("(?m)^#+\\s*", "");
	}

}
