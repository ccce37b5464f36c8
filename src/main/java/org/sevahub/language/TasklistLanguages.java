package org.sevahub.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves Tasklist's {@code scripts/config.js} offering the languages this installation serves, with its default
 * language as the fallback: an officer in a West Bengal office ({@code en,bn}) whose browser is in Hindi reads
 * Tasklist in Bengali, as SevaHub's own pages would be shown, not in a language the department does not serve.
 * <p>
 * The file on the classpath (SevaHub's copy of Tasklist's, which lists every bundled language) is the template; its
 * two constants are rewritten once at start-up. Tasklist reads the file before anyone signs in (the login page is
 * in the officer's language too), so it is served as Camunda's webapps serve their own files, under their login
 * rule; browsers revalidate it, so a changed {@code sevahub.languages} reaches them with the next restart.
 */
@RestController
class TasklistLanguages {

	static final String PATH = "/camunda/app/tasklist/scripts/config.js";

	private static final String TEMPLATE = "META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js";

	private static final Pattern AVAILABLE = Pattern.compile("const AVAILABLE_LOCALES = \\[[^\\]]*];");

	private static final Pattern FALLBACK = Pattern.compile("const FALLBACK_LOCALE = '[a-z]+';");

	private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

	private final String script;

	private final String etag;

	TasklistLanguages(Languages languages) {
		// Tasklist has words only in the bundled languages (its locales/<code>.json); a code outside them is left out.
		List<String> offered = languages.codes().stream().filter(Languages.BUNDLED::contains).toList();
		List<String> shown = offered.isEmpty() ? List.of("en") : offered;
		String template = template();
		this.script = replaceOnce(replaceOnce(template, AVAILABLE,
				shown.stream().map(code -> "'" + code + "'").collect(Collectors.joining(", ", "const AVAILABLE_LOCALES = [", "];"))),
				FALLBACK, "const FALLBACK_LOCALE = '" + shown.get(0) + "';");
		this.etag = "\"" + DigestUtils.md5DigestAsHex(script.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

	/** A request whose If-None-Match holds the ETag hears 304 (Spring checks a ResponseEntity's ETag itself). */
	@GetMapping(PATH)
	ResponseEntity<String> configJs() {
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.cacheControl(CacheControl.noCache())
			.eTag(etag)
			.body(script);
	}

	/** Refuses to start on a Tasklist whose config.js no longer reads as this class expects (a Camunda upgrade). */
	private static String replaceOnce(String script, Pattern constant, String replacement) {
		Matcher matcher = constant.matcher(script);
		if (!matcher.find()) {
			throw new IllegalStateException(TEMPLATE + " has no line matching " + constant.pattern());
		}
		return matcher.replaceFirst(Matcher.quoteReplacement(replacement));
	}

	private static String template() {
		try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
