package org.sevahub.desk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.DeletedDocuments;
import org.sevahub.application.DocumentFacts;
import org.sevahub.application.OfficeMove;
import org.sevahub.document.DocumentCatalog;
import org.sevahub.language.Words;
import org.sevahub.office.OfficeDirectory;

import org.springframework.stereotype.Component;

/**
 * The document events (DOCUMENT_RECEIVED, DOCUMENT_VERDICT, DOCUMENTS_ASKED_AGAIN, DOCUMENTS_RELIED_ON,
 * DOCUMENTS_DELETED) and the office events (OFFICE_ROUTED, OFFICE_TRANSFERRED) in the reader's language, from the
 * facts they keep ({@link DocumentFacts}, {@link DeletedDocuments}, {@link OfficeMove}): each document type by the
 * catalogue's name for it in that language, each office by the directory's, a retention period and a date in words. What a person wrote (a file's name, an officer's remarks, an administrator's
 * reason) is quoted as written, never translated. Empty for other events, and for one without facts (recorded
 * before they were kept), which reads as its detail.
 */
@Component
class DocumentsAndOfficesInWords {

	private static final List<String> DOCUMENT_KINDS = List.of("DOCUMENT_RECEIVED", "DOCUMENT_VERDICT",
			"DOCUMENTS_ASKED_AGAIN", "DOCUMENTS_RELIED_ON");

	private static final String DELETED = "DOCUMENTS_DELETED";

	private static final List<String> OFFICE_KINDS = List.of("OFFICE_ROUTED", "OFFICE_TRANSFERRED");

	private static final List<String> BASES = List.of("portal-and-pin", "portal", "pin", "district", "fallback");

	private final DocumentCatalog catalog;

	private final OfficeDirectory offices;

	private final ApplicationEvents events;

	private final Words words;

	DocumentsAndOfficesInWords(DocumentCatalog catalog, OfficeDirectory offices,
			ApplicationEvents events, Words words) {
		this.catalog = catalog;
		this.offices = offices;
		this.events = events;
		this.words = words;
	}

	Optional<String> detail(ApplicationEvents.Event event, Locale locale) {
		if (DOCUMENT_KINDS.contains(event.kind())) {
			return events.facts(event, DocumentFacts.class).flatMap(facts -> documents(event.kind(), facts, locale));
		}
		if (DELETED.equals(event.kind())) {
			return events.facts(event, DeletedDocuments.class).flatMap(deleted -> deleted(deleted, locale));
		}
		if (OFFICE_KINDS.contains(event.kind())) {
			return events.facts(event, OfficeMove.class).flatMap(move -> office(event.kind(), move, locale));
		}
		return Optional.empty();
	}

	private Optional<String> documents(String kind, DocumentFacts facts, Locale locale) {
		List<DocumentFacts.Item> items = facts.documents();
		Function<DocumentFacts.Item, String> name = item -> catalog.find(facts.service(), item.code())
			.map(type -> type.name(locale.getLanguage()))
			.orElse(item.code());
		return switch (kind) {
			case "DOCUMENT_RECEIVED" -> items.stream()
				.findFirst()
				.map(item -> words.text("desk.record.received", locale, name.apply(item), item.fileName()));
			case "DOCUMENT_VERDICT" -> items.stream()
				.findFirst()
				.filter(item -> item.verdict() != null)
				.map(item -> "rejected".equals(item.verdict())
						? words.text("desk.record.rejected", locale, name.apply(item), item.fileName(), facts.by(),
								String.valueOf(item.remarks()))
						: words.text("desk.record.accepted", locale, name.apply(item), item.fileName(), facts.by()));
			case "DOCUMENTS_ASKED_AGAIN" -> items.isEmpty() ? Optional.empty()
					: Optional.of(words.text("desk.record.asked", locale, facts.by(), String.join("; ",
							items.stream()
								.map(item -> words.text("desk.record.asked.one", locale, name.apply(item),
										String.valueOf(item.remarks())))
								.toList())));
			case "DOCUMENTS_RELIED_ON" -> "approve".equals(facts.decision()) || "reject".equals(facts.decision())
					? Optional.of(words.text("desk.record.relied." + facts.decision(), locale, facts.by(),
							items.isEmpty() ? words.text("desk.record.relied.none", locale)
									: String.join("; ",
											items.stream()
												.map(item -> words.text("desk.record.relied.one", locale, name.apply(item),
														item.fileName()))
												.toList())))
					: Optional.empty();
			default -> Optional.empty();
		};
	}

	/**
	 * How many documents went and of which types, and the retention that ran out: the service's period, from the day
	 * the application closed. Empty when the facts lack either (the detail says it all).
	 */
	private Optional<String> deleted(DeletedDocuments deleted, Locale locale) {
		if (deleted.documents().isEmpty() || deleted.retention() == null || deleted.closedAt() == null) {
			return Optional.empty();
		}
		try {
			Period retention = Period.parse(deleted.retention());
			String closed = words.date(Instant.parse(deleted.closedAt()), locale);
			String types = String.join(", ", deleted.documents()
				.stream()
				.distinct()
				.map(code -> catalog.find(deleted.service(), code).map(type -> type.name(locale.getLanguage())).orElse(code))
				.toList());
			return Optional.of(words.text("desk.record.deleted", locale, words.text("desk.record.documents", locale,
					deleted.documents().size()), types, period(retention, locale), closed));
		}
		catch (DateTimeException unreadable) {
			return Optional.empty();
		}
	}

	/** A period in words: 1 year, 6 months, 1 year 6 months (an empty one as 0 days). */
	private String period(Period period, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (period.getYears() != 0) {
			parts.add(words.text("desk.record.period.years", locale, period.getYears()));
		}
		if (period.getMonths() != 0) {
			parts.add(words.text("desk.record.period.months", locale, period.getMonths()));
		}
		if (period.getDays() != 0 || parts.isEmpty()) {
			parts.add(words.text("desk.record.period.days", locale, period.getDays()));
		}
		return String.join(" ", parts);
	}

	private Optional<String> office(String kind, OfficeMove move, Locale locale) {
		if (move.to() == null) {
			return Optional.empty();
		}
		String to = office(move.to(), locale);
		return switch (kind) {
			case "OFFICE_ROUTED" -> BASES.contains(move.basis())
					? Optional.of(words.text("desk.record.routed." + move.basis(), locale, to, move.portal(), move.place()))
					: Optional.empty();
			case "OFFICE_TRANSFERRED" -> Optional.of(words.text("desk.record.transferred", locale,
					move.from() == null ? words.text("desk.record.no-office", locale) : office(move.from(), locale), to,
					move.by(), String.valueOf(move.reason())));
			default -> Optional.empty();
		};
	}

	/** The office's name in the reader's language, or its code where the directory no longer has it. */
	private String office(String code, Locale locale) {
		return offices.find(code).map(office -> office.name(locale.getLanguage())).orElse(code);
	}

}
