package org.sevahub.portal.digilocker;

import org.springframework.http.HttpStatus;

/** A request DigiLocker gets a {@code ResponseStatus Status="0"} for, with the reason and the HTTP status. */
class DigiLockerRefusal extends RuntimeException {

	private final HttpStatus status;

	DigiLockerRefusal(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

	static DigiLockerRefusal notFound(String message) {
		// "Nothing matches" is an ordinary answer in DigiLocker's protocol: HTTP 200 with Status 0.
		return new DigiLockerRefusal(HttpStatus.OK, message);
	}

}
