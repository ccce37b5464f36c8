package org.sevahub.application;

import java.util.Map;

import org.sevahub.application.form.FormValidator;

/** A submission that does not satisfy its form; nothing was changed. */
public class FormInvalidException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	private final Map<String, FormValidator.Problem> problems;

	public FormInvalidException(Map<String, String> fieldErrors) {
		this(fieldErrors, Map.of());
	}

	/** @param problems the errors as codes, for pages in the citizen's language */
	public FormInvalidException(Map<String, String> fieldErrors, Map<String, FormValidator.Problem> problems) {
		super("The form has " + fieldErrors.size() + " field error(s): " + String.join(", ", fieldErrors.keySet()));
		this.fieldErrors = Map.copyOf(fieldErrors);
		this.problems = Map.copyOf(problems);
	}

	public Map<String, FormValidator.Problem> problems() {
		return problems;
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

}
