package org.sevahub.application;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one read of the engine's runtime tables answers what the engine's query API answers (the application's active
 * process instances by business key, then each one's message subscriptions), in every state a citizen can act in
 * and in those where they cannot.
 */
class AwaitedMessagesTest extends ProcessTestSupport {

	@Autowired
	AwaitedMessages awaited;

	@Test
	void aDraftAwaitsItsSubmissionAndItsWithdrawal() {
		Application app = driver.start("BIRTH-CERT");
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app))
			.contains(Lifecycle.Messages.APPLICATION_SUBMITTED, Lifecycle.Messages.APPLICATION_WITHDRAWN);
	}

	@Test
	void anUnpaidFeeIsAwaitedAndNoLongerOncePaid() {
		Application app = driver.start("INCOME-CERT");
		applications.submit(app.applicationNo(), Map.of());
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app)).contains(Lifecycle.Messages.FEE_PAID);

		applications.confirmFeePaid(app.applicationNo(), "PAY-7", new BigDecimal("33.60"));
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app))
			.doesNotContain(Lifecycle.Messages.FEE_PAID, Lifecycle.Messages.APPLICATION_SUBMITTED);
	}

	@Test
	void aClarificationAwaitsTheReplyInTheCalledBlock() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "clarify", "Attach the hospital's discharge slip");
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app))
			.contains(Lifecycle.Messages.CLARIFICATION_REPLIED);
	}

	@Test
	void aRejectionAwaitsAnAppealAndASuspendedProcessAwaitsNothing() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "The records do not support the application");
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app))
			.contains(Lifecycle.Messages.FIRST_APPEAL_FILED);

		runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.list()
			.forEach(instance -> runtime.suspendProcessInstanceById(instance.getId()));
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app)).isEmpty();
	}

	@Test
	void aDeliveredApplicationAwaitsNothing() {
		Application app = driver.delivered("BIRTH-CERT");
		assertThat(awaited.of(app.applicationNo())).isEqualTo(byTheEngine(app)).isEmpty();
	}

	/** What SevaHub asked the engine's query API until the read replaced it. */
	private Set<String> byTheEngine(Application app) {
		Set<String> names = new LinkedHashSet<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.active()
			.list()) {
			runtime.createEventSubscriptionQuery()
				.processInstanceId(instance.getId())
				.eventType("message")
				.list()
				.stream()
				.map(EventSubscription::getEventName)
				.forEach(names::add);
		}
		return names;
	}

}
