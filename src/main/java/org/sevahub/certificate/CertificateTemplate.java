package org.sevahub.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * A certificate's wording and layout, from {@code certificates/<template>.yml}: a department edits the text and
 * the fields there. Values are form keys ({@code applicant.*} for the applicant), so the holder can be someone
 * other than the applicant (a child's birth certificate). Each text is in English and the states' languages: a
 * certificate is laid out in English and its installation's state language.
 */
record CertificateTemplate(Map<String, String> title, String statement, Map<String, String> statements, Holder holder,
		List<Field> fields) {

	/** Parsed once per template: they ship in the jar, and parsing YAML for each certificate was measurable. */
	private static final Map<String, CertificateTemplate> LOADED = new ConcurrentHashMap<>();

	CertificateTemplate {
		// Shared by every issue once loaded, so nothing in it may change.
		title = title == null ? Map.of() : Map.copyOf(title);
		statements = statements == null ? Map.of() : Map.copyOf(statements);
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	/** The statement in a language; English when the template has none in it. */
	String statement(String language) {
		return statements.getOrDefault(language, statement);
	}

	record Holder(String name, String nameLocal, String dob) {
	}

	/**
	 * @param label  in English
	 * @param labels in the states' languages
	 * @param mask   show only the last four characters (bank accounts)
	 */
	record Field(String label, Map<String, String> labels, String key, boolean mask) {

		Field {
			labels = labels == null ? Map.of() : Map.copyOf(labels);
		}

		String label(String language) {
			return labels.getOrDefault(language, label);
		}

	}

	static CertificateTemplate load(String name) {
		return LOADED.computeIfAbsent(name, CertificateTemplate::read);
	}

	private static CertificateTemplate read(String name) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
		try (InputStream in = new ClassPathResource("certificates/" + name + ".yml").getInputStream()) {
			return yaml.readValue(in, CertificateTemplate.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No certificate template certificates/" + name + ".yml", ex);
		}
	}

}
