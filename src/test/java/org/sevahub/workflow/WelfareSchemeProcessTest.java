package org.sevahub.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.NewApplication;
import org.sevahub.certificate.CertificateStatus;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sevahub.testsupport.ProcessDriver.days;

/**
 * Every path of processes/welfare-scheme.bpmn and the shared blocks it calls, with the eligibility table
 * (welfare-eligibility.dmn) deciding.
 */
class WelfareSchemeProcessTest extends ProcessTestSupport {

	@Autowired
	DeliveryDispatcher dispatcher;

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
	void aDuplicateReviewLeftUndecidedGoesToTheFirstAppellateOfficerWithTheRegistrysMatch() {
		Map<String, String> form = person("Kamala Hembram", "কমলা হেমব্রম");
		Application first = enrolled(form);
		Application again = atDuplicateReview(form);
		// The review and its breach timer share the disposal period's end: 30 days from Monday 7 December.
		assertThat(driver.timerDue(again, "Timer_ReviewDisposalPeriodOver"))
			.isEqualTo(driver.task(again, "Task_ReviewDuplicate").getDueDate());
		assertThat(driver.timerDue(again, "Timer_ReviewDisposalPeriodOver").toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 1, 6, 23, 59, 59, 0, IST).toInstant());
		assertThat(driver.advanceClock(again, days(30))).isZero();
		assertThat(driver.advanceClock(again, days(1))).isEqualTo(1);

