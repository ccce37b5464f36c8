package org.sevahub.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of Camunda's webapps takes SevaHub's Noto fonts for Hindi, Marathi and Bengali (camunda-fonts.css), and every
 * font that sheet names is served to whoever asks, as the webapps' login pages ask before anyone signs in.
 * {@code TasklistInTheOfficersLanguageTest} sees Tasklist fetch them in a browser.
 */
@SevaHubTest
class CamundaWebappFontsTest {

	private static final Pattern FONT_URL = Pattern.compile("url\\(\"(/fonts/[^\"]+)\"\\)");

	private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{([^}]*)}");

	private static final Pattern WEIGHT = Pattern.compile("font-weight:\\s*(\\w+)");

	private static final Pattern STYLE = Pattern.compile("font-style:\\s*(\\w+)");

	@Autowired
	TestRestTemplate http;

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void eachWebappsStylesheetTakesTheFonts(String webapp) {
		ResponseEntity<String> styles = http.getForEntity("/camunda/app/" + webapp + "/styles/user-styles.css?bust=7.24.0",
				String.class);

		assertThat(styles.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(styles.getBody()).startsWith("/*").contains("@import url(\"/css/camunda-fonts.css\");");
	}

	@Test
	void theSheetNamesDevanagariAndBengaliForBothOfCamundasFamiliesAndEveryFontInItIsServed() {
		String sheet = http.getForObject("/css/camunda-fonts.css", String.class);
		assertThat(sheet).contains("font-family: \"IBMPlexSans\"", "font-family: \"IBM Plex Sans\"",
				"unicode-range: U+0900-097F", "unicode-range: U+0980-09FF");

		Matcher fonts = FONT_URL.matcher(sheet);
		List<String> named = fonts.results().map(m -> m.group(1)).distinct().toList();
		assertThat(named).containsExactlyInAnyOrder("/fonts/NotoSansDevanagari-Regular.ttf",
				"/fonts/NotoSansDevanagari-Bold.ttf", "/fonts/NotoSansBengali-Regular.ttf", "/fonts/NotoSansBengali-Bold.ttf");
		for (String font : named) {
			ResponseEntity<byte[]> served = http.getForEntity(font, byte[].class);
			assertThat(served.getStatusCode()).as(font).isEqualTo(HttpStatus.OK);
			// A TrueType font begins with its version tag, 0x00010000.
			assertThat(served.getBody()).as(font).startsWith(0, 1, 0, 0);
		}
	}


	/**
	 * A browser picks a family's faces by style and weight before it looks at their ranges: a style Camunda's own faces
	 * have and SevaHub's do not (italic: the login page's placeholders) drew Indic letters as boxes on a machine
	 * without Indic fonts.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void everyStyleAndWeightOfCamundasOwnFacesHasADevanagariAndABengaliFace(String webapp) throws IOException {
		Set<String> camundas = styles(resource("META-INF/resources/webjars/camunda/app/" + webapp + "/camunda-" + webapp
				+ "-bootstrap.css"), "'IBMPlexSans'", "");
		String sheet = http.getForObject("/css/camunda-fonts.css", String.class);

		assertThat(camundas).as("the styles and weights of Camunda's IBMPlexSans faces in " + webapp)
			.contains("400 normal", "400 italic");
		for (String family : List.of("\"IBMPlexSans\"", "\"IBM Plex Sans\"")) {
			assertThat(styles(sheet, family, "U+0900-097F")).as("Devanagari faces of " + family).containsAll(camundas);
			assertThat(styles(sheet, family, "U+0980-09FF")).as("Bengali faces of " + family).containsAll(camundas);
		}
	}

	/** "400 italic" and the like, of the faces of the family whose declaration contains the given text. */
	private static Set<String> styles(String css, String family, String containing) {
		Set<String> styles = new TreeSet<>();
		for (Matcher face = FONT_FACE.matcher(css); face.find();) {
			String declaration = face.group(1);
			if (!declaration.contains("font-family: " + family) || !declaration.contains(containing)) {
				continue;
			}
			Matcher weight = WEIGHT.matcher(declaration);
			Matcher style = STYLE.matcher(declaration);
			String w = weight.find() ? weight.group(1) : "normal";
			styles.add(switch (w) {
				case "normal" -> "400";
				case "bold" -> "700";
				default -> w;
			} + " " + (style.find() ? style.group(1) : "normal"));
		}
		return styles;
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = CamundaWebappFontsTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
