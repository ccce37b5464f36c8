package org.sevahub.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Deploys the Camunda Forms the officers fill in Tasklist in English and the installation's state language:
 * each label and choice reads "Approve / মঞ্জুর করুন", each text is followed by its translation, and each phrase of
 * an HTML view's fixed text (a heading, "Came through:") reads as a label does, from the form's own
 * {@code translations} block. Tasklist has no language of its own for Camunda Forms, so the bilingual form is
 * what is deployed; the files in forms/ stay as the Modeler edits them, and the deployment changes (and the
 * engine deploys a new version) only when they or the state language change.
 */
@Component
class BilingualTasklistForms extends DefaultDeploymentConfiguration {

	static final String SEPARATOR = " / ";

	private final Languages languages;

	private final ObjectMapper json = new ObjectMapper();

	BilingualTasklistForms(Languages languages) {
		this.languages = languages;
	}

	@Override
	public Set<Resource> getDeploymentResources() {
		Set<Resource> resources = new LinkedHashSet<>();
		for (Resource resource : super.getDeploymentResources()) {
			String name = resource.getFilename();
			resources.add(name != null && name.endsWith(".form") ? bilingual(resource) : resource);
		}
		return resources;
	}

	private Resource bilingual(Resource form) {
		try (InputStream in = form.getInputStream()) {
			byte[] deployed = bilingual(in.readAllBytes(), languages.stateLanguage());
			return new NamedResource(deployed, resourceName(form), form.getFilename());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the form " + form, ex);
		}
	}

	/** The form with its texts in English and {@code language}, without the translations block. */
	byte[] bilingual(byte[] form, String language) throws IOException {
		ObjectNode root = (ObjectNode) json.readTree(form);
		JsonNode translations = root.path("translations").path(language);
		root.remove("translations");
		if (!"en".equals(language) && translations.isObject()) {
			translate(root.path("components"), translations);
		}
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	private static void translate(JsonNode components, JsonNode translations) {
		if (!(components instanceof ArrayNode array)) {
			return;
		}
		for (JsonNode node : array) {
			ObjectNode component = (ObjectNode) node;
			for (String field : new String[] { "label", "description", "dateLabel" }) {
				joined(component, field, translations, SEPARATOR);
			}
			joined(component, "text", translations, "\n\n");
			if (component.path("content").isTextual()) {
				component.put("content", html(component.path("content").asText(), translations));
			}
			component.path("values").forEach(value -> joined((ObjectNode) value, "label", translations, SEPARATOR));
			translate(component.path("components"), translations);
		}
	}

	/** Tags, and the template's {{…}} (values, loops), which are never translated. */
	private static final Pattern MARKUP = Pattern.compile("<[^>]*>|\\{\\{.*?}}", Pattern.DOTALL);

	/** What surrounds a phrase in an HTML view without being part of it: spaces and the separator dot. */
	private static final Pattern PHRASE = Pattern.compile("^[\\s·]*(.*?)[\\s·]*$", Pattern.DOTALL);

	/**
	 * The phrases of an HTML view's fixed text ("Came through:", "History", "verdict so far:"): the text between its
	 * tags and {{…}} placeholders, without the spaces and dots around it. Each is translated as a label is, by its
	 * English text in the form's translations block.
	 */
	static List<String> phrases(String html) {
		List<String> phrases = new ArrayList<>();
		for (String run : MARKUP.split(html)) {
			Matcher phrase = PHRASE.matcher(run);
			if (phrase.matches() && !phrase.group(1).isEmpty()) {
				phrases.add(phrase.group(1));
			}
		}
		return phrases;
	}

	/** An HTML view with each phrase of its fixed text in English and the translation, its markup as it was. */
	static String html(String html, JsonNode translations) {
		StringBuilder out = new StringBuilder();
		Matcher markup = MARKUP.matcher(html);
		int at = 0;
		while (markup.find()) {
			out.append(translatedRun(html.substring(at, markup.start()), translations)).append(markup.group());
			at = markup.end();
		}
		return out.append(translatedRun(html.substring(at), translations)).toString();
	}

	private static String translatedRun(String run, JsonNode translations) {
		Matcher phrase = PHRASE.matcher(run);
		if (!phrase.matches() || phrase.group(1).isEmpty()) {
			return run;
		}
		String english = phrase.group(1);
		JsonNode local = translations.get(english);
		if (local == null || !local.isTextual() || local.asText().isBlank() || local.asText().equals(english)) {
			return run;
		}
		// "Office / কার্যালয়:" rather than "Office: / কার্যালয়:"
		String first = english.endsWith(":") && local.asText().endsWith(":")
				? english.substring(0, english.length() - 1) : english;
		// The English is the form's own HTML; the translation is text.
		String both = first + SEPARATOR + HtmlUtils.htmlEscape(local.asText(), "UTF-8");
		return run.substring(0, phrase.start(1)) + both + run.substring(phrase.end(1));
	}

	private static void joined(ObjectNode node, String field, JsonNode translations, String separator) {
		JsonNode english = node.get(field);
		if (english == null || !english.isTextual()) {
			return;
		}
		JsonNode local = translations.get(english.asText());
		if (local != null && local.isTextual() && !local.asText().equals(english.asText())) {
			node.put(field, english.asText() + separator + local.asText());
		}
	}

	/** The name the engine knew the file by, so a redeployment compares like with like. */
	private static String resourceName(Resource resource) {
		if (resource instanceof ContextResource context) {
			return context.getPathWithinContext();
		}
		try {
			return resource.getFile().getAbsolutePath();
		}
		catch (IOException notAFile) {
			return resource.getFilename();
		}
	}

	/** Deployed bytes under the original resource's name. */
	private static final class NamedResource extends ByteArrayResource implements ContextResource {

		private final String path;

		private final String filename;

		NamedResource(byte[] bytes, String path, String filename) {
			super(bytes, path);
			this.path = path;
			this.filename = filename;
		}

		@Override
		public String getPathWithinContext() {
			return path;
		}

		@Override
		public String getFilename() {
			return filename;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof NamedResource named && named.path.equals(path) && super.equals(other);
		}

		@Override
		public int hashCode() {
			return path.hashCode();
		}

	}

}
