package org.sevahub.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The citizen's status page says who decides and by when: the designated officer's post and the disposal date;
 * after a rejection the appeal deadline and the appellate post; once an appeal is filed, the appellate officer
 * and the appeal's own date, which replaces the original one. In the reader's language, never in codes.
 */
@SevaHubTest
class StatusPageTest {

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessDriver driver;

	@Autowired
	Environment environment;

	@BeforeEach
	void onAMondayMorning() {
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, IST).toInstant()));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void thePageSaysWhoDecidesByWhenAndAnAppealMovesBoth() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");

		// Submitted on Monday 7 December: three working days.
		Document submitted = page(app, "en");
		assertThat(submitted.getElementById("current-status").text()).isEqualTo("Being verified");
		assertThat(submitted.getElementById("decided-by").text()).isEqualTo("Sub-Registrar, Births and Deaths");
		// The designated officer decides whoever of the office works on it now, as every language says.
		assertThat(submitted.getElementById("decided-by").previousElementSibling().text()).isEqualTo("To be decided by");
		assertThat(submitted.getElementById("decide-by").text()).isEqualTo("10 December 2026");
		assertThat(submitted.getElementById("appeal-by")).isNull();

		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "The hospital's record does not match");

		// Rejected on the 7th: a first appeal within 30 days, to the first appellate officer.
		Document rejected = page(app, "en");
		assertThat(rejected.getElementById("current-status").text()).isEqualTo("Rejected");
		assertThat(rejected.getElementById("decided-by")).isNull();
		assertThat(rejected.getElementById("appeal-by").text()).contains("6 January 2027")
			.contains("Additional Medical Officer");
		assertThat(page(app, "bn").getElementById("appeal-by").text()).contains("6 জানুয়ারী 2027")
			.contains("অতিরিক্ত চিকিৎসা আধিকারিক");

		driver.advanceClock(app, ProcessDriver.days(2));
		driver.applications().fileAppeal(app.applicationNo(), "The record was attached");

		// Filed on the 9th: the appellate officer has 30 days; the disposal date no longer stands.
		Document appealed = page(app, "en");
		assertThat(appealed.getElementById("current-status").text()).isEqualTo("Appeal filed");
		assertThat(appealed.getElementById("decided-by").text()).isEqualTo("Additional Medical Officer");
		assertThat(appealed.getElementById("decide-by").text()).isEqualTo("8 January 2027");
		assertThat(appealed.getElementById("appeal-by")).isNull();

		Document marathi = page(app, "mr");
		assertThat(marathi.getElementById("decided-by").text()).isEqualTo("अतिरिक्त वैद्यकीय अधिकारी");
		assertThat(marathi.getElementById("current-status").text()).isEqualTo("अपील दाखल");
		assertThat(marathi.getElementById("history").text()).contains("नामंजूर", "सादर केला")
			.doesNotContain("REJECTED", "APPEAL_FILED", "2026-12");
	}

	@Test
	void theOfficeAndTheDesignatedOfficersPostAreNamedInTheReadersLanguageWithoutACode() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Document bengali = page(app, "bn");
		assertThat(bengali.getElementById("status-office").text()).isEqualTo("কলকাতা জেলা দপ্তর");
		assertThat(bengali.getElementById("status-designated-officer").text())
			.contains("উপ-নিবন্ধক, জন্ম ও মৃত্যু", "কলকাতা জেলা দপ্তর")
			.doesNotContain("Sub-Registrar");
		Document hindi = page(app, "hi");
		assertThat(hindi.getElementById("status-office").text()).isEqualTo("कोलकाता जिला कार्यालय");
		assertThat(hindi.getElementById("status-designated-officer").text())
			.contains("उप-रजिस्ट्रार, जन्म और मृत्यु", "कोलकाता जिला कार्यालय");
		Document marathi = page(app, "mr");
		assertThat(marathi.getElementById("status-designated-officer").text())
			.contains("उप-निबंधक, जन्म व मृत्यू", "कोलकाता जिल्हा कार्यालय");
		for (Document page : java.util.List.of(bengali, hindi, marathi)) {
			assertThat(page.getElementById("summary") == null ? page.body().text() : page.getElementById("summary").text())
				.doesNotContain("WB-KOL", "Kolkata District Office");
		}
	}

	private Document page(Application app, String language) throws Exception {
		// As the citizen who owns it, signed in with the form's mobile number.
		String html = mvc.perform(get("/applications/" + app.applicationNo()).param("lang", language)
				.cookie(CitizenLogin.cookie(environment, ProcessDriver.validForm("BIRTH-CERT").get("applicant.mobile"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
