package org.sevahub.delivery.cluster;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

public final class OrderCheck {

	private OrderCheck() {
	}

	/** Each application's first copies arrived as sequence 1..n, with the lifecycle's statuses in order. */
	public static void everyApplicationInOrder(RecordingReceiver receiver, List<String> applications) {
		List<Integer> sequences = IntStream.rangeClosed(1, LifecycleDriver.LIFECYCLE.size()).boxed().toList();
		for (String no : applications) {
			List<RecordingReceiver.Received> got = receiver.byApplication().get(no);
			assertThat(got).as("what %s's MIS received", no).isNotNull();
			assertThat(got).extracting(RecordingReceiver.Received::sequence).as(no).isEqualTo(sequences);
			assertThat(got).extracting(RecordingReceiver.Received::status).as(no).isEqualTo(LifecycleDriver.LIFECYCLE);
		}
	}

}
