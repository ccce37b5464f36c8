package org.sevahub.delivery;

public enum DeliveryState {

	/** Waiting for its turn, its next attempt, or the time it is held until. */
	PENDING,
	/** Sent or acknowledged as already received. */
	DELIVERED,
	/** Refused by the portal or failing too long: waits for an admin, and holds back later messages. */
	PARKED,
	/** Forbidden by the portal's own rules ("not sent: closed at the portal"): on the record, never sent. */
	NOT_SENT,
	/** Held until a time, and overtaken before it by a later message for the same application and portal. */
	WITHDRAWN

}
