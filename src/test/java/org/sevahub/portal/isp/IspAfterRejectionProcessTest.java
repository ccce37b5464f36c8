package org.sevahub.portal.isp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.delivery.Delivery;
import org.sevahub.delivery.DeliveryState;
import org.sevahub.portal.isp.IspHandovers.Handover;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * ISP after a rejection, with the shipped status map ({@code after-rejection: hold}): S110 waits for the
 * first-appeal period, so a rejection allowed on appeal reaches ISP as the appeal and its outcome, in the order
 * ISP's rules demand, and S110 goes only once the period has lapsed (the engine's clock moved, the appeal
 * window's timer fired, never forced). After a first appeal is dismissed S110 goes at once; what follows a
 * second appeal is not sent, and shown.
 */
class IspAfterRejectionProcessTest extends IspProcessTestSupport {

	@Autowired
	ManagementService management;

	@Test
	void aRejectionAllowedOnAppealReachesIspAsTheAppealAndItsOutcomeAndS110NeverGoes() throws Exception {
		Handover handover = isp().land("BRC01", null);
		Application app = rejected(handover);
		dispatcher.dispatchDue();
		assertThat(isp().codes(handover.requestId())).containsExactly("S104", "S107", "S105", "S108");
		Delivery held = ispDeliveries(app).stream().filter(d -> d.heldUntil() != null).findFirst().orElseThrow();
		assertThat(held.status()).isEqualTo("REJECTED");
		assertThat(held.state()).isEqualTo(DeliveryState.PENDING);

		applications.fileAppeal(app.applicationNo(), "Registered at Lucknow Nagar Nigam, receipt enclosed");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Registration found");
		issuedAndDelivered(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Task_Issue", "End_Delivered");
		dispatcher.dispatchDue();

		List<String> codes = isp().codes(handover.requestId());
		assertThat(codes).containsExactly("S104", "S107", "S105", "S108", "S106", "S111", "S113", "S112");
		IspHandovers.assertKeepsTheOrderRules(codes);
		assertThat(isp().calls(handover.requestId())).filteredOn(c -> c.get("status_code") != null)
			.allSatisfy(c -> assertThat(c.get("outcome")).isEqualTo("SUCCESSFUL"));
		assertThat(deliveries.find(held.id()).orElseThrow().state()).isEqualTo(DeliveryState.WITHDRAWN);
		assertThat(ispDeliveries(app)).noneSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.NOT_SENT));
		assertThat(closedNotices(app)).isEmpty();
	}

	@Test
	void withoutAnAppealS110ReachesIspOnlyOnceTheAppealPeriodHasLapsed() throws Exception {
		Handover handover = isp().land("BRC01", null);
		Application app = rejected(handover);
		Delivery held = ispDeliveries(app).stream().filter(d -> d.heldUntil() != null).findFirst().orElseThrow();
		// Held exactly as long as the appeal process waits for a first appeal.
		assertThat(held.heldUntil()).isEqualTo(appealWindowCloses(app));
		assertThat(held.heldUntil()).isAfter(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)));

		dispatcher.dispatchDue();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		assertThat(driver.advanceClock(app, Duration.between(now, held.heldUntil()).minusMinutes(1))).isZero();
		dispatcher.dispatchDue();
		assertThat(isp().codes(handover.requestId())).containsExactly("S104", "S107", "S105", "S108");
		assertThat(driver.instance(app)).isNotEnded();

		assertThat(driver.advanceClock(app, Duration.ofMinutes(2))).isEqualTo(1);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_DecisionStands");
		dispatcher.dispatchDue();
		List<String> codes = isp().codes(handover.requestId());
		assertThat(codes).containsExactly("S104", "S107", "S105", "S108", "S110");
		IspHandovers.assertKeepsTheOrderRules(codes);
		assertThat(deliveries.find(held.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void afterAFirstAppealIsDismissedWhatASecondAppealWinsIsNotSentToIspButShownAndTheCitizenIsTold()
			throws Exception {
		Handover handover = isp().land("BRC01", null);
		Application app = rejected(handover);
		applications.fileAppeal(app.applicationNo(), "Registered at Lucknow Nagar Nigam");
		driver.decide(app, "Task_HearFirstAppeal", "reject", "No record found");
		dispatcher.dispatchDue();
		assertThat(isp().codes(handover.requestId())).endsWith("S108", "S106", "S110");

		applications.fileAppeal(app.applicationNo(), "The Nagar Nigam's register, page 112");
		driver.decide(app, "Task_HearSecondAppeal", "approve", "Registration found on appeal");
		issuedAndDelivered(app);
		dispatcher.dispatchDue();

		List<String> codes = isp().codes(handover.requestId());
		assertThat(codes).containsExactly("S104", "S107", "S105", "S108", "S106", "S110");
		IspHandovers.assertKeepsTheOrderRules(codes);
		assertClosedAtIsp(app, handover, List.of("APPEAL_FILED", "APPEAL_ALLOWED", "CERTIFICATE_ISSUED", "DELIVERED"));
	}

	/** When the appeal process's timer for the first-appeal period is due. */
	private Instant appealWindowCloses(Application app) {
		ProcessInstance appeal = runtime.createProcessInstanceQuery()
			.superProcessInstanceId(app.processInstanceId())
			.singleResult();
		Job timer = management.createJobQuery().processInstanceId(appeal.getId()).timers().singleResult();
		return timer.getDuedate().toInstant();
	}

}
