package org.sevahub.application;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sevahub.application.AuditTrail.Direction;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records made while a send is held wait for the holder, who writes them with the send's outcome; once the holder
 * has let go (it stopped waiting for the send), whatever the send still records is written at once.
 */
@SevaHubTest
class AuditTrailHoldingTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void heldRecordsWaitForTheHolderAndLaterOnesAreWrittenAtOnce() throws Exception {
		String reference = UUID.randomUUID().toString();
		AuditTrail.Held held = new AuditTrail.Held();

		audit.holding(held, () -> {
			audit.record(Direction.OUT, "webhook", "status SUBMITTED", reference, "Delivered", "mobile 9876543210");
			return null;
		});
		assertThat(written(reference)).as("held, not written").isEmpty();

		List<AuditTrail.Entry> entries = held.release();
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.outcome()).isEqualTo("Delivered");
			assertThat(e.summary()).as("redacted as it is made").isEqualTo("mobile 98XXXXXX10");
		});
		audit.holding(held, () -> {
			audit.record(Direction.OUT, "webhook", "status SUBMITTED", reference, "late answer", null);
			return null;
		});
		assertThat(written(reference)).as("after the release, written at once").containsExactly("late answer");

		audit.writeApart(entries);
		assertThat(written(reference)).containsExactlyInAnyOrder("late answer", "Delivered");
	}

	private List<String> written(String reference) {
		return jdbc.sql("SELECT outcome FROM audit_record WHERE reference = :ref ORDER BY id")
			.param("ref", reference)
			.query(String.class)
			.list();
	}

}
