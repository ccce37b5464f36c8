package org.sevahub.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.ProcessDriver.days;

/**
 * Every officer's task is due when its statutory clock runs out (the same instant its breach timer fires) and comes up
 * for follow-up the working day before; a clock stopped for a clarification moves the due dates that follow. The
 * engine's clock starts on Monday 7 December 2026, 10:00 in India, and moves.
 */
class OfficerTaskDeadlinesTest extends ProcessTestSupport {

	@Autowired
	org.sevahub.desk.OnTheRecord onTheRecord;

	@Autowired
	HistoryService history;

	Application app;

	@AfterEach
	void everyTaskCameUpForFollowUpBeforeItWasDue() {
		if (app == null) {
			return;
		}
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.list()) {
			assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey()).isNotNull();
			assertThat(task.getFollowUpDate()).as("follow-up of %s", task.getTaskDefinitionKey())
				.isBefore(task.getDueDate());
		}
	}

	@Test
	void theAssistantAndTheDesignatedOfficerAreDueByTheDisposalPeriodAndTheEscalationByTheAppellatesDays() {
		app = driver.startAndSubmit("BIRTH-CERT");
		// Three working days after Monday 7 December: due at the end of Thursday the 10th.
		Instant disposal = endOf(2026, 12, 10);
		assertThat(driver.reload(app).slaDueAt()).isEqualTo(disposal);
		assertDates(driver.task(app, "Task_VerifyApplication"), disposal, startOf(2026, 12, 9));

		driver.decide(app, "Task_VerifyApplication", "forward", null);
		Task decide = driver.task(app, "Task_Decide");
		assertDates(decide, disposal, startOf(2026, 12, 9));
		assertThat(decide.getDueDate()).isEqualTo(driver.timerDue(app, "Timer_DisposalPeriodOver"));

		assertThat(driver.advanceClock(app, days(3))).isZero();
		assertThat(driver.advanceClock(app, days(1))).isEqualTo(1);
		// 30 days of the first appellate officer from the missed period: Saturday 9 January; followed up on Friday.
		assertDates(driver.task(app, "Task_DecideOverdue"), endOf(2027, 1, 9), startOf(2027, 1, 8));
	}

	@Test
	void theAppellateOfficersAreDueByTheAppealClocksTheirBreachTimersUse() {
		app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "Not registered in this district");
		driver.advanceClock(app, days(2));
		applications.fileAppeal(app.applicationNo(), "Registered at the municipal office");
		Task first = driver.task(app, "Task_HearFirstAppeal");
		// Filed Wednesday 9 December: 30 days, Friday 8 January; followed up on Thursday.
		assertDates(first, endOf(2027, 1, 8), startOf(2027, 1, 7));
		assertThat(first.getDueDate()).isEqualTo(driver.timerDue(app, "Timer_FirstAppealOverdue"));

		driver.decide(app, "Task_HearFirstAppeal", "reject", "No record at the municipal office");
		driver.advanceClock(app, days(3));
		applications.fileAppeal(app.applicationNo(), "The record is in the 2026 register");
		Task second = driver.task(app, "Task_HearSecondAppeal");
		// Filed Saturday 12 December: 45 days, Tuesday 26 January (a holiday, but appeal days are calendar days);
		// followed up on Monday the 25th.
		assertDates(second, endOf(2027, 1, 26), startOf(2027, 1, 25));
		assertThat(second.getDueDate()).isEqualTo(driver.timerDue(app, "Timer_SecondAppealOverdue"));
	}

	@Test
	void theClockStopsWhileTheCitizenIsAskedToClarifyAndTheDueDatesThatFollowMove() {
		app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "clarify", "Attach the hospital's discharge slip");
		assertThat(driver.advanceClock(app, days(3))).isZero();
		// The citizen replies on Thursday the 10th, the day the period would have ended: its three days run again.
		applications.submit(app.applicationNo(), Map.of("placeOfBirth", "SSKM Hospital, Kolkata 700020"));

		Instant moved = endOf(2026, 12, 15);
		assertThat(driver.reload(app).slaDueAt()).isEqualTo(moved);
		assertDates(driver.task(app, "Task_VerifyApplication"), moved, startOf(2026, 12, 14));
		assertThat(events.of(app.id())).extracting(e -> e.kind()).containsSubsequence("SLA_PAUSED", "SLA_RESUMED");
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.detail()).contains("3 day(s) of it left"));

		driver.decide(app, "Task_VerifyApplication", "forward", null);
		Task decide = driver.task(app, "Task_Decide");
		assertDates(decide, moved, startOf(2026, 12, 14));
		assertThat(decide.getDueDate()).isEqualTo(driver.timerDue(app, "Timer_DisposalPeriodOver"));
		assertThat(driver.advanceClock(app, days(1))).as("the old deadline has passed; the moved one has not").isZero();
		assertThat(driver.advanceClock(app, days(5))).isEqualTo(1);
		assertThat(events.of(app.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SLA_BREACH"));
		// The officer's page reads the clock in the reader's language, the due date in words, not as an instant.
		assertThat(onTheRecord("en")).contains(
				"Disposal period stopped while the citizen is asked to clarify; 3 day(s) of it left",
				"Disposal period running again after the citizen replied; now due by 15 December 2026",
				"The designated officer did not decide by 15 December 2026");
		assertThat(onTheRecord("hi")).contains("नागरिक से स्पष्टीकरण माँगे जाने पर निपटान अवधि रुकी; इसके 3 दिन शेष",
				"नागरिक के उत्तर के बाद निपटान अवधि फिर चल रही है; अब 15 दिसंबर 2026 तक निपटाना है",
				"पदाभिहित अधिकारी ने 15 दिसंबर 2026 तक निर्णय नहीं लिया");
		assertThat(String.join("\n", onTheRecord("hi"))).doesNotContain("2026-12-1", "Record SLA breach");
	}

	/** The application's events as the officer's page lists them in {@code language}. */
	private java.util.List<String> onTheRecord(String language) {
		return onTheRecord.of(app.id(), org.sevahub.language.Languages.locale(language))
			.stream()
			.map(org.sevahub.desk.OnTheRecord.Line::detail)
			.toList();
	}

	@Test
	void theSanctioningOfficerOfAWelfareSchemeIsDueByItsCalendarDays() {
		// With the documents the service asks for, as every submission now needs (issue 13).
		app = driver.startAndSubmit("OLD-AGE-PENSION");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.runAsyncSteps(app);
		Task sanction = driver.task(app, "Task_Sanction");
		// 30 calendar days from Monday 7 December: Wednesday 6 January; followed up on Tuesday.
		assertDates(sanction, endOf(2027, 1, 6), startOf(2027, 1, 5));
		assertThat(sanction.getDueDate()).isEqualTo(driver.timerDue(app, "Timer_DisposalPeriodOver"));
	}

	private static void assertDates(Task task, Instant due, Instant followUp) {
		assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey()).isEqualTo(Date.from(due));
		assertThat(task.getFollowUpDate()).as("follow-up of %s", task.getTaskDefinitionKey())
			.isEqualTo(Date.from(followUp));
	}

	private static Instant endOf(int year, int month, int day) {
		return ZonedDateTime.of(2000, 1, 1, 23, 59, 59, 0, IST).with(LocalDate.of(year, month, day)).toInstant();
	}

	private static Instant startOf(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay(IST).toInstant();
	}

}
