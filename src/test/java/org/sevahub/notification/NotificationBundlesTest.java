package org.sevahub.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles and the DLT registrations shipped with SevaHub agree: every bundle has every
 * {@code notify.*} key, in its own language, with the same placeholders; every event has its SMS and e-mail in
 * every language; and every SMS text, filled in, fits the template registered for its event and language.
 */
class NotificationBundlesTest {

	static final Map<String, String> BUNDLES = Map.of("en", "messages.properties", "hi", "messages_hi.properties",
			"bn", "messages_bn.properties", "mr", "messages_mr.properties");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

	@Test
	void everyBundleHasEveryNotifyKeyAndNoneIsEmpty() throws IOException {
		Set<String> all = new TreeSet<>();
		Map<String, Map<String, String>> bundles = bundles();
		bundles.values().forEach(bundle -> all.addAll(bundle.keySet()));
		assertThat(all).hasSizeGreaterThan(50);
		bundles.forEach((language, bundle) -> {
			assertThat(bundle.keySet()).as("notify.* keys of the %s bundle", language).containsExactlyInAnyOrderElementsOf(all);
			assertThat(bundle).as(language).allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank());
		});
	}

	@Test
	void translationsAreTranslatedAndKeepThePlaceholders() throws IOException {
		Map<String, Map<String, String>> bundles = bundles();
		Map<String, String> english = bundles.get("en");
		for (String language : List.of("hi", "bn", "mr")) {
			Map<String, String> bundle = bundles.get(language);
			english.forEach((key, text) -> {
				assertThat(bundle.get(key)).as("%s %s is not the English text", language, key).isNotEqualTo(text);
				assertThat(placeholders(bundle.get(key))).as("%s %s placeholders", language, key)
					.isEqualTo(placeholders(text));
			});
		}
		// A lone apostrophe is MessageFormat's quote and would swallow the placeholders after it.
		bundles.forEach((language, bundle) -> assertThat(bundle.values()).noneMatch(text -> text.contains("'")));
	}

	@Test
	void everyEventHasItsSmsAndEmailInEveryLanguage() throws IOException {
		Map<String, Map<String, String>> bundles = bundles();
		for (NotificationEvent event : NotificationEvent.values()) {
			bundles.forEach((language, bundle) -> assertThat(bundle).as(language)
				.containsKeys("notify.sms." + event.key, "notify.email." + event.key + ".subject",
						"notify.email." + event.key + ".body"));
		}
	}

	@Test
	void everySmsTextFilledInFitsTheDltTemplateRegisteredForItsEventAndLanguage() throws IOException {
		DltTemplates dlt = new DltTemplates(shippedConfiguration());
		Map<String, Map<String, String>> bundles = bundles();
		Object[] sample = { "BC2026000001", "10-12-2026", "https://seva.example.gov.in/applications/BC2026000001",
				"33.60", "BC-2026-000001" };
		for (NotificationEvent event : NotificationEvent.values()) {
			bundles.forEach((language, bundle) -> {
				String text = new MessageFormat(bundle.get("notify.sms." + event.key), Locale.forLanguageTag(language))
					.format(sample);
				assertThat(dlt.forEvent(event.key, language)).as("template for %s in %s", event.key, language)
					.get()
					.satisfies(template -> assertThat(template.refusal(text)).as(text).isEmpty())
					.satisfies(template -> assertThat(template.entityId()).isEqualTo("1101700000000012345"));
			});
		}
	}

	@Test
	void eachEventAndLanguageHasATemplateIdOfItsOwn() throws IOException {
		NotifyProperties properties = shippedConfiguration();
		Set<String> ids = new TreeSet<>();
		properties.sms().templates().values().forEach(byLanguage -> byLanguage.values().forEach(t -> ids.add(t.id())));
		assertThat(ids).hasSize(NotificationEvent.values().length * BUNDLES.size());
		assertThat(ids).allMatch(id -> id.matches("\\d{19}"));
	}

	/** notify.yml's first document (the sandbox default), bound as the application binds it. */
	static NotifyProperties shippedConfiguration() throws IOException {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("notify",
				new ClassPathResource("notify.yml"));
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(documents.get(0));
		return new Binder(ConfigurationPropertySources.get(environment)).bind("sevahub.notify", NotifyProperties.class)
			.get();
	}

	static Map<String, Map<String, String>> bundles() throws IOException {
		Map<String, Map<String, String>> bundles = new LinkedHashMap<>();
		for (Map.Entry<String, String> file : BUNDLES.entrySet()) {
			Properties properties = new Properties();
			try (Reader reader = new InputStreamReader(new ClassPathResource(file.getValue()).getInputStream(),
					StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			Map<String, String> notify = new LinkedHashMap<>();
			properties.stringPropertyNames()
				.stream()
				.filter(key -> key.startsWith("notify."))
				.forEach(key -> notify.put(key, properties.getProperty(key)));
			bundles.put(file.getKey(), notify);
		}
		return bundles;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
