package org.sevahub.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.EngineClock;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a connector can say beside "send this": hold it until a time (sent then, unless something newer is queued
 * first, which withdraws it), or "not sent: closed at the portal" (recorded, never sent, holding nothing back,
 * the citizen told once). Against PostgreSQL and the sandbox department MIS (the webhook portal).
 */
@SevaHubTest
class DeliveryHoldAndNotSentTest {

	@Autowired
	ProcessDriver driver;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryAdmin admin;

	@Autowired
	QueuedHistory queued;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void aClockOfItsOwn() {
		// Ahead of every other test's messages, which go first, so only this test's are left to watch.
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(9).toInstant()));
		while (dispatcher.dispatchDue() > 0) {
			// drain
		}
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void aStatusThePortalsRulesForbidIsRecordedNeverSentHoldsNothingBackAndTheCitizenIsToldOnce() {
		Application app = driver.start("BIRTH-CERT");
		String payload = webhookPayload(app);
		double before = meters.counter("sevahub.delivery.not-sent", "portal", "webhook").count();
		enqueue(app, "APPEAL_FILED", OutboundMessage.notSent("status", "nothing after S110"));
		enqueue(app, "APPEAL_ALLOWED", OutboundMessage.notSent("status", "nothing after S110"));
		enqueue(app, "DELIVERED", new OutboundMessage("status", payload));
		dispatcher.dispatchDue();

		List<Delivery> rows = admin.ofApplication(app.applicationNo());
		assertThat(rows).filteredOn(d -> d.state() == DeliveryState.NOT_SENT)
			.extracting(Delivery::status, Delivery::lastError, Delivery::attempts)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("APPEAL_FILED",
					"Not sent: closed at the portal: nothing after S110", 0),
					org.assertj.core.groups.Tuple.tuple("APPEAL_ALLOWED",
							"Not sent: closed at the portal: nothing after S110", 0));
		assertThat(rows).filteredOn(d -> "DELIVERED".equals(d.status()))
			.singleElement()
			.extracting(Delivery::state)
			.isEqualTo(DeliveryState.DELIVERED);
		assertThat(meters.counter("sevahub.delivery.not-sent", "portal", "webhook").count()).isEqualTo(before + 2);
		assertThat(admin.inState(DeliveryState.NOT_SENT)).extracting(Delivery::applicationNo).contains(app.applicationNo());
		assertThat(queued.of(app.id(), "webhook")).noneSatisfy(m -> assertThat(m.payload()).isEqualTo("{}"));

		// Whom the citizen is told about, and how, is the notifications' business: the ISP process tests show it.
	}

	@Test
	void aHeldMessageGoesWhenItsTimeComesAndNotBefore() {
		Application app = driver.start("BIRTH-CERT");
		dispatcher.dispatchDue();
		Instant until = EngineClock.now().plus(Duration.ofHours(6));
		enqueue(app, "REJECTED", OutboundMessage.heldUntil("status", webhookPayload(app), until));
		assertThat(queued.of(app.id(), "webhook")).as("not counted as told while it waits").hasSize(
				(int) admin.ofApplication(app.applicationNo()).stream().filter(d -> d.heldUntil() == null).count());

		advance(Duration.ofHours(5));
		dispatcher.dispatchDue();
		Delivery held = heldOf(app);
		assertThat(held.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(held.heldUntil()).isEqualTo(until);
		assertThat(held.attempts()).isZero();

		advance(Duration.ofHours(2));
		dispatcher.dispatchDue();
		assertThat(heldOf(app).state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void aHeldMessageOvertakenByNewsBeforeItsTimeIsWithdrawnAndHoldsNothingBack() {
		Application app = driver.start("BIRTH-CERT");
		String payload = webhookPayload(app);
		enqueue(app, "REJECTED", OutboundMessage.heldUntil("status", payload, EngineClock.now().plus(Duration.ofDays(30))));
		// Recording that a portal was not sent something is not news for it: the held message stays.
		enqueue(app, "APPEAL_FILED", OutboundMessage.notSent("status", "closed"));
		assertThat(heldOf(app).state()).isEqualTo(DeliveryState.PENDING);
		enqueue(app, "APPEAL_ALLOWED", new OutboundMessage("status", payload));
		dispatcher.dispatchDue();

		Delivery withdrawn = heldOf(app);
		assertThat(withdrawn.state()).isEqualTo(DeliveryState.WITHDRAWN);
		assertThat(withdrawn.lastError()).isEqualTo("Withdrawn before its time: APPEAL_ALLOWED came first");
		assertThat(admin.ofApplication(app.applicationNo())).filteredOn(d -> "APPEAL_ALLOWED".equals(d.status()))
			.singleElement()
			.extracting(Delivery::state)
			.isEqualTo(DeliveryState.DELIVERED);
	}

	private Delivery heldOf(Application app) {
		return admin.ofApplication(app.applicationNo())
			.stream()
			.filter(d -> d.heldUntil() != null)
			.findFirst()
			.orElseThrow();
	}

	private void enqueue(Application app, String status, OutboundMessage message) {
		transactions.executeWithoutResult(tx -> outbox.enqueue(app, "webhook", status, message));
	}

	/** What the department MIS was told of the application's first status: sent again, it is a harmless repeat. */
	private String webhookPayload(Application app) {
		return jdbc.sql("SELECT payload FROM delivery WHERE application_id = :app AND portal = 'webhook' ORDER BY seq")
			.param("app", app.id())
			.query(String.class)
			.list()
			.get(0);
	}

	private static void advance(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

}
