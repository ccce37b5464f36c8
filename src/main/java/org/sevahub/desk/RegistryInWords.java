package org.sevahub.desk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.NoRegistry;
import org.sevahub.application.RegistryAnswer;
import org.sevahub.application.RegistryReply;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a registry said, as the officer's brief shows it ({@link TaskBriefs#MATCHES}, in English and the state
 * language like the rest of the brief) and the officer's page lists it ({@link OnTheRecord}, in the reader's
 * language): dates in words, what matched and the enrolment status in words, the programme by the catalog's name of
 * its service (else the registry's name, else its code), answers in part, refusals and late answers in words, and no
 * transaction id (that stays in the event's detail, for support staff). A registry's reason for refusing is its own
 * text: quoted, after a label in the reader's words, never translated. Put in words from the facts the event keeps;
 * an event without them (recorded before they were kept) reads as its detail, as it always did.
 */
@Component
class RegistryInWords {

	static final String SEARCH = "REGISTRY_SEARCH";

	/** The event the DCI connector records for each registry record that matched the applicant (DciAnswers.MATCH). */
	static final String MATCH = "REGISTRY_MATCH";

	// The DCI connector's other events about a search (DciAnswers), each with a RegistryReply.
	static final String PENDING = "REGISTRY_SEARCH_PENDING";

	static final String REJECTED = "REGISTRY_SEARCH_REJECTED";

	static final String CHECK_REJECTED = "REGISTRY_STATUS_CHECK_REJECTED";

	static final String LATE = "REGISTRY_LATE_ANSWER";

	/** A step done without a registry (RegistryDelegates.NO_REGISTRY), with a NoRegistry. */
	static final String NONE = "NO_REGISTRY";

	private static final String REASON = "desk.brief.registry.reason";

	private static final Locale ENGLISH = Languages.locale("en");

	private final MessageSource messages;

	private final Words words;

	private final Languages languages;

	private final ServiceCatalog catalog;

	private final ApplicationEvents events;

	RegistryInWords(MessageSource messages, Words words, Languages languages, ServiceCatalog catalog,
			ApplicationEvents events) {
		this.messages = messages;
		this.words = words;
		this.languages = languages;
		this.catalog = catalog;
		this.events = events;
	}

	/** The event in English and the state language, as the brief shows it; as its detail when it has no facts. */
	String detail(ApplicationEvents.Event event) {
		return said(event).map(said -> both(said.words())
				+ (said.quoted() == null ? "" : "; " + both(locale -> words.text(REASON, locale)) + ": " + quote(said.quoted())))
			.orElse(asRecorded(event));
	}

	/**
	 * The event in the reader's language, as the officer's page lists it; as its detail when it has no facts (or is
	 * not the registry's).
	 */
	String detail(ApplicationEvents.Event event, Locale locale) {
		return said(event).map(said -> said.words().apply(locale)
				+ (said.quoted() == null ? "" : "; " + words.text(REASON, locale) + ": " + quote(said.quoted())))
			.orElse(asRecorded(event));
	}

	private static String asRecorded(ApplicationEvents.Event event) {
		return event.detail() == null ? "" : event.detail();
	}

	/**
	 * What a registry's text is to an officer: the registry's own words, never ours, so quoted and labelled as its
	 * reason rather than translated or put in words.
	 */
	private static String quote(String registrysText) {
		return "\u201c" + registrysText + "\u201d";
	}

	/**
	 * What the event says, in words built in a given language, and the registry's own text to quote beside them;
	 * empty for an event without facts, of a kind not the registry's, or with facts this version cannot read.
	 */
	private Optional<Said> said(ApplicationEvents.Event event) {
		return switch (event.kind()) {
			case SEARCH -> events.facts(event, RegistryAnswer.class).map(answer -> new Said(answer(answer), null));
			case MATCH -> events.facts(event, RegistryRecord.class).map(record -> new Said(record(record), null));
			case PENDING, REJECTED, CHECK_REJECTED, LATE ->
				events.facts(event, RegistryReply.class).flatMap(reply -> reply(event.kind(), reply));
			case NONE -> events.facts(event, NoRegistry.class)
				.map(NoRegistry::step)
				.map(step -> new Said(locale -> words.text("desk.brief.registry.none." + step, locale), null));
			default -> Optional.empty();
		};
	}

	/** Words in a language, and the registry's text to quote (null: none). */
	private record Said(Function<Locale, String> words, String quoted) {
	}

	private Function<Locale, String> answer(RegistryAnswer answer) {
		String key = answer.enrolled() == null ? "desk.brief.registry.awaited"
				: answer.enrolled() ? "desk.brief.registry.enrolled" : "desk.brief.registry.notenrolled";
		return locale -> words.text(key, locale, programme(answer.service(), "", answer.service(), locale));
	}

	/**
	 * A callback that did not simply answer: part of an answer, a refusal (with the registry's reason, quoted), or,
	 * for a search made again since, whatever its late answer said.
	 */
	private Optional<Said> reply(String kind, RegistryReply reply) {
		String prefix = kind.equals(LATE) ? "desk.brief.registry.late." : "desk.brief.registry.";
		String shape;
		if (reply.wasRefused()) {
			shape = kind.equals(CHECK_REJECTED) ? "check.refused" : "refused";
		}
		else if (reply.cameInPart()) {
			shape = "partial";
		}
		else if (reply.enrolled() != null) {
			shape = reply.enrolled() ? "enrolled" : "notenrolled";
		}
		else {
			return Optional.empty();
		}
		String key = prefix + shape;
		Function<Locale, String> inWords = locale -> {
			String programme = programme(reply.service(), "", reply.service(), locale);
			String said = reply.cameInPart() && !reply.wasRefused()
					? words.text(key, locale, reply.answered(), reply.asked(), programme)
					: words.text(key, locale, programme);
			return reply.wasRefused() && reply.refusal().isEmpty()
					? said + "; " + words.text("desk.brief.registry.noreason", locale) : said;
		};
		return Optional.of(new Said(inWords, reply.wasRefused() && !reply.refusal().isEmpty() ? reply.refusal() : null));
	}

	private Function<Locale, String> record(RegistryRecord record) {
		return locale -> {
			List<String> parts = new ArrayList<>();
			String who = record.name().isEmpty() ? words.text("desk.brief.registry.noname", locale) : record.name();
			if (!record.born().isEmpty()) {
				who = words.text("desk.brief.registry.born", locale, who, day(record.born(), locale));
			}
			parts.add(words.text("desk.brief.registry.record", locale, record.reference(), who));
			parts.add(record.matchedOn().isEmpty()
					? words.text("desk.brief.registry.searched", locale, details(record.searchedBy(), locale))
					: words.text("desk.brief.registry.matched", locale, details(record.matchedOn(), locale)));
			String programme = programme(record.service(), record.programmeName(), record.programme(), locale);
			String status = messages.getMessage("desk.brief.registry.status." + record.status().toLowerCase(Locale.ROOT),
					null, record.status(), locale);
			parts.add(record.since().isEmpty() ? words.text("desk.brief.registry.enrolment.undated", locale, programme, status)
					: words.text("desk.brief.registry.enrolment", locale, programme, status, day(record.since(), locale)));
			RegistryRecord.Identifier identifier = record.identifier();
			if (identifier != null) {
				parts.add(identifier.aadhaarHash() ? words.text("desk.brief.registry.identifier.aadhaar", locale)
						: words.text("desk.brief.registry.identifier", locale, identifier.type(), identifier.masked()));
			}
			return String.join("; ", parts);
		};
	}

	/**
	 * The programme as officers know it: by their catalog's name of the service it is the registry's programme for,
	 * else by the registry's name, else by its code.
	 */
	private String programme(String service, String registryName, String code, Locale locale) {
		return catalog.find(service)
			.map(known -> known.name(locale.getLanguage()))
			.orElse(registryName == null || registryName.isEmpty() ? code : registryName);
	}

	private String details(List<RegistryRecord.Detail> details, Locale locale) {
		return String.join(", ",
				details.stream().map(detail -> words.text("desk.brief.registry.detail." + detail.name(), locale)).toList());
	}

	/** A date the registry gave, in words; one it wrote in a form we could not read, as it wrote it. */
	private String day(String isoOrAsGiven, Locale locale) {
		try {
			return words.day(LocalDate.parse(isoOrAsGiven), locale);
		}
		catch (DateTimeParseException asGiven) {
			return isoOrAsGiven;
		}
	}

	/** The same text in English and in the state language, side by side, each built in its own language. */
	private String both(Function<Locale, String> text) {
		return Words.bilingual(text.apply(ENGLISH), text.apply(Languages.locale(languages.stateLanguage())));
	}

}
