package org.sevahub.application;

public class ApplicationNotFoundException extends RuntimeException {

	public ApplicationNotFoundException(String applicationNo) {
		super("No application has the number '" + applicationNo + "'");
	}

}
