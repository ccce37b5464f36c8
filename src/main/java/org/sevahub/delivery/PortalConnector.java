package org.sevahub.delivery;

import java.util.List;

/**
 * What a portal package implements so SevaHub can tell that portal about an application. Everything
 * portal-specific (the envelope, the crypto, the codes, the order rules) stays behind this interface.
 */
public interface PortalConnector {

	/** The portal's name, as in configuration and portal links: bsk, isp, aaplesarkar, digilocker, dci. */
	String portal();

	/**
	 * True for a counterpart that hears of every application, linked or not (the department's own MIS); such a
	 * connector sees a link made up for the occasion, with the application number as its reference.
	 */
	default boolean coversEveryApplication() {
		return false;
	}

	/**
	 * The messages this portal must receive because an application linked to it changed status. Runs inside
	 * the transaction that records the status, so it must not call the portal: it only decides what to send
	 * (possibly nothing) and captures, in the payload, what the send will need.
	 */
	List<OutboundMessage> messagesFor(StatusChange change);

	/**
	 * Sends one message and classifies the portal's answer. Runs outside any transaction, possibly again for
	 * the same message after a crash, so a portal's "already received" answer must be reported as
	 * {@link SendResult.AlreadyReceived}. An exception is treated as a transient fault.
	 */
	SendResult send(QueuedMessage message) throws Exception;

}
