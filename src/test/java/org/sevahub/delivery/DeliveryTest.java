package org.sevahub.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and its dispatcher against PostgreSQL and the sandbox department MIS (the webhook portal), with
 * the sandbox's fault switches standing in for a portal that is down, failing, slow or refusing. Time moves
 * with the engine's clock, never by sleeping.
 */
@SevaHubTest
class DeliveryTest {

	@Autowired
	ProcessDriver driver;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryAdmin admin;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void startInTheFuture() {
		// A clock of our own, ahead of every other test's queued messages; those are sent first, with the portal
		// healthy, so the faults each test switches on hit only its own messages.
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(5).toInstant()));
		fault(null);
		while (dispatcher.dispatchDue() > 0) {
			// drain
		}
	}

	@AfterEach
	void reset() {
		fault(null);
		ClockUtil.reset();
	}

	@Test
	void aPortalDownForAnHourGetsEveryStatusOnceAndInOrderWhenItIsBack() {
		fault(Map.of("mode", "DOWN", "forSeconds", 3600));
		Application app = verifiedAndForwarded();
		double retriedBefore = counter("sevahub.delivery.retried");

		assertThat(dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(received(app)).isEmpty();
		for (int minutes = 0; minutes < 55; minutes += 5) {
			advance(Duration.ofMinutes(5));
			dispatcher.dispatchDue();
		}
		assertThat(received(app)).isEmpty();
		assertThat(admin.ofApplication(app.applicationNo())).first()
			.satisfies(d -> assertThat(d.attempts()).isGreaterThan(3))
			.satisfies(d -> assertThat(d.lastError()).contains("503"));

		advance(Duration.ofMinutes(20));
		dispatcher.dispatchDue();

		assertThat(received(app)).extracting(e -> e.get("status"))
			.containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION", "FORWARDED");
		assertThat(received(app)).extracting(e -> e.get("sequence")).containsExactly(1, 2, 3, 4);
		assertThat(counter("sevahub.delivery.retried")).isGreaterThan(retriedBefore);
		assertThat(admin.ofApplication(app.applicationNo())).allSatisfy(d -> assertThat(d.state())
			.isEqualTo(DeliveryState.DELIVERED));
		// Every attempt left its trace, written with its outcome: the failed ones with their retries, the last with
		// the delivery.
		int attempts = admin.ofApplication(app.applicationNo()).get(0).attempts();
		assertThat(audited(app.applicationNo() + ":1")).hasSize(attempts)
			.endsWith("Delivered")
			.containsOnly("TransientFailure", "Delivered");
		assertThat(audited(app.applicationNo() + ":4")).containsExactly("Delivered");
	}

	@Test
	void aRejectionParksTheMessageRaisesAnIncidentAndAnAdminRetryDeliversIt() {
		Application app = driver.start("BIRTH-CERT");
		fault(Map.of("mode", "REJECT", "count", 1));
		double parkedBefore = counter("sevahub.delivery.parked");
		dispatcher.dispatchDue();

		Delivery parked = admin.ofApplication(app.applicationNo()).get(0);
		assertThat(parked.state()).isEqualTo(DeliveryState.PARKED);
		assertThat(parked.lastError()).contains("HTTP 400");
		assertThat(counter("sevahub.delivery.parked")).isEqualTo(parkedBefore + 1);
		Incident incident = runtime.createIncidentQuery().processInstanceId(app.processInstanceId()).singleResult();
		assertThat(incident.getIncidentType()).isEqualTo("portalDelivery");
		assertThat(incident.getConfiguration()).isEqualTo(String.valueOf(parked.id()));
		assertThat(incident.getIncidentMessage()).contains("webhook #1 (INITIATED)");

		// later statuses queue up behind the parked one and do not overtake it
		driver.applications().submit(app.applicationNo(), Map.of());
		advance(Duration.ofHours(1));
		dispatcher.dispatchDue();
		assertThat(received(app)).isEmpty();

		ResponseEntity<Map<String, Object>> refused = http.exchange("/api/v1/admin/deliveries/" + parked.id() + "/retry",
				HttpMethod.POST, null, new ParameterizedTypeReference<>() {
				});
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map> retried = http.withBasicAuth("demo", "demo")
			.postForEntity("/api/v1/admin/deliveries/" + parked.id() + "/retry", null, Map.class);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retried.getBody()).containsEntry("state", "PENDING");
		assertThat(runtime.createIncidentQuery().processInstanceId(app.processInstanceId()).count()).isZero();

		dispatcher.dispatchDue();
		assertThat(received(app)).extracting(e -> e.get("status"))
			.containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION");
		ResponseEntity<Map> again = http.withBasicAuth("demo", "demo")
			.postForEntity("/api/v1/admin/deliveries/" + parked.id() + "/retry", null, Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void resolvingTheIncidentInTheEngineRequeuesTheMessageToo() {
		Application app = driver.start("BIRTH-CERT");
		fault(Map.of("mode", "REJECT", "count", 1));
		dispatcher.dispatchDue();
		Incident incident = runtime.createIncidentQuery().processInstanceId(app.processInstanceId()).singleResult();
		runtime.resolveIncident(incident.getId());
		assertThat(admin.ofApplication(app.applicationNo()).get(0).state()).isEqualTo(DeliveryState.PENDING);
		dispatcher.dispatchDue();
		assertThat(received(app)).extracting(e -> e.get("status")).containsExactly("INITIATED");
	}

	@Test
	void serverErrorsAreRetriedWithBackoffAndJitter() {
		Application app = driver.start("BIRTH-CERT");
		fault(Map.of("mode", "ERROR", "count", 2));
		dispatcher.dispatchDue();
		Delivery first = admin.ofApplication(app.applicationNo()).get(0);
		assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(first.lastError()).contains("HTTP 500");
		// first retry: 2.5 to 5 seconds out (base 5s, full jitter on the upper half)
		Duration wait = Duration.between(ClockUtil.getCurrentTime().toInstant(), first.nextAttemptAt());
		assertThat(wait).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
		advance(Duration.ofSeconds(6));
		dispatcher.dispatchDue();
		Delivery second = admin.ofApplication(app.applicationNo()).get(0);
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), second.nextAttemptAt()))
			.isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
		advance(Duration.ofSeconds(11));
		dispatcher.dispatchDue();
		assertThat(received(app)).extracting(e -> e.get("status")).containsExactly("INITIATED");
	}

	@Test
	void aSlowPortalTimesOutAndIsTriedAgain() {
		Application app = driver.start("BIRTH-CERT");
		fault(Map.of("mode", "SLOW", "delayMillis", 3000, "count", 1));
		dispatcher.dispatchDue();
		Delivery timedOut = admin.ofApplication(app.applicationNo()).get(0);
		assertThat(timedOut.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(timedOut.lastError()).contains("No answer within PT2S");
		advance(Duration.ofSeconds(10));
		dispatcher.dispatchDue();
		// the slow answer may have arrived after the timeout: the receiver dedupes the resend
		assertThat(received(app)).extracting(e -> e.get("status")).containsExactly("INITIATED");
		// The timed-out call was interrupted before it had an answer to record; the resend's is written with it.
		assertThat(audited(app.applicationNo() + ":1")).last().isIn("Delivered", "AlreadyReceived");
	}

	@Test
	void aMessageOfANodeThatDiedIsTakenOverOnceItsLeaseRunsOutAndTheResendIsHarmless() {
		Application app = driver.start("BIRTH-CERT");
		// another node claims the message, sends it, and dies before recording the answer
		QueuedMessage claimed = jdbcClaim("dead-node", app.applicationNo());
		assertThat(claimed.applicationNo()).isEqualTo(app.applicationNo());
		assertThat(dispatcher.dispatchDue()).isZero();
		advance(Duration.ofSeconds(61));
		dispatcher.dispatchDue();

		Delivery delivered = admin.ofApplication(app.applicationNo()).get(0);
		assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(delivered.takeovers()).isEqualTo(1);
		assertThat(received(app)).hasSize(1);
	}

	private QueuedMessage jdbcClaim(String node, String applicationNo) {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT d.id FROM delivery d JOIN application a ON a.id = d.application_id
				WHERE a.application_no = :no AND d.seq = 1""")
			.param("no", applicationNo)
			.query()
			.listOfRows();
		long id = ((Number) rows.get(0).get("id")).longValue();
		jdbc.sql("UPDATE delivery SET lease_owner = :node, lease_until = :until, attempts = 1 WHERE id = :id")
			.param("node", node)
			.param("until", org.sevahub.application.ApplicationRepository
				.timestamp(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)))
			.param("id", id)
			.update();
		Delivery d = admin.find(id).orElseThrow();
		return new QueuedMessage(d.id(), 0, d.applicationNo(), d.portal(), d.seq(), d.kind(), d.status(), "", 1);
	}

	/** The outcomes of the webhook sends audited under a reference, oldest first. */
	private List<String> audited(String reference) {
		return jdbc.sql("SELECT outcome FROM audit_record WHERE portal = 'webhook' AND reference = :ref ORDER BY id")
			.param("ref", reference)
			.query(String.class)
			.list();
	}

	private Application verifiedAndForwarded() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		return app;
	}

	private List<Map<String, Object>> received(Application app) {
		return http.exchange("/sandbox/records/webhook/events?applicationNo=" + app.applicationNo(), HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
			.getBody();
	}

	private void fault(Map<String, Object> fault) {
		if (fault == null) {
			http.delete("/sandbox/faults/webhook");
			return;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(http.exchange("/sandbox/faults/webhook", HttpMethod.PUT, new HttpEntity<>(fault, headers), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static void advance(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

	private double counter(String name) {
		return meters.counter(name, "portal", "webhook").count();
	}

}
