package org.sevahub.portal.bsk;

/**
 * A request BSK sent that the department refuses; the message goes back in BSK's {@code statusCode: 400}
 * answer, so it says what was wrong in words BSK's team can act on.
 */
class BskRefusal extends RuntimeException {

	private final int httpStatus;

	BskRefusal(String message) {
		this(400, message);
	}

	BskRefusal(int httpStatus, String message) {
		super(message);
		this.httpStatus = httpStatus;
	}

	int httpStatus() {
		return httpStatus;
	}

}