		assertThat(driver.instance(again)).hasPassed("Timer_ReviewDisposalPeriodOver", "Gw_ToBreach")
			.hasNotPassed("Gw_DuplicateOutcome", "Task_Sanction")
			.isWaitingAt("Call_DisposalBreach");
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(again.applicationNo())
			.taskDefinitionKey("Task_ReviewDuplicate")
			.count()).isZero();
		assertThat(driver.called(again, "disposal-breach")).isWaitingAt("Task_DecideOverdue");
		assertThat(BpmnAwareTests.task(driver.called(again, "disposal-breach"))).hasCandidateGroup("firstAppellate:WB");
		assertThat(events.of(again.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));
		// The appellate officer's form shows the registry's match the designated officer left undecided, in English
		// and the state language (the tests': Hindi) like the rest of the form; not the search's transaction id.
		assertThat(matchesInTheBrief(again)).contains("Registry record " + first.applicationNo()
				+ ": Kamala Hembram, born 1 January 1950; matched on Aadhaar, name, date of birth; Old Age Pension (DBT): "
				+ "active since 7 December 2026; identifier: Aadhaar (keyed hash, not shown) / रजिस्ट्री अभिलेख "
				+ first.applicationNo() + ": Kamala Hembram, जन्म 1 जनवरी 1950; मेल खाए: आधार, नाम, जन्म तिथि; "
				+ "वृद्धावस्था पेंशन (डीबीटी): 7 दिसंबर 2026 से सक्रिय; पहचान: आधार (कुंजीबद्ध हैश, दिखाया नहीं गया)",
				"The registry lists the applicant as enrolled in Old Age Pension (DBT) / रजिस्ट्री में आवेदक "
						+ "वृद्धावस्था पेंशन (डीबीटी) में नामांकित दर्ज है")
			.doesNotContain(registryTransaction(again));

		driver.decide(again, "Task_DecideOverdue", "reject", "A duplicate: already receives the pension");
		assertThat(driver.instance(again)).hasPassed("Gw_AfterBreach", "Gw_Decision", "Event_Rejected")
			.isWaitingAt("Call_Appeal");
		assertThat(applications.awaitedMessages(again.applicationNo())).contains("FirstAppealFiled");
		assertThat(driver.statuses(again)).containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION", "FORWARDED",
				"REJECTED");
		assertThat(driver.history(again).get(driver.history(again).size() - 1).remarks())
			.isEqualTo("A duplicate: already receives the pension");
		// Nobody appeals: the rejection stands.
		assertThat(driver.advanceClock(again, days(31))).isEqualTo(1);
		assertThat(driver.instance(again)).isEnded().hasPassed("End_DecisionStands").hasNotPassed("Task_Issue");
	}

	@Test
	void aDuplicateReviewClearedOnEscalationIsSanctionedTheTablesAmountAndDelivered() {
		Map<String, String> form = person("Lakshmi Soren", "লক্ষ্মী সরেন");
		enrolled(form);
		Application again = atDuplicateReview(form);
		driver.advanceClock(again, days(31));
		driver.decide(again, "Task_DecideOverdue", "approve", "A different person: another village, another father");
		driver.runAsyncSteps(again);
		assertThat(driver.instance(again)).isEnded()
			.hasPassed("Timer_ReviewDisposalPeriodOver", "Call_DisposalBreach", "Event_Approved", "Task_ReportEnrollment",
					"End_Delivered")
			.hasNotPassed("Task_Sanction");
		assertThat(driver.statuses(again)).containsExactly("INITIATED", "SUBMITTED", "UNDER_VERIFICATION", "FORWARDED",
				"APPROVED", "CERTIFICATE_ISSUED", "DELIVERED");
		assertThat(driver.reload(again).sanctionedAmount()).isEqualByComparingTo("1000");
	}

	@Test
	void aDuplicateReviewDecidedInTimeLeavesNoBreachTimer() {
		Map<String, String> form = person("Basanti Murmu", "বাসন্তী মুর্মু");
		enrolled(form);
		Application again = atDuplicateReview(form);
		assertThat(driver.advanceClock(again, days(29))).isZero();
		driver.decide(again, "Task_ReviewDuplicate", "reject", "Already receives the pension");
		assertThat(engine.getManagementService()
			.createJobQuery()
			.processInstanceId(again.processInstanceId())
			.activityId("Timer_ReviewDisposalPeriodOver")
			.count()).isZero();
		// Past the disposal period and the appeal window: only the appeal window's timer fires.
		assertThat(driver.advanceClock(again, days(31))).isEqualTo(1);
		assertThat(driver.instance(again)).isEnded().hasPassed("Gw_DuplicateOutcome", "End_DecisionStands")
			.hasNotPassed("Timer_ReviewDisposalPeriodOver", "Call_DisposalBreach");
		assertThat(events.of(again.id())).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));
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

	/**
	 * A pensioner of the test's own (a name no other test uses: the sandbox registry also matches on name and birth
	 * date, and every test class shares it).
	 */
	private static Map<String, String> person(String nameEn, String nameLocal) {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("applicant.nameEn", nameEn);
		form.put("applicant.nameLocal", nameLocal);
		form.put("applicant.aadhaar", ProcessDriver.newAadhaar());
		return form;
	}

	/** The person sanctioned, delivered and reported to the sandbox registry as enrolled. */
	private Application enrolled(Map<String, String> form) {
		Application first = verified(form);
		driver.runAsyncSteps(first);
		driver.decide(first, "Task_Sanction", "approve", null);
		driver.runAsyncSteps(first);
		assertThat(driver.instance(first)).isEnded().hasPassed("End_Delivered");
		dispatcher.dispatchDue();
		return first;
	}

	/** The same person applying again: the registry lists them, and the designated officer is asked. */
	private Application atDuplicateReview(Map<String, String> form) {
		Application again = verified(form);
		driver.runAsyncSteps(again);
		assertThat(driver.instance(again)).isWaitingAt("Task_ReviewDuplicate");
		return again;
	}

	/** The registry's transaction for the application's search, which the event log keeps for support staff. */
	private String registryTransaction(Application app) {
		String transaction = (String) engine.getRuntimeService()
			.getVariable(driver.instance(app).getId(), "registryTransactionId");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).startsWith(transaction + ": "));
		return transaction;
	}

	private String matchesInTheBrief(Application app) {
		org.camunda.bpm.engine.task.Task task = BpmnAwareTests.task(driver.called(app, "disposal-breach"));
		return ((SpinJsonNode) engine.getTaskService().getVariableLocal(task.getId(), "brief")).prop("matches").toString();
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
