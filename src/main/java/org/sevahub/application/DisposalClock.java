package org.sevahub.application;

import java.time.Instant;

/**
 * What an application's SLA_PAUSED, SLA_RESUMED and SLA_BREACH events keep for officers (application_event.facts),
 * to be put in their words: the English detail beside it writes the due date as an instant.
 *
 * @param daysLeft the days of the disposal period left when it stopped (SLA_PAUSED)
 * @param dueBy    the due date, ISO instant (SLA_RESUMED: the new one; SLA_BREACH: the one missed)
 * @param whose    the post that missed it, as the process names it ("designated officer"; SLA_BREACH)
 */
public record DisposalClock(Integer daysLeft, String dueBy, String whose) {

	public static DisposalClock paused(int daysLeft) {
		return new DisposalClock(daysLeft, null, null);
	}

	public static DisposalClock resumed(Instant dueBy) {
		return new DisposalClock(null, dueBy.toString(), null);
	}

	public static DisposalClock breached(Instant dueBy, String whose) {
		return new DisposalClock(null, dueBy.toString(), whose);
	}

}
