package org.sevahub.language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.sevahub.application.form.FormDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Codes turned into the reader's words: statuses, decisions, a form's enumerated values, and dates in the Indian
 * order with the month named in the reader's language (20 नवंबर 2026). The API and the portals keep the codes;
 * pages, receipts and certificates ask here. Pages use it as {@code ${@words.status(code)}}, in the page's
 * language; PDFs pass the language they are laid out in.
 */
@Component("words")
public class Words {

	private final MessageSource messages;

	private final ZoneId zone;

	Words(MessageSource messages, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	public String status(String code) {
		return status(code, LocaleContextHolder.getLocale());
	}

	/**
	 * English and a translation side by side, as Tasklist's forms show them ("Approve / মঞ্জুর করুন",
	 * BilingualTasklistForms); the English alone when there is no translation or it is the same.
	 */
	public static String bilingual(String english, String local) {
		return local == null || local.isBlank() || local.equals(english) ? english
				: english + BilingualTasklistForms.SEPARATOR + local;
	}

	/** A text in English and in {@code language}, side by side as {@link #bilingual(String, String)} puts them. */
	public String inEnglishAnd(String language, String key, String fallback, Object... args) {
		String otherwise = fallback != null ? fallback : key;
		return bilingual(messages.getMessage(key, args, otherwise, Languages.locale("en")),
				messages.getMessage(key, args, otherwise, Languages.locale(language)));
	}

	/** A status in words; a department's own status without a text reads as a sentence, never as a code. */
	public String status(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		String words = messages.getMessage("status." + code, null, null, locale);
		return words != null ? words : sentence(code);
	}

	/**
	 * A stage of an application's history by the name its BPMN element has in the reader's language
	 * ({@code stage.<process key>.<activity id>}), else by the name the Modeler gave it when the status was recorded:
	 * English names are the BPMN's own, so an element an analyst adds or renames reads in English until translated.
	 */
	public String stage(String processKey, String activityId, String name) {
		return stage(processKey, activityId, name, LocaleContextHolder.getLocale());
	}

	/** {@link #stage(String, String, String)} in a given language (a Tasklist task's name is in the state's). */
	public String stage(String processKey, String activityId, String name, Locale locale) {
		if (processKey == null || activityId == null) {
			return name;
		}
		return messages.getMessage("stage." + processKey + "." + activityId, null, name, locale);
	}

	/**
	 * A process by its name in the reader's language ({@code process.<key>}), else the name the Modeler gave it (as
	 * {@link #stage(String, String, String)} names its elements); a process without a name reads as its key.
	 */
	public String process(String key, String name) {
		return process(key, name, LocaleContextHolder.getLocale());
	}

	/** {@link #process(String, String)} in a given language (a process's name in Tasklist is in the state's). */
	public String process(String key, String name, Locale locale) {
		String otherwise = name != null && !name.isBlank() ? name : key;
		if (key == null) {
			return otherwise;
		}
		return messages.getMessage("process." + key, null, otherwise, locale);
	}

	/** The certificate's state: valid, revoked, expired. */
	public String certificateStatus(String code) {
		return code == null ? "" : messages.getMessage("certificate.status." + code, null, sentence(code),
				LocaleContextHolder.getLocale());
	}

	/**
	 * An admin page's code in words, from {@code <prefix>.<code>} ({@code delivery.state.PARKED},
	 * {@code notify.event.fee-due}); a code without words reads as a sentence.
	 */
	public String term(String prefix, Object code) {
		if (code == null) {
			return "";
		}
		return messages.getMessage(prefix + "." + code, null, sentence(code.toString()), LocaleContextHolder.getLocale());
	}

	/** A language code by its name in the reader's language (hi: Hindi, हिन्दी); a code Java does not know as is. */
	public String language(String code) {
		return code == null ? "" : Locale.forLanguageTag(code).getDisplayLanguage(LocaleContextHolder.getLocale());
	}

	public String date(Instant at) {
		return date(at, LocaleContextHolder.getLocale());
	}

	public String date(Instant at, Locale locale) {
		return at == null ? "" : day(at.atZone(zone).toLocalDate(), locale);
	}

	public String dateTime(Instant at) {
		Locale locale = LocaleContextHolder.getLocale();
		return at == null ? ""
				: day(at.atZone(zone).toLocalDate(), locale) + ", "
						+ DateTimeFormatter.ofPattern("HH:mm", locale).format(at.atZone(zone));
	}

	public String day(LocalDate date) {
		return day(date, LocaleContextHolder.getLocale());
	}

	/** d MMMM yyyy, the month in the reader's language, the digits as every Indian form writes them. */
	public String day(LocalDate date, Locale locale) {
		return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
	}

	/**
	 * A form's answer as the reader reads it: a choice's label in their language, a date in words, else the
	 * answer itself (a name, an address).
	 */
	public String value(FormDefinition form, String key, String value, Locale locale) {
		if (value == null || value.isBlank() || form == null) {
			return value;
		}
		var field = form.field(key);
		if (field.isEmpty()) {
			return value;
		}
		for (var option : field.get().options()) {
			if (option.value().equals(value)) {
				return form.translate(option.label(), locale.getLanguage());
			}
		}
		if (field.get().isDate()) {
			try {
				return day(LocalDate.parse(value), locale);
			}
			catch (DateTimeParseException notADate) {
				return value;
			}
		}
		return value;
	}

	/** A message in a given language (PDFs are laid out in more than one). */
	public String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String sentence(String code) {
		String words = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
