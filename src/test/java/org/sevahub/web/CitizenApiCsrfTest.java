package org.sevahub.web;

import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.BrowserCsrf;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The citizen's session cookie does not sign in an API write that lacks the page's CSRF token: another site can
 * make the browser send the cookie (a multipart POST is a "simple" cross-origin request), not the token. A Bearer
 * token needs none: only a script that holds it can send it.
 */
@SevaHubTest
class CitizenApiCsrfTest {

	/** A draft of a service that asks for a photograph. */
	private static final String DRAFT = "{\"serviceCode\":\"INCOME-CERT\",\"applicant\":{},\"data\":{}}";

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	private final String mobile = "6" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));

	@Test
	void anotherSitesUploadRidingTheCookieIsRefusedAsAStalePageAndKeepsNothing() throws Exception {
		String no = json.readTree(created(post("/api/v1/applications").header("Authorization",
				CitizenLogin.bearer(environment, mobile)))).path("applicationNo").asText();
		long documents = documents();
		MockHttpServletResponse upload = mvc.perform(multipart("/api/v1/applications/" + no + "/documents/photo")
			.file(new MockMultipartFile("file", "ok.png", "image/png", TestDocuments.png(40, 40)))
			.cookie(cookie())
			.header("Origin", "https://evil.example")
			.header("Sec-Fetch-Site", "cross-site")).andReturn().getResponse();
		assertThat(upload.getStatus()).as(upload.getContentAsString()).isEqualTo(403);
		assertThat(json.readTree(upload.getContentAsString()).path("error").asText()).isEqualTo("stale-page");
		assertThat(documents()).isEqualTo(documents);
	}

	@Test
	void anApplicationMadeWithTheCookieAloneIsRefusedAndWithThePagesTokenIsMade() throws Exception {
		long before = applications();
		MockHttpServletResponse cookieOnly = mvc.perform(draft(post("/api/v1/applications").cookie(cookie())))
			.andReturn()
			.getResponse();
		assertThat(cookieOnly.getStatus()).as(cookieOnly.getContentAsString()).isEqualTo(403);
		assertThat(json.readTree(cookieOnly.getContentAsString()).path("error").asText()).isEqualTo("stale-page");
		assertThat(applications()).isEqualTo(before);
		// A page's script sends the token it was given, as the upload panel does.
		created(post("/api/v1/applications").cookie(cookie()).with(BrowserCsrf.csrf().asHeader()));
		// A Bearer token is no cookie a browser adds by itself, even with the cookie beside it.
		created(post("/api/v1/applications").cookie(cookie())
			.header("Authorization", CitizenLogin.bearer(environment, mobile)));
		assertThat(applications()).isEqualTo(before + 2);
	}

	private String created(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse answer = mvc.perform(draft(request)).andReturn().getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
		return answer.getContentAsString();
	}

	private static MockHttpServletRequestBuilder draft(MockHttpServletRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_JSON).content(DRAFT);
	}

	private Cookie cookie() {
		return CitizenLogin.cookie(environment, mobile);
	}

	private long applications() {
		return jdbc.sql("SELECT count(*) FROM application").query(Long.class).single();
	}

	private long documents() {
		return jdbc.sql("SELECT count(*) FROM application_document").query(Long.class).single();
	}

}
