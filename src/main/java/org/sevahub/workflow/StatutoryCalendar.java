package org.sevahub.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Statutory periods the way Right to Services rules count them: {@code P3D} is three days after the day the
 * clock starts, due at the end of the third day, counting only working days when the calendar is a
 * working-day one (weekly offs and gazetted holidays skipped). Camunda 7 has no working-day calendar, so this
 * one plugs into the engine's {@link BusinessCalendar} extension point (see {@link StatutoryCalendarPlugin}).
 */
public class StatutoryCalendar implements BusinessCalendar {

	/** The engine's name for the calendar counting working days only. */
	public static final String WORKING_DAYS = "workingDays";

	/** The engine's name for the calendar counting every day (appeal windows). */
	public static final String CALENDAR_DAYS = "calendarDays";

	private static final Pattern DAYS = Pattern.compile("P(\\d+)D");

	private final ZoneId zone;

	private final boolean workingDaysOnly;

	private final Set<DayOfWeek> weeklyOff;

	private final Set<LocalDate> holidays;

	public StatutoryCalendar(ZoneId zone, boolean workingDaysOnly, CalendarProperties properties) {
		this.zone = zone;
		this.workingDaysOnly = workingDaysOnly;
		this.weeklyOff = Set.copyOf(properties.weeklyOff());
		this.holidays = Set.copyOf(properties.holidays());
	}

	@Override
	public Date resolveDuedate(String duedateDescription) {
		return resolveDuedate(duedateDescription, ClockUtil.getCurrentTime());
	}

	@Override
	public Date resolveDuedate(String duedateDescription, Task task) {
		return resolveDuedate(duedateDescription, task.getCreateTime());
	}

	@Override
	public Date resolveDuedate(String duedateDescription, Date startDate) {
		Matcher days = DAYS.matcher(duedateDescription.strip());
		if (!days.matches()) {
			throw new IllegalArgumentException(
					"A statutory period is a whole number of days such as P3D, not " + duedateDescription);
		}
		return Date.from(endOfPeriod(startDate.toInstant().atZone(zone).toLocalDate(), Integer.parseInt(days.group(1)))
			.toInstant());
	}

	/** The last moment of the {@code days}-th counted day after {@code start}. */
	ZonedDateTime endOfPeriod(LocalDate start, int days) {
		LocalDate day = start;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (counts(day)) {
				counted++;
			}
		}
		return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone);
	}

	/**
	 * How many counted days of a period ending at {@code due} are still ahead on {@code at}'s day: the days
	 * after it up to the due day (0 once the due day has come).
	 */
	public int daysLeft(Date at, Date due) {
		LocalDate day = at.toInstant().atZone(zone).toLocalDate();
		LocalDate last = due.toInstant().atZone(zone).toLocalDate();
		int left = 0;
		while (day.isBefore(last)) {
			day = day.plusDays(1);
			if (counts(day)) {
				left++;
			}
		}
		return left;
	}

	/** The start of the counted day {@code days} counted days before {@code due}'s day. */
	public Date countedDaysBefore(Date due, int days) {
		LocalDate day = due.toInstant().atZone(zone).toLocalDate();
		int counted = 0;
		while (counted < days) {
			day = day.minusDays(1);
			if (counts(day)) {
				counted++;
			}
		}
		return Date.from(day.atStartOfDay(zone).toInstant());
	}

	public boolean isWorkingDay(LocalDate day) {
		return !weeklyOff.contains(day.getDayOfWeek()) && !holidays.contains(day);
	}

	private boolean counts(LocalDate day) {
		return !workingDaysOnly || isWorkingDay(day);
	}

}
