package org.sevahub.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatutoryCalendarTest {

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	final CalendarProperties properties = new CalendarProperties(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
			List.of(LocalDate.of(2026, 11, 26)));

	final StatutoryCalendar workingDays = new StatutoryCalendar(IST, true, properties);

	final StatutoryCalendar calendarDays = new StatutoryCalendar(IST, false, properties);

	@Test
	void threeWorkingDaysSkipWeekendsAndHolidays() {
		// Tuesday 24 Nov 2026; the 26th is a holiday; Sat/Sun off: Wed 25, Fri 27, Mon 30.
		Date due = workingDays.resolveDuedate("P3D", at(2026, 11, 24, 10, 0));
		assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 23, 59, 59, 0, IST).toInstant());
	}

	@Test
	void calendarDaysCountEveryDay() {
		Date due = calendarDays.resolveDuedate("P30D", at(2026, 11, 24, 23, 30));
		assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 12, 24, 23, 59, 59, 0, IST).toInstant());
	}

	@Test
	void theDayIsTheIndianDayNotTheUtcOne() {
		// 20:00 UTC on the 23rd is already 01:30 on Tuesday the 24th in India.
		Date start = Date.from(ZonedDateTime.of(2026, 11, 23, 20, 0, 0, 0, ZoneId.of("UTC")).toInstant());
		Date due = calendarDays.resolveDuedate("P1D", start);
		assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 11, 25, 23, 59, 59, 0, IST).toInstant());
	}

	@Test
	void submittedOnAHolidayStartsCountingFromTheNextWorkingDay() {
		Date due = workingDays.resolveDuedate("P1D", at(2026, 11, 28, 11, 0));
		assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 23, 59, 59, 0, IST).toInstant());
	}

	@Test
	void onlyWholeDaysAreStatutoryPeriods() {
		assertThatThrownBy(() -> workingDays.resolveDuedate("PT5H", new Date()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("PT5H");
	}

	private static Date at(int y, int m, int d, int h, int min) {
		return Date.from(ZonedDateTime.of(y, m, d, h, min, 0, 0, IST).toInstant());
	}

}
