package org.sevahub.application;

/**
 * The department's SMS gateway (in India, typically the state's or NIC's DLT-registered gateway). SevaHub
 * tells citizens of deliveries and sends one-time passwords through it. Without a real gateway configured,
 * messages are logged with the number masked; the sandbox keeps them in an inbox tests and the demo can read.
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
