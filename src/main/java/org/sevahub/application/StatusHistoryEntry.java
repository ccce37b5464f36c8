package org.sevahub.application;

import java.time.Instant;

/**
 * One stage of an application's history.
 *
 * @param stage      the BPMN element that declared the status, by its name when it did: the history's English, and
 *                   what the dashboard and the portals' webhooks read
 * @param processKey the key of the process whose element it was, null in rows older than the column
 * @param activityId the element's id, what its name in other languages is found by
 * @param actor   the officer who acted, {@code citizen}, or {@code system}
 */
public record StatusHistoryEntry(Long id, long applicationId, String status, String stage, String processKey,
		String activityId, String remarks, String actor, Instant occurredAt) {

	/** {@code status_history.remarks}: longer remarks are the caller's mistake, refused before anything is written. */
	public static final int REMARKS_LENGTH = 2000;

}
