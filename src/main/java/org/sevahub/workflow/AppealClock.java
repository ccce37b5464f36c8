package org.sevahub.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.LodgedAppeal;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * The appeal clocks of the Right to Services Act, per service from the catalog. The appeal process asks for
 * each deadline where its timer starts: {@code <timeDate>${appealClock.firstFilingDeadline(execution)}</timeDate>}.
 */
@Component("appealClock")
@ProcessApi
public class AppealClock {

	static final String FIRST_FILED_AT = "firstAppealFiledAt";

	static final String SECOND_FILED_AT = "secondAppealFiledAt";

	static final String FIRST_ORDERED_AT = "firstAppealOrderedAt";

	private final ServiceCatalog catalog;

	private final ApplicationRepository applications;

	private final ApplicationEvents events;

	AppealClock(ServiceCatalog catalog, ApplicationRepository applications, ApplicationEvents events) {
		this.catalog = catalog;
		this.applications = applications;
		this.events = events;
	}

	/** The last day a first appeal may be filed, counted from the order (or the missed deadline). */
	public Date firstFilingDeadline(DelegateExecution execution) {
		return days(service(execution).appeal().firstFilingDays(), now());
	}

	public Date firstDecisionDeadline(DelegateExecution execution) {
		return days(service(execution).officers().firstAppellate().days(), filedAt(execution, FIRST_FILED_AT));
	}

	/** 30 days after the first appellate order, or 45 after filing the first appeal when no order came. */
	public Date secondFilingDeadline(DelegateExecution execution) {
		ServiceDefinition service = service(execution);
		Object orderedAt = execution.getVariable(FIRST_ORDERED_AT);
		if (orderedAt instanceof Date ordered) {
			return days(service.appeal().secondFilingDays(), ordered);
		}
		return days(service.appeal().secondFilingDaysWithoutOrder(), filedAt(execution, FIRST_FILED_AT));
	}

	public Date secondDecisionDeadline(DelegateExecution execution) {
		return days(service(execution).officers().secondAppellate().days(), filedAt(execution, SECOND_FILED_AT));
	}

	/** On lodging an appeal: remembers when (the decision clock and the no-order window start here). */
	public void lodged(DelegateExecution execution, String level) {
		execution.setVariable("first".equals(level) ? FIRST_FILED_AT : SECOND_FILED_AT, now());
		Object grounds = execution.getVariable(Variables.APPEAL_GROUNDS);
		events.record(applications.findByNo(execution.getProcessBusinessKey()).orElseThrow().id(),
				"APPEAL_LODGED", level + " appeal: " + grounds,
				new LodgedAppeal(level, grounds == null ? null : grounds.toString()));
	}

	/** On the first appellate order: the second-appeal window runs from here. */
	public void ordered(DelegateExecution execution) {
		execution.setVariable(FIRST_ORDERED_AT, now());
	}

	private ServiceDefinition service(DelegateExecution execution) {
		return catalog.get((String) execution.getVariable(Variables.SERVICE_CODE));
	}

	private static Date filedAt(DelegateExecution execution, String variable) {
		Object value = execution.getVariable(variable);
		return value instanceof Date date ? date : now();
	}

	private static Date days(int days, Date from) {
		return SlaClock.calendar(StatutoryCalendar.CALENDAR_DAYS).resolveDuedate("P" + days + "D", from);
	}

	private static Date now() {
		return Date.from(EngineClock.now());
	}

}
