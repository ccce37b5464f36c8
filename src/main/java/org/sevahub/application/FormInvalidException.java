package org.sevahub.application;

import java.util.Map;

/** A submission that does not satisfy its form; nothing was changed. */
public class FormInvalidException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public FormInvalidException(Map<String, String> fieldErrors) {
		super("The form has " + fieldErrors.size() + " field error(s): " + String.join(", ", fieldErrors.keySet()));
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

}
