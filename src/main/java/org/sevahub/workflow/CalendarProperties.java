package org.sevahub.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param weeklyOff days the offices are closed every week
 * @param holidays  gazetted holidays, from the state's notification
 */
@ConfigurationProperties("sevahub.calendar")
public record CalendarProperties(List<DayOfWeek> weeklyOff, List<LocalDate> holidays) {

	public CalendarProperties {
		weeklyOff = weeklyOff == null ? List.of(DayOfWeek.SUNDAY) : List.copyOf(weeklyOff);
		holidays = holidays == null ? List.of() : List.copyOf(holidays);
	}

}
