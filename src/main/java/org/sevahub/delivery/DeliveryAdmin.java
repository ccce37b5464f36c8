package org.sevahub.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** What an admin can see of the queue and do about it. */
@Component
public class DeliveryAdmin {

	private final DeliveryRepository deliveries;

	private final DeliveryDispatcher dispatcher;

	DeliveryAdmin(DeliveryRepository deliveries, DeliveryDispatcher dispatcher) {
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
	}

	public List<Delivery> parked() {
		return deliveries.inState(DeliveryState.PARKED, 500);
	}

	public List<Delivery> pending() {
		return deliveries.inState(DeliveryState.PENDING, 500);
	}

	public List<Delivery> ofApplication(String applicationNo) {
		return deliveries.ofApplication(applicationNo);
	}

	public Optional<Delivery> find(long id) {
		return deliveries.find(id);
	}

	/** Requeues a parked message and resolves its incident; false when it was not parked. */
	public boolean retry(long id) {
		return dispatcher.retry(id);
	}

}
