package org.sevahub.delivery;

/** How a portal answered one message. */
public sealed interface SendResult {

	/** The portal took it. */
	record Delivered(String detail) implements SendResult {
	}

	/** The portal already had it (a resend after a crash or timeout): as good as delivered. */
	record AlreadyReceived(String detail) implements SendResult {
	}

	/** Worth retrying: network trouble, a timeout, a 5xx, the portal's "try later". */
	record TransientFailure(String reason) implements SendResult {
	}

	/** The portal refused the message itself; sending it again unchanged will not help. */
	record Rejected(String reason) implements SendResult {
	}

}
