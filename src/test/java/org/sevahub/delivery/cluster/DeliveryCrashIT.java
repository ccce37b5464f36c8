package org.sevahub.delivery.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SevaHub is killed with SIGKILL while it is sending, and started again on the same database: the department
 * MIS still gets every status of every application, in order, with at most one resend per message that was in
 * flight at the kill (each answered "duplicate" and counted).
 */
class DeliveryCrashIT {

	static final int APPLICATIONS = 200;

	static final String SECRET = "sandbox-webhook-secret-not-for-production";

	@Test
	void aNodeKilledMidSendLosesNothingAndResendsAtMostWhatWasInFlight() throws Exception {
		Instant started = Instant.now();
		try (ScratchDatabase database = new ScratchDatabase();
				RecordingReceiver receiver = new RecordingReceiver(SECRET, 25);
				LifecycleDriver driver = new LifecycleDriver()) {
			int expected = APPLICATIONS * LifecycleDriver.LIFECYCLE.size();
			List<String> applications;
			long inFlightAtKill;
			int receivedAtKill;
			try (SevaHubProcess first = SevaHubProcess.start("crash-node-1", database.url(), receiver.url())) {
				applications = driver.createAndSubmit(List.of(first), APPLICATIONS);
				driver.completeAll(List.of(first), "assistant", "Task_VerifyApplication", "forward");
				driver.completeAll(List.of(first), "officer", "Task_Decide", "approve");
				receivedAtKill = receiver.received();
				first.kill();
				inFlightAtKill = database.count("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING' AND lease_owner IS NOT NULL");
			}
			assertThat(receivedAtKill).as("messages must still be flowing when the node is killed").isLessThan(expected);

			receiver.delay(0);
			try (SevaHubProcess second = SevaHubProcess.start("crash-node-2", database.url(), receiver.url())) {
				receiver.awaitAtLeast(expected, Duration.ofMinutes(4));
				Thread.sleep(1000);
			}
			long takeovers = database.count("SELECT COALESCE(SUM(takeovers), 0) FROM delivery");
			System.out.printf("Crash test: %d applications, %d messages, %d received before SIGKILL, %d leased in flight "
					+ "at the kill, %d taken over, %d resent (answered duplicate), %d s in all%n", APPLICATIONS, expected,
					receivedAtKill, inFlightAtKill, takeovers, receiver.duplicates(),
					Duration.between(started, Instant.now()).toSeconds());

			assertThat(receiver.received()).isEqualTo(expected);
			assertThat(receiver.badSignatures()).isZero();
			OrderCheck.everyApplicationInOrder(receiver, applications);
			assertThat(receiver.duplicates()).as("resends").isLessThanOrEqualTo((int) inFlightAtKill);
			assertThat(takeovers).isLessThanOrEqualTo(inFlightAtKill);
			assertThat(database.count("SELECT COUNT(*) FROM delivery WHERE state <> 'DELIVERED'")).isZero();
		}
	}

}
