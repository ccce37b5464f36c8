package org.sevahub.language;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist offers the languages the installation serves, its default first, and no other: its config.js is written
 * from {@code sevahub.languages}. {@code TasklistInTheOfficersLanguageTest} sees Tasklist take the file in a browser.
 */
@SevaHubTest
class TasklistLanguagesTest {

	@Autowired
	TestRestTemplate http;

	@Test
	void tasklistIsServedTheTestProfilesLanguagesWithItsDefaultAsTheFallback() {
		// Tasklist asks with its version as a cache-buster.
		ResponseEntity<String> config = http.getForEntity(TasklistLanguages.PATH + "?bust=7.24.0", String.class);

		assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(config.getHeaders().getContentType()).hasToString("text/javascript;charset=UTF-8");
		assertThat(config.getHeaders().getCacheControl()).isEqualTo("no-cache");
		assertThat(config.getBody()).contains("const AVAILABLE_LOCALES = ['en', 'hi', 'bn', 'mr'];",
				"const FALLBACK_LOCALE = 'en';", "availableLocales: AVAILABLE_LOCALES");
	}

	@Test
	void aBrowserHoldingTheFileIsToldItIsUnchanged() {
		String etag = http.getForEntity(TasklistLanguages.PATH, String.class).getHeaders().getETag();
		HttpHeaders ifNoneMatch = new HttpHeaders();
		ifNoneMatch.setIfNoneMatch(etag);

		ResponseEntity<String> again = http.exchange(TasklistLanguages.PATH, HttpMethod.GET, new HttpEntity<>(ifNoneMatch),
				String.class);

		assertThat(etag).isNotBlank();
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(again.getBody()).isNull();
	}

	@Test
	void aWestBengalInstallationOffersBengaliAndEnglishWithBengaliForEveryOtherBrowser() {
		String config = new TasklistLanguages(new Languages("bn,en", null)).configJs().getBody();

		assertThat(config).contains("const AVAILABLE_LOCALES = ['bn', 'en'];", "const FALLBACK_LOCALE = 'bn';")
			// The shortcuts' descriptions are kept for every language; the two constants decide which is shown.
			.contains("claimTask: 'বাছাই করা কাজটি আপনার নামে নেয়'");
	}

	@Test
	void aLanguageTasklistHasNoWordsForIsLeftOut() {
		String config = new TasklistLanguages(new Languages("ta,en,mr", null)).configJs().getBody();

		assertThat(config).contains("const AVAILABLE_LOCALES = ['en', 'mr'];", "const FALLBACK_LOCALE = 'en';");
	}

}
