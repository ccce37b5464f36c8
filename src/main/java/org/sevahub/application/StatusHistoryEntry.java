package org.sevahub.application;

import java.time.Instant;

/**
 * One stage of an application's history.
 *
 * @param stage   the BPMN element that declared the status, by its name, for people reading the history
 * @param actor   the officer who acted, {@code citizen}, or {@code system}
 */
public record StatusHistoryEntry(Long id, long applicationId, String status, String stage, String remarks,
		String actor, Instant occurredAt) {
}
