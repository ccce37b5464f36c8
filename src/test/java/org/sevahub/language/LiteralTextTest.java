package org.sevahub.language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No SevaHub page holds English of its own: every word a reader sees comes from the message bundles. Text that
 * Thymeleaf replaces ({@code th:text}, {@code th:replace}, ...) is the designer's placeholder and does not count.
 * The sandbox's pages imitate the portals (their own words, their own language) and are left out.
 */
class LiteralTextTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Attributes a reader sees or hears (a screen reader reads aria-label and title). */
	static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label");

	/** Attributes whose element's content Thymeleaf replaces: what is written inside is never shown. */
	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

	static final Pattern WORD = Pattern.compile("\\p{IsLatin}{2,}");

	/** A string literal in an expression that reads as words ('Rs ' + ..., 'Signed in as ' + ...). */
	static final Pattern LITERAL_IN_EXPRESSION = Pattern.compile("'\\p{Lu}\\p{Ll}+[ ,.:][^']*'");

	@Test
	void noTemplateHoldsLiteralEnglish() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html"))
				.filter(f -> !TEMPLATES.relativize(f).startsWith("sandbox"))
				.toList()) {
				literalText(Files.readString(file, StandardCharsets.UTF_8))
					.forEach(text -> found.add(TEMPLATES.relativize(file) + ": " + text));
			}
		}
		assertThat(found).as("literal text in templates; put it in messages*.properties and use #{...}").isEmpty();
	}

	@Test
	void theCheckFindsTextAttributesAndLiteralsButNotReplacedPlaceholders() {
		assertThat(literalText("<p>Track an application</p>")).containsExactly("Track an application");
		assertThat(literalText("<input placeholder=\"Application number\">")).containsExactly("placeholder=Application number");
		assertThat(literalText("<img alt=\"Seal\" src=\"x.png\">")).containsExactly("alt=Seal");
		assertThat(literalText("<span th:text=\"'Signed in as ' + ${officer}\">x</span>")).hasSize(1);
		assertThat(literalText("<p th:text=\"#{site.track.label}\">Track an application</p>")).isEmpty();
		assertThat(literalText("<div th:replace=\"~{a :: b}\"><p>Placeholder text</p></div>")).isEmpty();
		assertThat(literalText("<input th:placeholder=\"#{x}\"><span>· 12 *</span>")).isEmpty();
	}

	static List<String> literalText(String html) {
		List<String> found = new ArrayList<>();
		Element root = Jsoup.parse(html, "", Parser.xmlParser());
		visit(root, found);
		return found;
	}

	private static void visit(Element element, List<String> found) {
		for (Attribute attribute : element.attributes()) {
			String name = attribute.getKey();
			if (VISIBLE_ATTRIBUTES.contains(name) && WORD.matcher(attribute.getValue()).find()) {
				found.add(name + "=" + attribute.getValue());
			}
			if (name.startsWith("th:") && LITERAL_IN_EXPRESSION.matcher(attribute.getValue()).find()) {
				found.add(name + "=" + attribute.getValue());
			}
		}
		if (element.attributes().asList().stream().anyMatch(a -> REPLACING.contains(a.getKey()))) {
			return;
		}
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text && WORD.matcher(text.text()).find()) {
				found.add(text.text().strip());
			}
			else if (child instanceof Element nested && !"script".equals(nested.tagName())
					&& !"style".equals(nested.tagName())) {
				visit(nested, found);
			}
		}
	}

}
