package org.sevahub.workflow;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.certificate.CertificateStatus;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sevahub.testsupport.ProcessDriver.days;

/**
 * Every path of processes/certificate-issuance.bpmn and of the shared blocks it calls (submission, verification,
 * disposal-breach, rts-appeal), driven through the citizen's and the officers' entry points; timers fire because the
 * engine's clock moves.
 */
class CertificateIssuanceProcessTest extends ProcessTestSupport {

	@Test
	void feePaidVerifiedApprovedIssuedAndDelivered() {
		Application app = driver.start("INCOME-CERT");
		assertThat(driver.instance(app)).isWaitingAt("Call_Submission");
		assertThat(driver.called(app, "submission")).isWaitingAt("Gw_CitizenStep");
		applications.saveDraft(app.applicationNo(), Map.of("incomeSources", "Salary and a small shop"));
		applications.submit(app.applicationNo(), Map.of());
		assertThat(driver.called(app, "submission")).isWaitingAt("Task_CollectFee");

		applications.confirmFeePaid(app.applicationNo(), "PAY-1", new java.math.BigDecimal("33.60"));
		assertThat(driver.called(app, "submission")).isEnded().hasPassed("Event_FeePaid", "End_Submitted");
		assertThat(driver.instance(app)).hasPassed("Event_Submitted").isWaitingAt("Call_Verification");
		assertThat(driver.called(app, "verification")).isWaitingAt("Task_VerifyApplication");
		assertThat(BpmnAwareTests.task(driver.called(app, "verification"))).hasCandidateGroup("dealingAssistant:WB-KOL");
		driver.decide(app, "Task_VerifyApplication", "forward", "Documents complete");
		assertThat(BpmnAwareTests.task(driver.instance(app))).hasCandidateGroup("designatedOfficer:WB-KOL");
		driver.decide(app, "Task_Decide", "approve", null);
		assertThat(driver.instance(app)).isWaitingAt("Task_Issue");
		driver.runAsyncSteps(app);

		assertThat(driver.instance(app)).isEnded();
		assertThat(driver.statuses(app)).containsExactly("INITIATED", "DRAFT", "FEE_PENDING", "FEE_PAID", "SUBMITTED",
				"UNDER_VERIFICATION", "FORWARDED", "APPROVED", "CERTIFICATE_ISSUED", "DELIVERED");
		assertThat(driver.history(app).get(6).remarks()).isEqualTo("Documents complete");
		Application done = driver.reload(app);
		assertThat(done.status()).isEqualTo("DELIVERED");
		assertThat(certificates.findForApplication(done.id())).get()
			.satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID))
			.satisfies(c -> assertThat(c.validUntil()).isEqualTo(LocalDate.of(2027, 12, 6)));
	}

	@Test
	void aFreeServiceGoesStraightToVerificationWithItsDisposalPeriodSet() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		assertThat(driver.instance(app)).hasPassed("Event_Submitted").isWaitingAt("Call_Verification");
		assertThat(driver.called(app, "submission")).hasPassed("End_Submitted").hasNotPassed("Task_CollectFee");
		assertThat(driver.called(app, "verification")).isWaitingAt("Task_VerifyApplication");
		assertThat(driver.statuses(app)).containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION");
		// Submitted Monday 7 Dec: three working days are Tue, Wed, Thu; due at the end of Thursday.
		assertThat(driver.reload(app).slaDueAt()).isEqualTo(ZonedDateTime.of(2026, 12, 10, 23, 59, 59, 0, IST).toInstant());
	}

	@Test
	void clarificationsFromTheAssistantAndTheOfficerGoBackToTheCitizen() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "clarify", "कृपया अस्पताल का प्रमाण पत्र लगाएँ");
		assertThat(driver.called(app, "verification")).isWaitingAt("Task_AwaitReply");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("ClarificationReplied");
		applications.submit(app.applicationNo(), Map.of("placeOfBirth", "SSKM Hospital, Kolkata 700020"));
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "clarify", "Father's name differs from the hospital record");
		assertThat(driver.called(app, "verification")).hasPassed("Gw_ClarificationFirst")
			.isWaitingAt("Task_AwaitReply")
			.hasNotPassed("Task_VerifyApplication");
		applications.submit(app.applicationNo(), Map.of("fatherName", "Amit Kumar Banerjee"));
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		driver.runAsyncSteps(app);

		assertThat(driver.instance(app)).isEnded();
		assertThat(driver.statuses(app)).containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION",
				"CLARIFICATION_SOUGHT", "RESUBMITTED", "UNDER_VERIFICATION", "FORWARDED", "CLARIFICATION_SOUGHT",
				"RESUBMITTED", "UNDER_VERIFICATION", "FORWARDED", "APPROVED", "CERTIFICATE_ISSUED", "DELIVERED");
		assertThat(driver.history(app).get(3).remarks()).isEqualTo("कृपया अस्पताल का प्रमाण पत्र लगाएँ");
		assertThat(driver.history(app).get(7).remarks()).isEqualTo("Father's name differs from the hospital record");
		assertThat(driver.history(app).get(11).remarks()).isNull();
		assertThat(driver.reload(app).formData()).containsEntry("fatherName", "Amit Kumar Banerjee");
	}

	@Test
	void anUnansweredClarificationRejectsTheApplicationWhichTheCitizenMayAppeal() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "clarify", "Attach the hospital's discharge slip");
		assertThat(driver.advanceClock(app, days(29))).isZero();
		assertThat(driver.advanceClock(app, days(2))).isEqualTo(1);

		assertThat(driver.called(app, "verification")).isEnded().hasPassed("End_Unanswered");
		assertThat(driver.instance(app)).hasPassed("Event_Rejected").isWaitingAt("Call_Appeal");
		assertThat(driver.statuses(app)).endsWith("CLARIFICATION_SOUGHT", "REJECTED");
		assertThat(driver.history(app).get(driver.history(app).size() - 1).remarks())
			.isEqualTo("No reply to the clarification within 30 days");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("FirstAppealFiled");
	}

	@Test
	void aRejectionNobodyAppealsStandsOnceTheAppealWindowCloses() {
		Application app = rejected("BIRTH-CERT");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("FirstAppealFiled");
		assertThat(driver.advanceClock(app, days(29))).isZero();
		assertThat(driver.advanceClock(app, days(2))).isEqualTo(1);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_DecisionStands");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(app.applicationNo()).count()).isZero();
	}

	@Test
	void aRejectionOverturnedOnFirstAppealIsIssued() {
		Application app = rejected("BIRTH-CERT");
		applications.fileAppeal(app.applicationNo(), "The hospital record was attached; the officer missed it");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Record found; issue the certificate");
		driver.runAsyncSteps(app);

		assertThat(driver.instance(app)).isEnded().hasPassed("Task_Issue", "End_Delivered");
		assertThat(driver.statuses(app)).containsSubsequence("REJECTED", "APPEAL_FILED", "APPEAL_ALLOWED",
				"CERTIFICATE_ISSUED", "DELIVERED");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("APPEAL_LODGED"));
	}

	@Test
	void aSecondAppealCanOverturnADismissedFirstAppeal() {
		Application app = rejected("INCOME-CERT");
		applications.fileAppeal(app.applicationNo(), "Income was below the limit");
		driver.decide(app, "Task_HearFirstAppeal", "reject", "Salary slips show otherwise");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("SecondAppealFiled");
		applications.fileAppeal(app.applicationNo(), "The slips were of the previous year");
		assertThat(BpmnAwareTests.task(BpmnAwareTests.calledProcessInstance(driver.instance(app))))
			.hasCandidateGroup("secondAppellate:WB");
		driver.decide(app, "Task_HearSecondAppeal", "approve", "Current year's slips accepted");
		driver.runAsyncSteps(app);

		assertThat(driver.instance(app)).isEnded().hasPassed("End_Delivered");
		assertThat(driver.statuses(app)).containsSubsequence("REJECTED", "APPEAL_FILED", "APPEAL_DISMISSED",
				"APPEAL_FILED", "APPEAL_ALLOWED", "CERTIFICATE_ISSUED", "DELIVERED");
	}

	@Test
	void aDismissedSecondAppealLeavesTheRejectionStanding() {
		Application app = rejected("BIRTH-CERT");
		applications.fileAppeal(app.applicationNo(), "Grounds one");
		driver.decide(app, "Task_HearFirstAppeal", "reject", "No merit");
		applications.fileAppeal(app.applicationNo(), "Grounds two");
		driver.decide(app, "Task_HearSecondAppeal", "reject", "No merit either");

		assertThat(driver.instance(app)).isEnded().hasPassed("End_DecisionStands");
		assertThat(driver.statuses(app)).endsWith("APPEAL_FILED", "APPEAL_DISMISSED");
		assertThat(certificates.findForApplication(app.id())).isEmpty();
	}

	@Test
	void aFirstAppealNotDecidedInTimeOpensTheSecondAppealFor45DaysFromFiling() {
		Application app = rejected("BIRTH-CERT");
		applications.fileAppeal(app.applicationNo(), "Grounds");
		Date filed = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
		assertThat(driver.advanceClock(app, days(31))).isEqualTo(1);
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("first appellate officer"));
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("SecondAppealFiled");
		assertThat(driver.timerDue(app, "Catch_SecondWindowClosed").toInstant()).isEqualTo(
				filed.toInstant().atZone(IST).toLocalDate().plusDays(45).atTime(23, 59, 59).atZone(IST).toInstant());

		assertThat(driver.advanceClock(app, days(15))).isEqualTo(1);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_DecisionStands");
	}

	@Test
	void aLateSecondAppellateOrderIsRecordedAsABreachButStillDecides() {
		Application app = rejected("BIRTH-CERT");
		applications.fileAppeal(app.applicationNo(), "Grounds");
		driver.decide(app, "Task_HearFirstAppeal", "reject", "No merit");
		applications.fileAppeal(app.applicationNo(), "Grounds again");
		assertThat(driver.advanceClock(app, days(46))).isEqualTo(1);
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("second appellate officer"));
		driver.decide(app, "Task_HearSecondAppeal", "approve", "Allowed, late");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_Delivered");
	}

	@Test
	void aMissedDisposalPeriodEscalatesToTheFirstAppellateOfficer() {
		Application app = forwarded("BIRTH-CERT");
		assertThat(driver.advanceClock(app, days(3))).isZero();
		assertThat(driver.advanceClock(app, days(1))).isEqualTo(1);
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));
		assertThat(BpmnAwareTests.task(driver.called(app, "disposal-breach"))).hasDefinitionKey("Task_DecideOverdue")
			.hasCandidateGroup("firstAppellate:WB");
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef()
			.getKey()).isEqualTo("decide-overdue");
		driver.decide(app, "Task_DecideOverdue", "approve", "Approved on escalation");
		driver.runAsyncSteps(app);
		assertThat(driver.called(app, "disposal-breach")).isEnded()
			.hasPassed("Task_RecordSlaBreach", "End_DecidedOnEscalation");
		assertThat(driver.instance(app)).isEnded().hasPassed("Call_DisposalBreach", "Gw_Decision", "End_Delivered");
		assertThat(driver.history(app)).anySatisfy(h -> assertThat(h.status()).isEqualTo("APPROVED")
			.satisfies(s -> assertThat(h.actor()).isEqualTo("system")));
	}

	@Test
	void anApplicationTheAssistantNeverForwardsEscalatesWhenTheDisposalPeriodEnds() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		// The Verify task and its breach timer share the disposal period's end: Thursday 10 December, end of day.
		assertThat(driver.task(app, "Task_VerifyApplication").getDueDate())
			.isEqualTo(driver.timerDue(app, "Timer_VerifyDisposalPeriodOver"));
		assertThat(driver.timerDue(app, "Timer_VerifyDisposalPeriodOver").toInstant())
			.isEqualTo(ZonedDateTime.of(2026, 12, 10, 23, 59, 59, 0, IST).toInstant());
		assertThat(driver.advanceClock(app, days(3))).isZero();
		assertThat(driver.advanceClock(app, days(1))).isEqualTo(1);

		assertThat(driver.called(app, "verification")).isEnded()
			.hasPassed("Timer_VerifyDisposalPeriodOver", "End_Overdue")
			.hasNotPassed("Event_Forwarded");
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.taskDefinitionKey("Task_VerifyApplication")
			.count()).isZero();
		assertThat(driver.instance(app)).hasPassed("Gw_ToBreach").hasNotPassed("Task_Decide")
			.isWaitingAt("Call_DisposalBreach");
		assertThat(driver.called(app, "disposal-breach")).isWaitingAt("Task_DecideOverdue");
		assertThat(BpmnAwareTests.task(driver.called(app, "disposal-breach"))).hasCandidateGroup("firstAppellate:WB");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));

		driver.decide(app, "Task_DecideOverdue", "approve", "Approved on escalation");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Call_DisposalBreach", "Event_Approved", "End_Delivered");
		assertThat(driver.statuses(app)).containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION", "APPROVED",
				"CERTIFICATE_ISSUED", "DELIVERED");
	}

	@Test
	void theAssistantsBreachTimerMovesWithAClarification() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Date firstDue = driver.timerDue(app, "Timer_VerifyDisposalPeriodOver");
		driver.decide(app, "Task_VerifyApplication", "clarify", "Attach the hospital's discharge slip");
		// The period stops while the citizen takes a week to reply: nothing fires.
		assertThat(driver.advanceClock(app, days(7))).isZero();
		applications.submit(app.applicationNo(), Map.of("placeOfBirth", "SSKM Hospital, Kolkata 700020"));

		Date movedDue = driver.timerDue(app, "Timer_VerifyDisposalPeriodOver");
		assertThat(movedDue).isAfter(firstDue);
		assertThat(driver.task(app, "Task_VerifyApplication").getDueDate()).isEqualTo(movedDue);
		assertThat(driver.advanceClock(app, java.time.Duration.between(
				org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), movedDue.toInstant())
			.plusSeconds(1))).isEqualTo(1);
		assertThat(driver.called(app, "verification")).isEnded().hasPassed("Event_Resubmitted", "End_Overdue");
		assertThat(driver.called(app, "disposal-breach")).isWaitingAt("Task_DecideOverdue");
	}

	@Test
	void whereTheRulesDeemAnUnforwardedApplicationRejectedTheCitizenMayAppeal() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		runtime.setVariable(app.processInstanceId(), "breachAction", "deemed-rejection");
		driver.advanceClock(app, days(4));
		assertThat(driver.called(app, "verification")).isEnded().hasPassed("End_Overdue");
		assertThat(driver.called(app, "disposal-breach")).hasPassed("End_Deemed").hasNotPassed("Task_DecideOverdue");
		assertThat(driver.statuses(app)).endsWith("UNDER_VERIFICATION", "REJECTED");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("FirstAppealFiled");
	}

	@Test
	void theCitizenMayAppealAMissedDeadline() {
		Application app = forwarded("BIRTH-CERT");
		driver.advanceClock(app, days(4));
		applications.fileAppeal(app.applicationNo(), "Not decided within the disposal period");
		assertThat(driver.called(app, "rts-appeal")).isWaitingAt("Task_HearFirstAppeal")
			.hasPassed("Gw_AlreadyFiled")
			.hasNotPassed("Gw_AwaitFirstAppeal");
		assertThat(BpmnAwareTests.task(driver.called(app, "rts-appeal"))).hasCandidateGroup("firstAppellate:WB");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Delay unjustified");
		driver.runAsyncSteps(app);
		assertThat(driver.called(app, "disposal-breach")).hasPassed("Call_AppealOnDelay", "End_DelayAppealed");
		assertThat(driver.instance(app)).isEnded().hasPassed("Gw_ToAppealOutcome", "End_Delivered")
			.hasNotPassed("Event_Approved");
		assertThat(driver.statuses(app)).doesNotContain("REJECTED").containsSubsequence("APPEAL_FILED", "APPEAL_ALLOWED",
				"DELIVERED");
	}

	@Test
	void whereTheRulesDeemAnApplicationApprovedTheBreachApprovesIt() {
		Application app = forwarded("BIRTH-CERT");
		runtime.setVariable(app.processInstanceId(), "breachAction", "deemed-approval");
		driver.advanceClock(app, days(4));
		driver.runAsyncSteps(app);
		assertThat(driver.called(app, "disposal-breach")).hasPassed("Gw_BreachAction", "End_Deemed")
			.hasNotPassed("Task_DecideOverdue");
		assertThat(driver.instance(app)).isEnded().hasPassed("Event_Approved", "End_Delivered");
		assertThat(driver.history(app)).anySatisfy(h -> assertThat(h.status()).isEqualTo("APPROVED")
			.satisfies(s -> assertThat(h.remarks()).startsWith("Deemed approved")));
	}

	@Test
	void whereTheRulesDeemAnApplicationRejectedTheCitizenMayAppeal() {
		Application app = forwarded("BIRTH-CERT");
		runtime.setVariable(app.processInstanceId(), "breachAction", "deemed-rejection");
		driver.advanceClock(app, days(4));
		assertThat(driver.statuses(app)).endsWith("REJECTED");
		assertThat(driver.history(app).get(driver.history(app).size() - 1).remarks()).startsWith("Deemed rejected");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("FirstAppealFiled");
	}

	@Test
	void anUnpaidFeeLapsesTheApplication() {
		Application app = driver.startAndSubmit("INCOME-CERT");
		assertThat(driver.advanceClock(app, days(31))).isEqualTo(1);
		assertThat(driver.called(app, "submission")).isEnded().hasPassed("End_FeeLapsed");
		assertThat(driver.instance(app)).isEnded().hasPassed("End_NotSubmitted").hasNotPassed("Event_Submitted");
		assertThat(driver.reload(app).status()).isEqualTo("CANCELLED");
	}

	@Test
	void aDraftUntouchedFor90DaysIsClosed() {
		Application app = driver.start("BIRTH-CERT");
		applications.saveDraft(app.applicationNo(), Map.of());
		assertThat(driver.advanceClock(app, days(60))).isZero();
		applications.saveDraft(app.applicationNo(), Map.of());
		assertThat(driver.advanceClock(app, days(60))).isZero();
		assertThat(driver.advanceClock(app, days(31))).isEqualTo(1);
		assertThat(driver.called(app, "submission")).isEnded().hasPassed("End_Abandoned");
		assertThat(driver.instance(app)).isEnded().hasPassed("End_NotSubmitted");
		assertThat(driver.statuses(app)).containsExactly("INITIATED", "DRAFT", "DRAFT", "CANCELLED");
	}

	@Test
	void withdrawingAfterPayingRefundsTheFee() {
		Application app = driver.startAndSubmit("INCOME-CERT");
		applications.confirmFeePaid(app.applicationNo(), "PAY-7", new java.math.BigDecimal("33.6"));
		applications.withdraw(app.applicationNo(), "Applied twice by mistake");

		assertThat(driver.instance(app)).isEnded().hasPassed("Task_RefundFee", "End_Withdrawn");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("PAY-7").contains("33.60"));
		assertThat(driver.statuses(app)).endsWith("CANCELLED");
	}

	@Test
	void withdrawingAFreeApplicationOwesNoRefund() {
		Application app = forwarded("BIRTH-CERT");
		applications.withdraw(app.applicationNo(), "No longer needed");

		assertThat(driver.instance(app)).isEnded().hasPassed("Task_RefundFee", "End_Withdrawn");
		assertThat(events.of(app.id())).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("FEE_REFUND_DUE"));
		assertThat(driver.statuses(app)).endsWith("FORWARDED", "CANCELLED");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(app.applicationNo()).count()).isZero();
	}

	@Test
	void anEscalatedApplicationMayBeRejectedAndTheRejectionAppealed() {
		Application app = forwarded("INCOME-CERT");
		assertThat(driver.advanceClock(app, days(25))).isEqualTo(1);
		driver.decide(app, "Task_DecideOverdue", "reject", "Income exceeds the limit on the salary slips");
		assertThat(driver.statuses(app)).endsWith("REJECTED");
		assertThat(driver.instance(app)).hasPassed("Call_DisposalBreach", "Gw_Decision", "Event_Rejected")
			.isWaitingAt("Call_Appeal");
		applications.fileAppeal(app.applicationNo(), "The slips are of last year");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Allowed");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_Delivered");
	}

	@Test
	void cancellingAfterIssueRevokesTheCertificate() {
		Application app = forwarded("BIRTH-CERT");
		driver.decide(app, "Task_Decide", "approve", null);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(
				BpmnAwareTests.job("Task_Issue", driver.instance(app)));
		assertThat(driver.instance(app)).isWaitingAt("Task_Deliver");
		applications.withdraw(app.applicationNo(), "Registration found to be fraudulent");

		assertThat(driver.instance(app)).isEnded().hasPassed("Task_RevokeCertificate").hasNotPassed("Task_Deliver");
		assertThat(certificates.findForApplication(app.id())).get()
			.satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED));
		assertThat(driver.statuses(app)).endsWith("CERTIFICATE_ISSUED", "CANCELLED");
	}

	private Application forwarded(String service) {
		Application app = driver.startAndSubmit(service);
		if (service.equals("INCOME-CERT")) {
			applications.confirmFeePaid(app.applicationNo(), "PAY-" + app.applicationNo(),
					new java.math.BigDecimal("33.60"));
		}
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		return app;
	}

	private Application rejected(String service) {
		Application app = forwarded(service);
		driver.decide(app, "Task_Decide", "reject", "The records do not support the application");
		assertThat(driver.statuses(app)).endsWith("REJECTED");
		return app;
	}

}
