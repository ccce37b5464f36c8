package org.sevahub.web;

/** The browser holds no proof that this application is its citizen's. */
class NoCitizenAccessException extends RuntimeException {

	NoCitizenAccessException(String applicationNo) {
		super("No application " + applicationNo + " is open to you here. Sign in with the applicant's mobile, open it "
				+ "from the link the portal gave you, or track its status by number.");
	}

}
