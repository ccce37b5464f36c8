package org.sevahub.web;

/** The browser holds no proof that this application is its citizen's. */
class NoCitizenAccessException extends RuntimeException {

	NoCitizenAccessException(String applicationNo) {
		super("This browser did not start application " + applicationNo
				+ ". Open it from the link the portal gave you, or track its status by number.");
	}

}
