package org.sevahub.application;

/** The citizen asked for something the application's current stage does not allow; nothing was changed. */
public class ActionNotAllowedException extends RuntimeException {

	public ActionNotAllowedException(String message) {
		super(message);
	}

}
