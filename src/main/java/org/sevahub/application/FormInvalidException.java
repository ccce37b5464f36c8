package org.sevahub.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sevahub.application.form.FormValidator;

/** A submission that does not satisfy its form; nothing was changed. */
public class FormInvalidException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	private final Map<String, FormValidator.Problem> problems;

	public FormInvalidException(Map<String, String> fieldErrors) {
		this(fieldErrors, Map.of());
	}

	/**
	 * @param fieldErrors per key, in English, in the form's order (kept)
	 * @param problems    the errors as codes, for pages in the citizen's language
	 */
	public FormInvalidException(Map<String, String> fieldErrors, Map<String, FormValidator.Problem> problems) {
		super("The form has " + fieldErrors.size() + " field error(s): " + String.join(", ", fieldErrors.keySet()));
		// In the order given (the form's): a page lists them as the citizen meets the fields.
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	public Map<String, FormValidator.Problem> problems() {
		return problems;
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

}
