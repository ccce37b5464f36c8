package org.sevahub.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

	/**
	 * Up to 500 in a state: what waits (pending, parked) oldest first, what is on record (delivered, not sent,
	 * withdrawn) newest first.
	 */
	public List<Delivery> inState(DeliveryState state) {
		return state == DeliveryState.PENDING || state == DeliveryState.PARKED ? deliveries.inState(state, 500)
				: deliveries.latestInState(state, 500);
	}

	/**
	 * What portals were not sent for an application because their rules forbid it, by the status history entry
	 * each belongs to: how the application's history shows "not sent: closed at the portal".
	 */
	public Map<Long, List<Delivery>> notSentByHistoryEntry(long applicationId) {
		return deliveries.notSent(applicationId)
			.stream()
			.filter(d -> d.statusHistoryId() != null)
			.collect(Collectors.groupingBy(Delivery::statusHistoryId, LinkedHashMap::new, Collectors.toList()));
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
