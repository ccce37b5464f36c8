package org.sevahub.application;

/**
 * The department's SMS gateway (in India, typically the state's or NIC's DLT-registered gateway), for what
 * must go at once: one-time passwords. The message must fit one of the DLT templates registered for OTPs
 * ({@code sevahub.notify.sms.otp-templates}), else it is refused with an exception. Citizens' notifications go
 * through the outbox instead (package {@code notification}). Without a gateway configured (and the sandbox off),
 * messages are logged with the number masked; the sandbox gateway keeps them in its inbox, {@code /sandbox/sms}.
 */
public interface SmsGateway {

	void send(String mobile, String message);

	/** {@code 98XXXXXX10}: enough to recognise in a log, not enough to misuse. */
	static String mask(String mobile) {
		if (mobile == null || mobile.length() < 4) {
			return "XXXX";
		}
		return mobile.substring(0, 2) + "X".repeat(mobile.length() - 4) + mobile.substring(mobile.length() - 2);
	}

}
