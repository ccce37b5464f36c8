package org.sevahub.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.sevahub.language.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist's own interface (menus, filters, Claim, Complete, the comment box, the login page, date words) is in every
 * language SevaHub bundles: config.js offers each of them, and each one's locale file has every text of the
 * English file of the Camunda webjar on the classpath, so a Camunda upgrade that adds or renames a key fails here
 * and lists it. The English is read from the webjar itself, not from a copy.
 */
class TasklistLocalesTest {

	static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";

	/** Tasklist's placeholders ({{ name }}), moment.js's (%d, %s) and HTML tags (a link, a line break). */
	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[^}\\s]+\\s*}}|%[ds]|<[^>]+>");

	static final Pattern NATIVE_DIGIT = Pattern.compile("[\u09E6-\u09EF\u0966-\u096F]");

	static final Pattern AVAILABLE_LOCALES = Pattern.compile("const AVAILABLE_LOCALES\\s*=\\s*\\[([^\\]]*)]");

	static final Pattern FALLBACK_LOCALE = Pattern.compile("const FALLBACK_LOCALE\\s*=\\s*['\"](\\w+)['\"]");

	/** One language's descriptions of the keyboard shortcuts in config.js's SHORTCUTS: {@code  hi: { ... }}. */
	static final Pattern SHORTCUT_TEXTS = Pattern.compile("\\n  ([a-z]{2}): \\{([^}]*)}");

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void configJsOffersEveryBundledLanguageWithEnglishAsTheFallback() throws IOException {
		String config = served("scripts/config.js");
		Matcher available = AVAILABLE_LOCALES.matcher(config);
		assertThat(available.find()).as("AVAILABLE_LOCALES in Tasklist's scripts/config.js").isTrue();
		assertThat(config).contains("availableLocales: AVAILABLE_LOCALES", "fallbackLocale: FALLBACK_LOCALE");
		List<String> offered = Pattern.compile("['\"](\\w+)['\"]").matcher(available.group(1))
			.results()
			.map(r -> r.group(1))
			.toList();
		assertThat(offered).as("Tasklist's availableLocales").containsAll(Languages.BUNDLED);
		Matcher fallback = FALLBACK_LOCALE.matcher(config);
		assertThat(fallback.find() ? fallback.group(1) : null).as("Tasklist's fallbackLocale").isEqualTo("en");
		// Tasklist shows an error on every page for a listed language whose file it cannot load.
		for (String language : offered) {
			assertThat(getClass().getClassLoader().getResource(TASKLIST + "locales/" + language + ".json"))
				.as("locales/%s.json", language)
				.isNotNull();
		}
		// What the webjar's own config.js sets (the keyboard shortcuts) is still set.
		assertThat(config).contains("shortcuts").contains("claimTask").contains("ctrl+alt+c");
		// And each shortcut is described in every language offered, none left in English.
		Map<String, String> described = SHORTCUT_TEXTS.matcher(config)
			.results()
			.collect(java.util.stream.Collectors.toMap(r -> r.group(1), r -> r.group(2)));
		assertThat(described.keySet()).as("SHORTCUTS' languages").containsExactlyInAnyOrderElementsOf(offered);
		List<String> shortcuts = List.of("claimTask", "focusFilter", "focusList", "focusForm", "startProcess");
		for (String shortcut : shortcuts) {
			assertThat(config).as("config.js").contains("description: describe('" + shortcut + "')");
			for (Map.Entry<String, String> language : described.entrySet()) {
				assertThat(language.getValue()).as("%s in %s", shortcut, language.getKey()).contains(shortcut + ": '");
				if (!language.getKey().equals("en")) {
					assertThat(language.getValue()).as("%s's texts", language.getKey()).doesNotContainPattern("'[a-z ]+'");
				}
			}
		}
	}

	@Test
	void everyBundledLanguageHasEveryTextOfTasklistsEnglishWithItsPlaceholders() throws IOException {
		Map<String, String> english = texts(json(webjarsEnglish()));
		assertThat(english).as("texts in the webjar's en.json").hasSizeGreaterThan(400);
		SoftAssertions softly = new SoftAssertions();
		for (String language : Languages.BUNDLED) {
			if ("en".equals(language)) {
				continue;
			}
			URL file = getClass().getClassLoader().getResource(TASKLIST + "locales/" + language + ".json");
			softly.assertThat(file).as("Tasklist's locales/%s.json", language).isNotNull();
			if (file == null) {
				continue;
			}
			Map<String, String> translated = texts(json(file));
			List<String> missing = new ArrayList<>();
			List<String> lostPlaceholders = new ArrayList<>();
			english.forEach((key, text) -> {
				String translation = translated.get(key);
				if (translation == null || translation.isBlank() && !text.isBlank()) {
					missing.add(key);
				}
				else if (!placeholders(translation).equals(placeholders(text))) {
					lostPlaceholders.add(key + ": " + placeholders(text) + " became " + placeholders(translation));
				}
			});
			List<String> unknown = translated.keySet().stream().filter(key -> !english.containsKey(key)).toList();
			softly.assertThat(missing).as("%s.json: keys of en.json missing or empty", language).isEmpty();
			softly.assertThat(lostPlaceholders).as("%s.json: placeholders or tags not kept", language).isEmpty();
			softly.assertThat(unknown).as("%s.json: keys en.json no longer has", language).isEmpty();
			translated.forEach((key, text) -> softly.assertThat(text)
				.as("%s.json %s", language, key)
				.doesNotContainPattern(NATIVE_DIGIT));
		}
		softly.assertAll();
	}

	/**
	 * moment.js, inside Tasklist, has its own hi, bn and mr locales, which write every date and count in Devanagari
	 * or Bengali digits; Tasklist merges a locale file's dateLocales into them, where null removes a property. SevaHub
	 * writes international digits everywhere (docs/languages.md), so each file removes the digit conversion.
	 */
	@Test
	void datesStayInInternationalDigits() throws IOException {
		for (String language : Languages.BUNDLED) {
			if ("en".equals(language)) {
				continue;
			}
			URL file = getClass().getClassLoader().getResource(TASKLIST + "locales/" + language + ".json");
			assertThat(file).as("Tasklist's locales/%s.json", language).isNotNull();
			JsonNode dates = json(file).path("dateLocales");
			assertThat(dates.has("postformat") && dates.get("postformat").isNull()).as("%s: dateLocales.postformat null",
					language)
				.isTrue();
			assertThat(dates.has("preparse") && dates.get("preparse").isNull()).as("%s: dateLocales.preparse null",
					language)
				.isTrue();
		}
	}

	/** The webjar's en.json: the resource inside the Camunda webjar, whatever the project itself puts there. */
	static URL webjarsEnglish() throws IOException {
		for (URL url : Collections.list(TasklistLocalesTest.class.getClassLoader().getResources(TASKLIST + "locales/en.json"))) {
			if (url.toString().contains("camunda-webapp-webjar")) {
				return url;
			}
		}
		throw new AssertionError("no Camunda webapp webjar with " + TASKLIST + "locales/en.json on the classpath");
	}

	/** The file Tasklist is served: the first on the classpath, the project's own before the webjar's. */
	private String served(String path) throws IOException {
		URL url = getClass().getClassLoader().getResource(TASKLIST + path);
		assertThat(url).as(path).isNotNull();
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static JsonNode json(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// Camunda's own en.json starts with a byte order mark.
			return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
	}

	/** Every text of a locale file by its path (labels.CLAIM_TASK, dateLocales.months.0); numbers are not texts. */
	static Map<String, String> texts(JsonNode root) {
		Map<String, String> texts = new LinkedHashMap<>();
		collect("", root, texts);
		return texts;
	}

	private static void collect(String path, JsonNode node, Map<String, String> texts) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				// A file's own null (preparse, postformat) removes something of moment.js's locale; it is no text.
				if (!field.getValue().isNull()) {
					collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), texts);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(path + "." + i, node.get(i), texts);
			}
		}
		else if (node.isTextual()) {
			texts.put(path, node.asText());
		}
	}

	static List<String> placeholders(String text) {
		return PLACEHOLDER.matcher(text)
			.results()
			.map(r -> r.group().startsWith("{{") ? r.group().replaceAll("\\s+", "") : r.group())
			.sorted()
			.toList();
	}

}
