package org.sevahub.desk;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.DisposalClock;
import org.sevahub.language.Words;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The disposal clock's events (SLA_PAUSED, SLA_RESUMED, SLA_BREACH) in the reader's language, from the facts they
 * keep ({@link DisposalClock}): the due date in words where the English detail has an instant, the post by its
 * name in that language. Empty for other events, and for one without facts (recorded before they
 * were kept), which reads as its detail.
 */
@Component
class ClockInWords {

	private final MessageSource messages;

	private final Words words;

	private final ApplicationEvents events;

	ClockInWords(MessageSource messages, Words words, ApplicationEvents events) {
		this.messages = messages;
		this.words = words;
		this.events = events;
	}

	Optional<String> detail(ApplicationEvents.Event event, Locale locale) {
		if (!event.kind().startsWith("SLA_")) {
			return Optional.empty();
		}
		return events.facts(event, DisposalClock.class).flatMap(clock -> switch (event.kind()) {
			case "SLA_PAUSED" -> Optional.ofNullable(clock.daysLeft())
				.map(days -> words.text("desk.clock.paused", locale, days));
			case "SLA_RESUMED" -> day(clock.dueBy(), locale).map(due -> words.text("desk.clock.resumed", locale, due));
			case "SLA_BREACH" -> day(clock.dueBy(), locale).map(due -> words.text("desk.clock.breach", locale,
					messages.getMessage("desk.clock.whose." + String.valueOf(clock.whose()).replace(' ', '-'), null,
							String.valueOf(clock.whose()), locale),
					due));
			default -> Optional.empty();
		});
	}

	private Optional<String> day(String instant, Locale locale) {
		try {
			return instant == null ? Optional.empty() : Optional.of(words.date(Instant.parse(instant), locale));
		}
		catch (DateTimeParseException unreadable) {
			return Optional.empty();
		}
	}

}
