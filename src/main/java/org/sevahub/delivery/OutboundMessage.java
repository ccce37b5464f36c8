package org.sevahub.delivery;

import java.time.Instant;

/**
 * A message to queue for a portal, or (see {@link #notSent}) the record of one the portal will not take.
 *
 * @param kind       the operation, in the portal's terms (e.g. {@code returnServiceStatus}, {@code api2})
 * @param payload    what the connector needs at send time, as JSON of the connector's own making
 * @param heldUntil  null: due now. Otherwise sent at that time, unless a later message for the same application
 *                   and portal is queued first, which withdraws it (the portal hears the later news instead)
 * @param notSent    null: to be sent. Otherwise why the portal's rules forbid it: it is recorded (state
 *                   {@code NOT_SENT}, "not sent: closed at the portal"), never sent, and the citizen is told
 */
public record OutboundMessage(String kind, String payload, Instant heldUntil, String notSent) {

	public OutboundMessage(String kind, String payload) {
		this(kind, payload, null, null);
	}

	/** Sent at {@code until}, unless something newer for the same application and portal is queued before. */
	public static OutboundMessage heldUntil(String kind, String payload, Instant until) {
		return new OutboundMessage(kind, payload, until, null);
	}

	/**
	 * A status the portal's own rules forbid it to take (it has closed the application, say): kept on the record
	 * of the application and its deliveries, with the reason, and never sent.
	 */
	public static OutboundMessage notSent(String kind, String reason) {
		return new OutboundMessage(kind, "{}", null, reason);
	}

}
