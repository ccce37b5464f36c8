package org.sevahub.language;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sevahub.application.ApplicationStatus;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text SevaHub shows exists in every language it ships: each bundle has each key of the others (in its own
 * words, with the same placeholders), each key a template asks for, each status's words; each citizen form has
 * each label and choice translated; each officer's post is named in each language.
 */
class LanguageBundlesTest {

	static final List<String> TRANSLATED = List.of("hi", "bn", "mr");

	static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

	/** Pages write counts in Latin digits (LatinDigitsTest); a text written with ১২ or ९० beside them reads mixed. */
	@Test
	void noTextWritesANumberInBengaliOrDevanagariDigits() throws IOException {
		bundles().forEach((language, bundle) -> bundle.stringPropertyNames()
			.forEach(key -> assertThat(bundle.getProperty(key)).as("%s %s", language, key)
				.doesNotContainPattern(LatinDigitsTest.NATIVE_DIGIT)));
	}

	@Test
	void everyBundleHasEveryKeyOfTheOthersAndNoneIsBlank() throws IOException {
		Map<String, Properties> bundles = bundles();
		Set<String> all = new TreeSet<>();
		bundles.values().forEach(b -> b.stringPropertyNames().forEach(all::add));
		assertThat(all).hasSizeGreaterThan(300);
		bundles.forEach((language, bundle) -> {
			// A stage's or process's English name is its BPMN's own (StageNamesTest): the bundles hold only translations.
			Set<String> expected = new TreeSet<>(all);
			if ("en".equals(language)) {
				expected.removeIf(key -> key.startsWith(StageNamesTest.PREFIX) || key.startsWith(StageNamesTest.PROCESS_PREFIX));
			}
			assertThat(bundle.stringPropertyNames()).as("keys missing from the %s bundle", language)
				.containsAll(expected);
			expected.forEach(key -> assertThat(bundle.getProperty(key)).as("%s %s", language, key).isNotBlank());
		});
	}

	@Test
	void translationsKeepThePlaceholdersAndNoApostropheHidesThem() throws IOException {
		Map<String, Properties> bundles = bundles();
		Properties english = bundles.get("en");
		for (String language : TRANSLATED) {
			Properties bundle = bundles.get(language);
			for (String key : english.stringPropertyNames()) {
				assertThat(placeholders(bundle.getProperty(key))).as("%s %s placeholders", language, key)
					.isEqualTo(placeholders(english.getProperty(key)));
			}
		}
		// In a text with placeholders a lone apostrophe is MessageFormat's quote and swallows what follows.
		bundles.forEach((language, bundle) -> bundle.stringPropertyNames()
			.stream()
			.filter(key -> PLACEHOLDER.matcher(bundle.getProperty(key)).find())
			.forEach(key -> assertThat(bundle.getProperty(key)).as("%s %s", language, key).doesNotContain("'")));
	}

	@Test
	void everyKeyATemplateUsesIsInEveryBundle() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(LiteralTextTest.TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(100);
		bundles().forEach((language, bundle) -> assertThat(bundle.stringPropertyNames())
			.as("template keys missing from the %s bundle", language)
			.containsAll(used));
	}

	@Test
	void everyStatusHasItsWordsInEveryLanguage() throws IOException {
		Map<String, Properties> bundles = bundles();
		for (ApplicationStatus status : ApplicationStatus.values()) {
			bundles.forEach((language, bundle) -> assertThat(bundle.getProperty("status." + status.name()))
				.as("%s status.%s", language, status)
				.isNotBlank()
				.isNotEqualTo(status.name()));
		}
		for (String language : TRANSLATED) {
			assertThat(bundles.get(language).getProperty("status.REJECTED"))
				.isNotEqualTo(bundles.get("en").getProperty("status.REJECTED"));
		}
	}

	@Test
	void everyCitizenFormHasEveryLabelAndChoiceTranslated() throws IOException {
		ObjectMapper json = new ObjectMapper();
		ServiceCatalog catalog = new ServiceCatalog(new ClassPathResource("catalog.yml"));
		List<String> missing = new ArrayList<>();
		for (ServiceDefinition service : catalog.all()) {
			JsonNode form = json.readTree(Path.of("forms", service.form() + ".form").toFile());
			List<String> texts = new ArrayList<>();
			collect(form.path("components"), texts);
			assertThat(texts).as(service.form()).isNotEmpty();
			for (String language : TRANSLATED) {
				for (String text : texts) {
					JsonNode translated = form.path("translations").path(language).path(text);
					if (!translated.isTextual() || translated.asText().isBlank() || translated.asText().equals(text)
							&& text.chars().anyMatch(Character::isLetter) && !text.matches("[A-Z]{2,}")) {
						missing.add(service.form() + " " + language + ": " + text);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyPostIsNamedInEveryLanguage() throws IOException {
		ServiceCatalog catalog = new ServiceCatalog(new ClassPathResource("catalog.yml"));
		for (ServiceDefinition service : catalog.all()) {
			for (ServiceDefinition.Officer officer : List.of(service.officers().designated(),
					service.officers().firstAppellate(), service.officers().secondAppellate())) {
				assertThat(officer.roleNames().keySet()).as(officer.role()).containsAll(TRANSLATED);
			}
		}
	}

	private static void collect(JsonNode components, List<String> into) {
		for (JsonNode c : components) {
			for (String field : List.of("label", "description", "text", "dateLabel")) {
				if (c.path(field).isTextual()) {
					into.add(c.path(field).asText());
				}
			}
			c.path("values").forEach(v -> into.add(v.path("label").asText()));
			collect(c.path("components"), into);
		}
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
		while (m.find()) {
			found.add(m.group());
		}
		return found.stream().sorted().distinct().toList();
	}

	static Map<String, Properties> bundles() throws IOException {
		Map<String, Properties> bundles = new LinkedHashMap<>();
		for (String language : Languages.BUNDLED) {
			String name = "en".equals(language) ? "messages.properties" : "messages_" + language + ".properties";
			Properties properties = new Properties();
			try (Reader in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
				properties.load(in);
			}
			bundles.put(language, properties);
		}
		return bundles;
	}

}
