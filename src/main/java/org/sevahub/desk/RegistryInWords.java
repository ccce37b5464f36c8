package org.sevahub.desk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.RegistryAnswer;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a registry said, as the officer's brief shows it ({@link TaskBriefs#MATCHES}): in English and the state
 * language like the rest of the brief, dates in words, what matched and the enrolment status in words, the
 * programme by the catalog's name of its service (else the registry's name, else its code), and no transaction id
 * (that stays in the event's detail, for support staff). Put in words from the facts the event keeps; an event
 * without them (recorded before they were kept) reads as its detail, as it always did.
 */
@Component
class RegistryInWords {

	static final String SEARCH = "REGISTRY_SEARCH";

	/** The event the DCI connector records for each registry record that matched the applicant (DciAnswers.MATCH). */
	static final String MATCH = "REGISTRY_MATCH";

	private static final Locale ENGLISH = Languages.locale("en");

	private final MessageSource messages;

	private final Words words;

	private final Languages languages;

	private final ServiceCatalog catalog;

	private final ObjectMapper json;

	RegistryInWords(MessageSource messages, Words words, Languages languages, ServiceCatalog catalog,
			ObjectMapper json) {
		this.messages = messages;
		this.words = words;
		this.languages = languages;
		this.catalog = catalog;
		this.json = json;
	}

	String detail(ApplicationEvents.Event event) {
		String asRecorded = event.detail() == null ? "" : event.detail();
		if (event.facts() == null) {
			return asRecorded;
		}
		try {
			return switch (event.kind()) {
				case SEARCH -> answer(json.readValue(event.facts(), RegistryAnswer.class));
				case MATCH -> record(json.readValue(event.facts(), RegistryRecord.class));
				default -> asRecorded;
			};
		}
		catch (JsonProcessingException unreadable) {
			// Facts this version cannot read (written by a later one, say): the English line still says it all.
			return asRecorded;
		}
	}

	private String answer(RegistryAnswer answer) {
		String key = answer.enrolled() == null ? "desk.brief.registry.awaited"
				: answer.enrolled() ? "desk.brief.registry.enrolled" : "desk.brief.registry.notenrolled";
		return both(locale -> text(key, locale, programme(answer.service(), "", answer.service(), locale)));
	}

	private String record(RegistryRecord record) {
		return both(locale -> {
			List<String> parts = new ArrayList<>();
			String who = record.name().isEmpty() ? text("desk.brief.registry.noname", locale) : record.name();
			if (!record.born().isEmpty()) {
				who = text("desk.brief.registry.born", locale, who, day(record.born(), locale));
			}
			parts.add(text("desk.brief.registry.record", locale, record.reference(), who));
			parts.add(record.matchedOn().isEmpty()
					? text("desk.brief.registry.searched", locale, details(record.searchedBy(), locale))
					: text("desk.brief.registry.matched", locale, details(record.matchedOn(), locale)));
			String programme = programme(record.service(), record.programmeName(), record.programme(), locale);
			String status = messages.getMessage("desk.brief.registry.status." + record.status().toLowerCase(Locale.ROOT),
					null, record.status(), locale);
			parts.add(record.since().isEmpty() ? text("desk.brief.registry.enrolment.undated", locale, programme, status)
					: text("desk.brief.registry.enrolment", locale, programme, status, day(record.since(), locale)));
			RegistryRecord.Identifier identifier = record.identifier();
			if (identifier != null) {
				parts.add(identifier.aadhaarHash() ? text("desk.brief.registry.identifier.aadhaar", locale)
						: text("desk.brief.registry.identifier", locale, identifier.type(), identifier.masked()));
			}
			return String.join("; ", parts);
		});
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
				details.stream().map(detail -> text("desk.brief.registry.detail." + detail.name(), locale)).toList());
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

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** The same text in English and in the state language, side by side, each built in its own language. */
	private String both(Function<Locale, String> text) {
		return Words.bilingual(text.apply(ENGLISH), text.apply(Languages.locale(languages.stateLanguage())));
	}

}
