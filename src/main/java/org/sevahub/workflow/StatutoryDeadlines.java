package org.sevahub.workflow;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due and follow-up dates of officers' tasks, drawn from the statutory clocks, as Modeler's "Officer task" template
 * writes them: {@code camunda:dueDate="${deadlines.due(execution, 'disposal')}"} and
 * {@code camunda:followUpDate="${deadlines.followUp(execution, 'disposal')}"}. The timers that fire when a period
 * runs out read the same expressions, so a task is due exactly when its breach is recorded. A task takes the clock as
 * it stands when the task is created: a clock moved earlier (the disposal period stopped for a clarification) moves
 * the tasks that follow.
 * <ul>
 * <li>{@code disposal}: the disposal period of the service ({@code slaDueDate});</li>
 * <li>{@code escalation}: the first appellate officer's days, counted from the missed disposal period;</li>
 * <li>{@code firstAppeal}, {@code secondAppeal}: the appellate officers' days, counted from the filing.</li>
 * </ul>
 */
@Component("deadlines")
@ProcessApi
public class StatutoryDeadlines {

	public static final List<String> CLOCKS = List.of("disposal", "escalation", "firstAppeal", "secondAppeal");

	private final ServiceCatalog catalog;

	private final AppealClock appeals;

	private final Properties properties;

	StatutoryDeadlines(ServiceCatalog catalog, AppealClock appeals, Properties properties) {
		this.catalog = catalog;
		this.appeals = appeals;
		this.properties = properties;
	}

	/** When the clock runs out: the task's due date. */
	public Date due(DelegateExecution execution, String clock) {
		return switch (clock) {
			case "disposal" -> disposal(execution);
			case "escalation" -> SlaClock.calendar(StatutoryCalendar.CALENDAR_DAYS)
				.resolveDuedate("P" + catalog.get((String) execution.getVariable(Variables.SERVICE_CODE))
					.officers()
					.firstAppellate()
					.days() + "D", disposal(execution));
			case "firstAppeal" -> appeals.firstDecisionDeadline(execution);
			case "secondAppeal" -> appeals.secondDecisionDeadline(execution);
			default -> throw new IllegalArgumentException(
					"Unknown statutory clock '" + clock + "': expected one of " + String.join(", ", CLOCKS));
		};
	}

	/**
	 * The start of the working day {@code sevahub.deadlines.follow-up-working-days} before the due day (never before
	 * now): the day an officer's Tasklist should bring the task up again.
	 */
	public Date followUp(DelegateExecution execution, String clock) {
		Date followUp = ((StatutoryCalendar) SlaClock.calendar(StatutoryCalendar.WORKING_DAYS))
			.countedDaysBefore(due(execution, clock), properties.followUpWorkingDays());
		Date now = Date.from(EngineClock.now());
		return followUp.before(now) ? now : followUp;
	}

	private static Date disposal(DelegateExecution execution) {
		Object due = execution.getVariable(SlaClock.DUE_DATE);
		if (!(due instanceof Date date)) {
			throw new IllegalStateException("Application " + execution.getProcessBusinessKey()
					+ " has no disposal period yet: a task on the 'disposal' clock must come after submission");
		}
		return date;
	}

	/** @param followUpWorkingDays how many working days before its due day a task comes up for follow-up */
	@ConfigurationProperties("sevahub.deadlines")
	public record Properties(Integer followUpWorkingDays) {

		public Properties {
			followUpWorkingDays = followUpWorkingDays == null ? 1 : followUpWorkingDays;
		}

	}

}
