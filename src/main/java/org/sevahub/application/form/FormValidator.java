package org.sevahub.application.form;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.sevahub.platform.doors.ControlCharacters;

/**
 * Server-side validation of a citizen's form against its Camunda Form: the browser's checks are a
 * convenience, these are the rule. Values come back NFC-normalised, so a Bengali, Hindi or Marathi name typed
 * with different input methods is stored the same way.
 */
public final class FormValidator {

	/** Without a maxLength in the form, no field takes more than this. */
	public static final int DEFAULT_MAX_LENGTH = 1000;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern MOBILE = Pattern.compile("^(\\+91)?[6-9]\\d{9}$");

	public enum Mode {

		/** A draft may be incomplete, but what it holds must still be well-formed. */
		DRAFT,
		/** A submission must be complete. */
		SUBMIT

	}

	private FormValidator() {
	}

	/**
	 * @param submitted what the citizen (or a client) sent now; keys outside the form are errors
	 * @param stored    what the application already holds, used for fields not sent now
	 * @param trusted   keys whose stored value stands as it is (locked by a portal, a protected Aadhaar):
	 *                  they count as present but are neither re-checked nor changed
	 */
	public static Result validate(FormDefinition form, Map<String, String> submitted, Map<String, String> stored,
			Set<String> trusted, Mode mode) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Problem> problems = new LinkedHashMap<>();
		for (String key : submitted.keySet()) {
			if (form.field(key).isEmpty()) {
				put(errors, problems, key, new Problem("unknown-field", key, "'" + key + "' is not a field of this form"));
			}
		}
		for (FormField field : form.inputs()) {
			String key = field.key();
			boolean isTrusted = trusted.contains(key);
			String raw = submitted.containsKey(key) && !isTrusted ? submitted.get(key) : stored.get(key);
			String value = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
			boolean blank = value.isEmpty() || ("checkbox".equals(field.type()) && !"true".equals(value));
			if (blank) {
				if (field.required() && mode == Mode.SUBMIT) {
					put(errors, problems, key, new Problem("required", key, label(field) + " is required"));
				}
				else if (raw != null && !isTrusted) {
					values.put(key, "checkbox".equals(field.type()) ? "false" : "");
				}
				continue;
			}
			if (isTrusted) {
				continue;
			}
			Problem error = check(field, value);
			if (error != null) {
				put(errors, problems, key, error);
			}
			else {
				// Free text is shown to officers and printed on certificates: a card's number written into it
				// ("income from ..., Aadhaar 4736 1928 5709") is kept masked, as every Aadhaar outside its own field.
				values.put(key, "textarea".equals(field.type()) ? Aadhaar.maskedIn(value) : value);
			}
		}
		return new Result(values, errors, problems);
	}

	private static Problem check(FormField field, String value) {
		if (ControlCharacters.in(value)) {
			return new Problem("control", null, label(field) + " must not contain control characters");
		}
		int max = field.maxLength() != null ? field.maxLength() : DEFAULT_MAX_LENGTH;
		if (value.codePointCount(0, value.length()) > max) {
			return new Problem("too-long", max, label(field) + " must be at most " + max + " characters");
		}
		if (field.minLength() != null && value.codePointCount(0, value.length()) < field.minLength()) {
			return new Problem("too-short", field.minLength(), label(field) + " must be at least " + field.minLength() + " characters");
		}
		if (field.pattern() != null && !matches(field.pattern(), value)) {
			return new Problem("format", null, label(field) + " is not in the expected format");
		}
		if (field.isAadhaar() && !Aadhaar.isValid(value)) {
			return new Problem("aadhaar", null, "Aadhaar must be 12 digits with a valid check digit");
		}
		if ("email".equals(field.validationType()) && !EMAIL.matcher(value).matches()) {
			return new Problem("email", null, label(field) + " is not an e-mail address");
		}
		if ("phone".equals(field.validationType()) && !MOBILE.matcher(value).matches()) {
			return new Problem("mobile", null, label(field) + " must be a 10-digit Indian mobile number");
		}
		if (!field.options().isEmpty() && field.options().stream().noneMatch(o -> o.value().equals(value))) {
			return new Problem("choice", null, label(field) + " must be one of the listed choices");
		}
		if ("number".equals(field.type())) {
			return checkNumber(field, value);
		}
		if (field.isDate()) {
			return checkDate(field, value);
		}
		if ("checkbox".equals(field.type()) && !"true".equals(value) && !"false".equals(value)) {
			return new Problem("checkbox", null, label(field) + " must be ticked or not");
		}
		return null;
	}

	private static Problem checkNumber(FormField field, String value) {
		BigDecimal number;
		try {
			number = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return new Problem("number", null, label(field) + " must be a number");
		}
		if (field.min() != null && number.compareTo(field.min()) < 0) {
			return new Problem("min", field.min().toPlainString(), label(field) + " must be at least " + field.min().toPlainString());
		}
		if (field.max() != null && number.compareTo(field.max()) > 0) {
			return new Problem("max", field.max().toPlainString(), label(field) + " must be at most " + field.max().toPlainString());
		}
		return null;
	}

	private static Problem checkDate(FormField field, String value) {
		try {
			LocalDate date = LocalDate.parse(value);
			if ("true".equals(field.properties().get("sevahub.past")) && date.isAfter(LocalDate.now())) {
				return new Problem("future", null, label(field) + " cannot be in the future");
			}
			return null;
		}
		catch (DateTimeParseException ex) {
			return new Problem("date", null, label(field) + " must be a date (YYYY-MM-DD)");
		}
	}

	private static boolean matches(String pattern, String value) {
		try {
			return Pattern.compile(pattern).matcher(value).matches();
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalStateException("The form's pattern " + pattern + " is not a regular expression", ex);
		}
	}

	private static void put(Map<String, String> errors, Map<String, Problem> problems, String key, Problem problem) {
		errors.put(key, problem.english());
		problems.put(key, problem);
	}

	private static String label(FormField field) {
		return field.label() != null ? field.label() : field.key();
	}

	/**
	 * @param values every well-formed, untrusted value of the form, normalised (blank where cleared)
	 * @param errors   per form key, what is wrong, in English (the API's answer)
	 * @param problems the same as codes, for pages that say it in the citizen's language
	 */
	public record Result(Map<String, String> values, Map<String, String> errors, Map<String, Problem> problems) {

		public boolean isValid() {
			return errors.isEmpty();
		}

	}

	/**
	 * What is wrong with a field, as a code of the {@code validation.*} texts: a page says it in the reader's
	 * language with the field's translated label.
	 *
	 * @param argument the limit broken (a length, a minimum), or null
	 */
	public record Problem(String code, Object argument, String english) {
	}

}
