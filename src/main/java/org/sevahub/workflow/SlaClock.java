package org.sevahub.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The disposal-period clock. {@code ${sla.start(execution)}} at submission sets {@code slaDueDate}, which the
 * timer on the designated officer's work waits for; {@code ${sla.breached(execution, 'designated officer')}}
 * records a missed deadline and publishes {@link SlaBreached} in the engine's transaction.
 */
@Component("sla")
public class SlaClock {

	public static final String DUE_DATE = "slaDueDate";

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
		Date due = calendar(service.disposal().workingDays() ? StatutoryCalendar.WORKING_DAYS
				: StatutoryCalendar.CALENDAR_DAYS)
			.resolveDuedate("P" + service.disposal().days() + "D", Date.from(EngineClock.now()));
		execution.setVariable(DUE_DATE, due);
		applications.setSlaDue(app.id(), due.toInstant());
	}

	public void breached(DelegateExecution execution, String whose) {
		Application app = application(execution);
		Object due = execution.getVariable(DUE_DATE);
		events.record(app.id(), BREACH, "The " + whose + " did not decide by "
				+ (due instanceof Date date ? date.toInstant() : Instant.now()) + " (" + execution.getCurrentActivityName() + ")");
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

	static BusinessCalendar calendar(String name) {
		return Context.getProcessEngineConfiguration().getBusinessCalendarManager().getBusinessCalendar(name);
	}

	private Application application(DelegateExecution execution) {
		return applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
	}

}
