package org.sevahub.desk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.sevahub.application.ApplicationEvents;

import org.springframework.stereotype.Component;

/**
 * An application's events as the officer's page lists them ("On the record"), in the reader's language: what the
 * event's facts say in words where it has facts (every kind SevaHub records keeps them: the disposal clock's
 * {@link ClockInWords}, the documents' and offices' {@link DocumentsAndOfficesInWords}, an appeal's and a
 * withdrawal's {@link AppealsAndWithdrawalsInWords}, the registry's {@link RegistryInWords}), else its English detail
 * as recorded (events from before their kind's facts were kept). The detail itself, transaction ids, SHA-256s and
 * all, is for support staff.
 */
@Component
public class OnTheRecord {

	private final ApplicationEvents events;

	private final RegistryInWords registry;

	private final ClockInWords clock;

	private final DocumentsAndOfficesInWords documentsAndOffices;

	private final AppealsAndWithdrawalsInWords appealsAndWithdrawals;

	OnTheRecord(ApplicationEvents events, RegistryInWords registry, ClockInWords clock,
			DocumentsAndOfficesInWords documentsAndOffices, AppealsAndWithdrawalsInWords appealsAndWithdrawals) {
		this.events = events;
		this.registry = registry;
		this.clock = clock;
		this.documentsAndOffices = documentsAndOffices;
		this.appealsAndWithdrawals = appealsAndWithdrawals;
	}

	public List<Line> of(long applicationId, Locale locale) {
		return events.of(applicationId)
			.stream()
			.map(event -> new Line(event.kind(),
					clock.detail(event, locale)
						.or(() -> documentsAndOffices.detail(event, locale))
						.or(() -> appealsAndWithdrawals.detail(event, locale))
						.orElseGet(() -> registry.detail(event, locale)),
					event.occurredAt()))
			.toList();
	}

	/**
	 * @param kind   the event's kind, which the page names in words ({@code event.kind.<kind>})
	 * @param detail what it says, in the reader's language where its facts allow
	 */
	public record Line(String kind, String detail, Instant occurredAt) {
	}

}
