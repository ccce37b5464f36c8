package org.sevahub.delivery.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two SevaHub nodes on one PostgreSQL share the outbox: 400 applications driven through both, every status
 * sent exactly once (no resends at all), in order per application, whichever node sent it.
 */
class TwoNodesIT {

	static final int APPLICATIONS = 400;

	@Test
	void twoNodesSendEachStatusExactlyOnceAndInOrder() throws Exception {
		Instant started = Instant.now();
		try (ScratchDatabase database = new ScratchDatabase();
				RecordingReceiver receiver = new RecordingReceiver(DeliveryCrashIT.SECRET, 2);
				LifecycleDriver driver = new LifecycleDriver()) {
			int expected = APPLICATIONS * LifecycleDriver.LIFECYCLE.size();
			try (SevaHubProcess one = SevaHubProcess.start("cluster-node-1", database.url(), receiver.url());
					SevaHubProcess two = SevaHubProcess.start("cluster-node-2", database.url(), receiver.url())) {
				List<SevaHubProcess> nodes = List.of(one, two);
				List<String> applications = driver.createAndSubmit(nodes, APPLICATIONS);
				driver.completeAll(nodes, "assistant", "Task_VerifyApplication", "forward");
				driver.completeAll(nodes, "officer", "Task_Decide", "approve");
				receiver.awaitAtLeast(expected, Duration.ofMinutes(4));
				Thread.sleep(1000);

				long delivered = database.count("SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'");
				long senders = database.count("SELECT COUNT(DISTINCT sent_by) FROM delivery");
				long busiest = database.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM delivery GROUP BY sent_by) s");
				System.out.printf("Two nodes: %d applications, %d messages received, %d duplicates, the busier node sent "
						+ "%d, %d s in all%n", APPLICATIONS, receiver.received(), receiver.duplicates(), busiest,
						Duration.between(started, Instant.now()).toSeconds());
				assertThat(receiver.received()).isEqualTo(expected);
				assertThat(receiver.duplicates()).isZero();
				assertThat(delivered).isEqualTo(expected);
				assertThat(senders).as("both nodes sent").isEqualTo(2);
				assertThat(database.count("SELECT COALESCE(SUM(takeovers), 0) FROM delivery")).isZero();
				OrderCheck.everyApplicationInOrder(receiver, applications);
			}
		}
	}

}
