package org.sevahub.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.DisposalClock;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The disposal-period clock. {@code ${sla.start(execution)}} at submission sets {@code slaDueDate}, which the
 * timer on the designated officer's work waits for and every officer task takes as its due date;
 * {@code ${sla.pause(execution)}} when a clarification is sought and {@code ${sla.resume(execution)}} when the
 * citizen replies stop the clock for the time the application waits on the citizen (the remaining days run
 * again from the reply), so the due date moves; {@code ${sla.breached(execution, 'designated officer')}} records a
 * missed deadline and publishes {@link SlaBreached} in the engine's transaction.
 */
@Component("sla")
@ProcessApi
public class SlaClock {

	public static final String DUE_DATE = "slaDueDate";

	/** Counted days of the disposal period left when the clock was stopped for a clarification. */
	public static final String DAYS_LEFT = "slaDaysLeft";

	public static final String BREACH = "SLA_BREACH";

	private final ApplicationRepository applications;

	private final ApplicationEvents events;

	private final ServiceCatalog catalog;

	private final ApplicationEventPublisher publisher;

	SlaClock(ApplicationRepository applications, ApplicationEvents events, ServiceCatalog catalog,
			ApplicationEventPublisher publisher) {
		this.applications = applications;
		this.events = events;
		this.catalog = catalog;
		this.publisher = publisher;
	}

	public void start(DelegateExecution execution) {
		Application app = application(execution);
		ServiceDefinition service = catalog.get(app.serviceCode());
		moveTo(execution, app, disposalCalendar(service).resolveDuedate("P" + service.disposal().days() + "D",
				Date.from(EngineClock.now())));
	}

	/** The application now waits on the citizen: remembers how many days of the period are left. */
	public void pause(DelegateExecution execution) {
		Application app = application(execution);
		Date due = (Date) execution.getVariable(DUE_DATE);
		int left = disposalCalendar(catalog.get(app.serviceCode())).daysLeft(Date.from(EngineClock.now()), due);
		execution.setVariable(DAYS_LEFT, left);
		events.record(app.id(), "SLA_PAUSED", "Disposal period stopped while the citizen is asked to clarify; " + left
				+ " day(s) of it left", DisposalClock.paused(left));
	}

	/** The citizen replied: the days left run again from today, and every deadline drawn from the clock moves. */
	public void resume(DelegateExecution execution) {
		Object left = execution.getVariable(DAYS_LEFT);
		if (!(left instanceof Integer days)) {
			return;
		}
		Application app = application(execution);
		Date due = disposalCalendar(catalog.get(app.serviceCode())).resolveDuedate("P" + days + "D",
				Date.from(EngineClock.now()));
		moveTo(execution, app, due);
		execution.removeVariable(DAYS_LEFT);
		// The English detail writes the instant, for support staff; the facts let the officer's page write a day.
		events.record(app.id(), "SLA_RESUMED", "Disposal period running again after the citizen's reply; now due by "
				+ due.toInstant(), DisposalClock.resumed(due.toInstant()));
	}

	private void moveTo(DelegateExecution execution, Application app, Date due) {
		execution.setVariable(DUE_DATE, due);
		applications.setSlaDue(app.id(), due.toInstant());
	}

	public void breached(DelegateExecution execution, String whose) {
		Application app = application(execution);
		Object due = execution.getVariable(DUE_DATE);
		Instant missed = due instanceof Date date ? date.toInstant() : Instant.now();
		events.record(app.id(), BREACH, "The " + whose + " did not decide by " + missed + " ("
				+ execution.getCurrentActivityName() + ")", DisposalClock.breached(missed, whose));
		publisher.publishEvent(new SlaBreached(execution, app, whose));
	}

	/**
	 * Where the service's rules deem an undecided application approved or rejected when the disposal period
	 * ends ({@code breach-action} in the catalog), sets that decision as if the officer had taken it.
	 */
	public void applyDeemedDecision(DelegateExecution execution) {
		String action = (String) execution.getVariable(Variables.BREACH_ACTION);
		switch (action) {
			case "deemed-approval" -> {
				execution.setVariable(Variables.DECISION, "approve");
				execution.setVariable(Variables.REMARKS, "Deemed approved: no decision within the disposal period");
			}
			case "deemed-rejection" -> {
				execution.setVariable(Variables.DECISION, "reject");
				execution.setVariable(Variables.REMARKS, "Deemed rejected: no decision within the disposal period");
			}
			default -> throw new IllegalStateException("Unknown breach action '" + action + "' for "
					+ execution.getProcessBusinessKey() + ": expected escalate, deemed-approval or deemed-rejection");
		}
	}

	static StatutoryCalendar disposalCalendar(ServiceDefinition service) {
		return (StatutoryCalendar) calendar(service.disposal().workingDays() ? StatutoryCalendar.WORKING_DAYS
				: StatutoryCalendar.CALENDAR_DAYS);
	}

	static BusinessCalendar calendar(String name) {
		return Context.getProcessEngineConfiguration().getBusinessCalendarManager().getBusinessCalendar(name);
	}

	private Application application(DelegateExecution execution) {
		return applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
	}

}
