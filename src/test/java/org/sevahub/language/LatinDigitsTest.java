package org.sevahub.language;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages write numbers in international digits in every language, as application numbers, OTPs and dates are:
 * Java formats a count for Bengali and Marathi in their own digits unless told otherwise.
 */
@SevaHubTest
class LatinDigitsTest {

	/** Bengali ০–৯ and Devanagari ०–९. */
	static final Pattern NATIVE_DIGIT = Pattern.compile("[\u09E6-\u09EF\u0966-\u096F]");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theStatusPageCountsAndDatesInLatinDigits() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		for (String language : new String[] { "bn", "mr" }) {
			String page = html(get("/applications/" + app.applicationNo()).param("lang", language)
				.cookie(CitizenLogin.cookie(environment, ProcessDriver.validForm("BIRTH-CERT").get("applicant.mobile"))));
			assertThat(page).as("a file's size, a count").containsPattern("\\(\\d+ KB\\)");
			assertThat(page).as("a date").containsPattern("\\d{1,2} \\S+ 20\\d\\d");
			assertThat(NATIVE_DIGIT.matcher(page).results().map(r -> r.group())).as("%s native digits", language)
				.isEmpty();
			// The digits are the locale's extension; the language is still the plain code wherever it is named.
			assertThat(page).contains("<html lang=\"" + language + "\"");
			assertThat(Jsoup.parse(page).select("#languages [aria-current]").attr("lang")).isEqualTo(language);
			assertThat(jdbc.sql("SELECT language FROM application WHERE id = :id").param("id", app.id())
				.query(String.class).single()).isEqualTo(language);
		}
	}

	@Test
	void theServicesPageCountsDaysInLatinDigits() throws Exception {
		for (String language : new String[] { "bn", "mr" }) {
			String page = html(get("/").param("lang", language));
			assertThat(page).containsPattern("\\d+ \\S*দিন|\\d+ \\S*दिव");
			assertThat(NATIVE_DIGIT.matcher(page).find()).as("%s native digits", language).isFalse();
		}
	}

	/**
	 * Content-Language names the language as {@code <html lang>} does: the digits extension of the locale pages are
	 * formatted in is no language a browser or a search engine knows. Through the real server (Tomcat writes the
	 * header from the response's locale), a citizen's page and two admin pages.
	 */
	@Test
	void contentLanguageIsThePlainLanguageCode() {
		for (String language : new String[] { "en", "hi", "bn", "mr" }) {
			for (String path : new String[] { "/", "/admin/migration", "/admin/dashboard" }) {
				ResponseEntity<String> page = http.withBasicAuth("demo", "demo")
					.getForEntity(path + "?lang=" + language, String.class);
				assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
				assertThat(page.getBody()).as(path).contains("<html lang=\"" + language + "\"");
				assertThat(page.getHeaders().get(HttpHeaders.CONTENT_LANGUAGE)).as("%s %s", path, language)
					.containsExactly(language);
			}
		}
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
