package org.sevahub.citizen;

/** Why a sign-in step was refused; each reason has its own status and text (messages*.properties). */
class SignInRefused extends RuntimeException {

	enum Reason {

		INVALID_MOBILE(400), INVALID_CODE(400), RATE_LIMITED(429), NO_CODE(401), WRONG_CODE(401), EXPIRED(401),
		TOO_MANY_TRIES(401), NOT_SENT(503);

		final int status;

		Reason(int status) {
			this.status = status;
		}

		/** The API's error code and the pages' message key suffix. */
		String code() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	final Reason reason;

	final int triesLeft;

	SignInRefused(Reason reason) {
		this(reason, -1);
	}

	SignInRefused(Reason reason, int triesLeft) {
		super(reason.code());
		this.reason = reason;
		this.triesLeft = triesLeft;
	}

}
