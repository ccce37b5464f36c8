package org.sevahub.application;

/**
 * Sends an application to the office competent for it (org.sevahub.office), from its applicant's address or the
 * portal's code for the place, and records that office on it.
 */
public interface ApplicationRouting {

	/**
	 * Routes the application as it stands and records the office; an application an administrator has transferred
	 * keeps the office it was transferred to. Returns the office's code.
	 */
	String route(Application app, Applicant applicant);

}
