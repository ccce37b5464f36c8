package org.sevahub.web;

import java.util.List;
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

}
