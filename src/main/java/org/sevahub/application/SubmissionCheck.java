package org.sevahub.application;

import java.util.Map;

/**
 * Something besides the form that must be in order before an application is submitted or a clarification is
 * answered: the supporting documents, for one. Asked inside the submitting transaction; its problems are shown
 * with the form's own field errors and nothing is submitted.
 */
public interface SubmissionCheck {

	/**
	 * @param answers the form's values as they will be once this submission is taken
	 * @return per key (a form key, or another the caller's page knows), what is wrong; empty when all is in order
	 */
	Map<String, String> problems(Application app, Map<String, String> answers);

}
