package org.sevahub.office;

/** A code that names no office of {@code offices.yml}. */
public class UnknownOfficeException extends RuntimeException {

	public UnknownOfficeException(String code) {
		super("No office has the code '" + code + "'");
	}

}
