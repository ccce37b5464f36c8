package org.sevahub.web;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.platform.TasklistSession;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The officer's page names each stage of the history in the officer's language, by its BPMN element; an element
 * without a translation (one an analyst has just added) by the name the Modeler gave it.
 */
@SevaHubTest
class OfficerStagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	@Test
	void theStagesReadInTheOfficersLanguage() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Cookie assistant = officer("assistant");

		assertThat(stages(app, "en", assistant)).contains("Application initiated", "Application submitted",
				"Verify application");
		assertThat(stages(app, "bn", assistant)).contains("আবেদন শুরু হয়েছে", "আবেদন জমা পড়েছে", "আবেদন যাচাই")
			.doesNotContain("Application initiated", "Application submitted", "Verify application");
		assertThat(stages(app, "hi", assistant)).contains("आवेदन शुरू हुआ", "आवेदन जमा हुआ", "आवेदन का सत्यापन");
		assertThat(stages(app, "mr", assistant)).contains("अर्ज सुरू झाला", "अर्ज सादर झाला", "अर्जाची पडताळणी");

		// The API's history is as it was: the English name, no element ids.
		String api = mvc.perform(get("/api/v1/applications/" + app.applicationNo()).header("Authorization",
				CitizenLogin.bearer(environment, ProcessDriver.validForm("BIRTH-CERT").get("applicant.mobile"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(api).contains("\"stage\":\"Application submitted\"").doesNotContain("processKey", "activityId");
	}

	@Test
	void anElementWithoutATranslationReadsAsTheModelerNamedIt() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, process_key, activity_id, actor, occurred_at)
				VALUES (:app, 'UNDER_VERIFICATION', 'Field inspection', 'certificate-issuance', 'Task_FieldInspection',
				        'system', CURRENT_TIMESTAMP)""").param("app", app.id()).update();

		assertThat(stages(app, "bn", officer("assistant"))).contains("আবেদন জমা পড়েছে", "Field inspection");
	}

	@Test
	void theServiceIsNamedInThePagesLanguage() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Cookie assistant = officer("assistant");
		assertThat(service(app, "bn", assistant)).isEqualTo("জন্ম শংসাপত্র");
		assertThat(service(app, "en", assistant)).isEqualTo("Birth Certificate");
	}

	private String service(Application app, String language, Cookie officer) throws Exception {
		String html = mvc.perform(get("/officer/applications/" + app.applicationNo()).param("lang", language)
				.cookie(officer)).andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html).select("dt:matchesOwn(^(Service|পরিষেবা)$) + dd").first().text();
	}

	private List<String> stages(Application app, String language, Cookie officer) throws Exception {
		String html = mvc.perform(get("/officer/applications/" + app.applicationNo()).param("lang", language)
				.cookie(officer)).andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html).select("table.history:has(thead) tbody tr").stream()
			.map(row -> row.select("td").get(2))
			.map(Element::text)
			.toList();
	}

	/** The session cookie of a browser signed in to Tasklist through its real login form. */
	private Cookie officer(String user) throws Exception {
		TasklistSession tasklist = new TasklistSession("http://127.0.0.1:" + port);
		tasklist.signIn(user, user);
		return new Cookie("SEVAHUB_SESSION", tasklist.sessionCookie());
	}

}
