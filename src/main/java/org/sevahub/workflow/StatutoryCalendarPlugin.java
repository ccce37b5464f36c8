package org.sevahub.workflow;

import java.time.ZoneId;

import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Registers the statutory calendars with the engine's business calendar manager. */
@Component
class StatutoryCalendarPlugin extends AbstractProcessEnginePlugin {

	private final StatutoryCalendar workingDays;

	private final StatutoryCalendar calendarDays;

	StatutoryCalendarPlugin(CalendarProperties properties, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.workingDays = new StatutoryCalendar(zone, true, properties);
		this.calendarDays = new StatutoryCalendar(zone, false, properties);
	}

	/** After init, so the engine's own duration, due-date and cycle calendars are already registered. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (!(configuration.getBusinessCalendarManager() instanceof MapBusinessCalendarManager calendars)) {
			throw new IllegalStateException("Expected the engine's MapBusinessCalendarManager");
		}
		calendars.addBusinessCalendar(StatutoryCalendar.WORKING_DAYS, workingDays);
		calendars.addBusinessCalendar(StatutoryCalendar.CALENDAR_DAYS, calendarDays);
	}

}
