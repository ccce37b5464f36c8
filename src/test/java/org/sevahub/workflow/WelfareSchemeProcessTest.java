package org.sevahub.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.NewApplication;
import org.sevahub.certificate.CertificateStatus;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.ProcessTestSupport;


import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sevahub.testsupport.ProcessDriver.days;

/**
 * Every path of processes/welfare-scheme.bpmn and the shared blocks it calls, with the eligibility table
 * (welfare-eligibility.dmn) deciding.
 */
class WelfareSchemeProcessTest extends ProcessTestSupport {

	@Test
	void anEligibleApplicantIsSanctionedTheTablesAmountAndDelivered() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).hasPassed("Task_CheckEligibility", "Task_SearchRegistry")
			.isWaitingAt("Task_Sanction");
		assertThat(BpmnAwareTests.task(driver.instance(app))).hasCandidateGroup("designatedOfficer:WB-KOL");
		driver.decide(app, "Task_Sanction", "approve", "Sanctioned under the scheme");
		driver.runAsyncSteps(app);

		assertThat(driver.instance(app)).isEnded().hasPassed("Task_ReportEnrollment", "End_Delivered");
		assertThat(driver.statuses(app)).containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION", "FORWARDED",
				"APPROVED", "CERTIFICATE_ISSUED", "DELIVERED");
		// Aged 76 on 7 Dec 2026, SC, income 40,000: the table's row for SC/ST below 80 sanctions 1,000 a month.
		assertThat(driver.reload(app).sanctionedAmount()).isEqualByComparingTo(new BigDecimal("1000"));
		assertThat(certificates.findForApplication(app.id())).isPresent();
	}

	@Test
	void theTableRejectsAnApplicantBelowSixtyWithItsReason() {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("applicant.dateOfBirth", "1980-06-15");
		Application app = verified(form);

		assertThat(driver.instance(app)).hasPassed("Gw_NotGranted").hasNotPassed("Task_SearchRegistry");
		assertThat(driver.statuses(app)).endsWith("FORWARDED", "REJECTED");
		assertThat(driver.history(app).get(driver.history(app).size() - 1).remarks())
			.isEqualTo("The applicant must be 60 years of age or older");
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("FirstAppealFiled");
	}

	@Test
	void theTableRejectsAnIncomeAboveTheLimit() {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("annualIncome", "150000");
		Application app = verified(form);
		assertThat(driver.history(app).get(driver.history(app).size() - 1).remarks()).contains("above the limit");
	}

	@Test
	void anAppealAgainstIneligibilityCanBeAllowed() {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("annualIncome", "150000");
		Application app = verified(form);
		applications.fileAppeal(app.applicationNo(), "The income certificate shows Rs 90,000");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Income below the limit on the certificate");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Task_Issue", "End_Delivered");
	}

	@Test
	void theSanctioningOfficerMaySeekAClarificationAndTheCitizenNeverReplies() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		driver.decide(app, "Task_Sanction", "clarify", "আপনার বিপিএল কার্ডের নম্বর দিন");
		assertThat(driver.instance(app)).isWaitingAt("Call_Verification");
		assertThat(driver.called(app, "verification")).isWaitingAt("Task_AwaitReply");
		assertThat(driver.advanceClock(app, days(31))).isEqualTo(1);
		assertThat(driver.called(app, "verification")).isEnded().hasPassed("End_Unanswered");
		assertThat(driver.instance(app)).isWaitingAt("Call_Appeal");
		assertThat(driver.statuses(app)).endsWith("CLARIFICATION_SOUGHT", "REJECTED");
		assertThat(driver.history(app)).anySatisfy(h -> assertThat(h.remarks()).isEqualTo("আপনার বিপিএল কার্ডের নম্বর দিন"));
	}

	@Test
	void aSanctionOverdueBy30DaysGoesToTheFirstAppellateOfficer() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		// 30 calendar days from Monday 7 December: due at the end of 6 January.
		assertThat(driver.timerDue(app, "Timer_DisposalPeriodOver").toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 1, 6, 23, 59, 59, 0, IST).toInstant());
		assertThat(driver.advanceClock(app, days(30))).isZero();
		assertThat(driver.advanceClock(app, days(1))).isEqualTo(1);
		driver.decide(app, "Task_DecideOverdue", "reject", "Bank account could not be verified");
		assertThat(driver.statuses(app)).endsWith("REJECTED");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));
	}

	@Test
	void anApplicationTheAssistantNeverForwardsIsCheckedAndGoesToTheFirstAppellateOfficer() {
		Application app = submitted();
		assertThat(driver.timerDue(app, "Timer_VerifyDisposalPeriodOver").toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 1, 6, 23, 59, 59, 0, IST).toInstant());
		assertThat(driver.advanceClock(app, days(30))).isZero();
		assertThat(driver.advanceClock(app, days(1))).isEqualTo(1);
		assertThat(driver.called(app, "verification")).isEnded().hasPassed("End_Overdue");
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.taskDefinitionKey("Task_VerifyApplication")
			.count()).isZero();
		// The table and the registry still check it; the sanction's own timer is already past.
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).hasPassed("Task_CheckEligibility", "Task_SearchRegistry");
		assertThat(driver.advanceClock(app, Duration.ZERO)).isEqualTo(1);
		assertThat(driver.called(app, "disposal-breach")).isWaitingAt("Task_DecideOverdue");
		driver.decide(app, "Task_DecideOverdue", "reject", "Bank account could not be verified");
		assertThat(driver.statuses(app)).endsWith("REJECTED");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));
		assertThat(applications.awaitedMessages(app.applicationNo())).contains("FirstAppealFiled");
	}

	@Test
	void anUnforwardedApplicationApprovedOnEscalationIsSanctionedTheTablesAmount() {
		Application app = submitted();
		driver.advanceClock(app, days(31));
		driver.runAsyncSteps(app);
		driver.advanceClock(app, Duration.ZERO);
		driver.decide(app, "Task_DecideOverdue", "approve", "Sanctioned on escalation");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Event_Approved", "End_Delivered");
		assertThat(driver.reload(app).sanctionedAmount()).isEqualByComparingTo("1000");
	}

	@Test
	void cancellingAfterTheSanctionOrderRevokesItAndUndoesTheEnrollment() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		driver.decide(app, "Task_Sanction", "approve", null);
		BpmnAwareTests.execute(BpmnAwareTests.job("Task_Issue", driver.instance(app)));
		assertThat(driver.instance(app)).hasPassed("Task_ReportEnrollment").isWaitingAt("Task_Deliver");
		applications.withdraw(app.applicationNo(), "The beneficiary has died");

		assertThat(driver.instance(app)).isEnded()
			.hasPassed("Task_RevokeCertificate", "Task_WithdrawEnrollment", "End_Withdrawn");
		assertThat(certificates.findForApplication(app.id())).get()
			.satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED));
	}

	@Test
	void anOverdueSanctionMayBeApprovedByTheAppellateOfficer() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		driver.advanceClock(app, days(31));
		driver.decide(app, "Task_DecideOverdue", "approve", "Sanctioned on escalation");
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded()
			.hasPassed("Call_DisposalBreach", "Gw_Decision", "Event_Approved", "End_Delivered");
		assertThat(driver.reload(app).sanctionedAmount()).isEqualByComparingTo("1000");
	}

	@Test
	void theCitizenMayAppealAnOverdueSanction() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		driver.advanceClock(app, days(31));
		applications.fileAppeal(app.applicationNo(), "No decision in 30 days");
		driver.decide(app, "Task_HearFirstAppeal", "reject", "Delay was due to the bank's verification");
		assertThat(driver.advanceClock(app, days(31))).isEqualTo(1);
		assertThat(driver.called(app, "disposal-breach")).isEnded().hasPassed("Call_AppealOnDelay");
		assertThat(driver.instance(app)).isEnded().hasPassed("Gw_ToAppealOutcome", "End_DecisionStands")
			.hasNotPassed("Task_Issue");
	}

	@Test
	void whereTheRulesDeemAnOverdueSanctionRejectedItIsRejected() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		runtime.setVariable(app.processInstanceId(), "breachAction", "deemed-rejection");
		driver.advanceClock(app, days(31));
		assertThat(driver.called(app, "disposal-breach")).hasPassed("End_Deemed").hasNotPassed("Task_DecideOverdue");
		assertThat(driver.statuses(app)).endsWith("REJECTED");
	}

	@Test
	void aRejectedSanctionNobodyAppealsStands() {
		Application app = verified(ProcessDriver.validForm("OLD-AGE-PENSION"));
		driver.runAsyncSteps(app);
		driver.decide(app, "Task_Sanction", "reject", "Already receives a state pension");
		assertThat(driver.advanceClock(app, days(31))).isEqualTo(1);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_DecisionStands");
	}

	@Test
	void aClarifiedApplicationIsVerifiedAgain() {
		Application app = driver.start("OLD-AGE-PENSION");
		applications.saveDraft(app.applicationNo(), Map.of("bplCardNumber", "WB-BPL-0042"));
		driver.attachNeeded(app);
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "clarify", "The IFSC does not match the branch");
		applications.submit(app.applicationNo(), Map.of("ifsc", "SBIN0005678"));
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isWaitingAt("Task_Sanction");
		assertThat(driver.called(app, "verification")).hasPassed("Event_Resubmitted");
		assertThat(driver.reload(app).formData()).containsEntry("ifsc", "SBIN0005678").containsEntry("bplCardNumber",
				"WB-BPL-0042");
	}

	@Test
	void anAbandonedDraftIsClosed() {
		Application app = applications.create(NewApplication.direct("OLD-AGE-PENSION",
				ProcessDriver.validForm("OLD-AGE-PENSION")));
		applications.saveDraft(app.applicationNo(), Map.of());
		assertThat(driver.advanceClock(app, days(91))).isEqualTo(1);
		assertThat(driver.called(app, "submission")).isEnded().hasPassed("End_Abandoned");
		assertThat(driver.instance(app)).isEnded().hasPassed("End_NotSubmitted");
	}

	private Application submitted() {
		Application app = driver.start("OLD-AGE-PENSION", ProcessDriver.validForm("OLD-AGE-PENSION"));
		applications.submit(app.applicationNo(), Map.of());
		return driver.reload(app);
	}

	private Application verified(Map<String, String> form) {
		Application app = driver.start("OLD-AGE-PENSION", form);
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		return driver.reload(app);
	}

}
