package org.sevahub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist, Cockpit and Admin load SevaHub's user-styles.css, which falls back to the shipped Noto fonts for
 * Devanagari and Bengali: the stylesheet is served in place of Camunda's empty one, the webapp around it still
 * loads, every font it names is served, and the webapp's policy lets the page load fonts from SevaHub.
 */
@SevaHubTest
class CamundaWebappFontsTest {

	private static final Pattern URL = Pattern.compile("url\\(\"([^\"]+)\"\\)");

	@Autowired
	TestRestTemplate http;

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void theWebappsUserStylesServeTheIndicFonts(String app) {
		ResponseEntity<String> index = http.getForEntity("/camunda/app/" + app + "/", String.class);
		assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(index.getBody()).contains("app/" + app + "/styles/user-styles.css");
		// The webapp's own files are still Camunda's: ours only takes the place of the one file.
		assertThat(http.getForEntity("/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js", byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		String policy = index.getHeaders().getFirst("Content-Security-Policy");
		assertThat(policy).as("fonts from SevaHub's own origin").containsAnyOf("font-src 'self'", "default-src 'self'");
		if (policy.contains("font-src")) {
			assertThat(policy).contains("font-src 'self'");
		}

		ResponseEntity<String> styles = http.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
		assertThat(styles.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(styles.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/css"))).isTrue();
		assertThat(styles.getBody()).contains("font-family: \"SevaHub Indic\"", "--font-family: \"SevaHub Indic\"");
		List<String> fonts = new ArrayList<>();
		Matcher m = URL.matcher(styles.getBody());
		while (m.find()) {
			fonts.add(m.group(1));
		}
		assertThat(fonts).contains("/fonts/NotoSansDevanagari-Regular.woff2", "/fonts/NotoSansBengali-Bold.woff2",
				"/fonts/NotoSansBengali-Regular.ttf");
		for (String font : fonts) {
			ResponseEntity<byte[]> served = http.getForEntity(font, byte[].class);
			assertThat(served.getStatusCode()).as(font).isEqualTo(HttpStatus.OK);
			String magic = new String(served.getBody(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (font.endsWith(".woff2")) {
				assertThat(magic).as(font).isEqualTo("wOF2");
				assertThat(served.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("font/woff2"))).as(font).isTrue();
			}
			else {
				assertThat(magic).as(font).isEqualTo("\0\1\0\0");
			}
			assertThat(served.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).as(font).contains("max-age");
		}
	}

}
