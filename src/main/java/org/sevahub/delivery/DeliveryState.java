package org.sevahub.delivery;

public enum DeliveryState {

	/** Waiting for its turn or its next attempt. */
	PENDING,
	/** Sent or acknowledged as already received. */
	DELIVERED,
	/** Refused by the portal or failing too long: waits for an admin, and holds back later messages. */
	PARKED

}
