package org.sevahub.desk;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.assertj.core.api.SoftAssertions;

/**
 * What an officer of a Bengali-speaking state reads in Tasklist's brief: the form's headings and the brief's values in
 * English and Bengali, as the rest of the form is: choices by their labels, dates in words.
 */
@TestPropertySource(properties = "sevahub.state-language=bn")
class TaskBriefsInBengaliTest extends ProcessTestSupport {

	@Autowired
	TaskService tasks;

	@Autowired
	FormService formService;

	@Test
	void theBriefReadsInEnglishAndTheStateLanguage() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String task = driver.task(app, "Task_VerifyApplication").getId();

		SoftAssertions soft = new SoftAssertions();
		String form;
		try (InputStream in = formService.getDeployedTaskForm(task)) {
			form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		soft.assertThat(form).contains("Open the full application in a new tab / সম্পূর্ণ আবেদন নতুন ট্যাবে খুলুন",
				"Came through / কোথা থেকে এসেছে:", "Statutory due date / আইনে নির্ধারিত শেষ তারিখ:",
				"<h3>Applicant / আবেদনকারী</h3>", "<h3>Service data / পরিষেবার তথ্য</h3>", "<h3>History / ইতিহাস</h3>",
				"<th>When / কখন</th>", "<h3>Documents / নথি</h3>", "verdict so far / এখন পর্যন্ত রায়:",
				"{{#loop brief.applicant}}", "href=\\\"/officer/applications/{{applicationNo}}\\\"");

		SpinJsonNode brief = (SpinJsonNode) tasks.getVariableLocal(task, "brief");
		String service = brief.prop("service").toString();
		soft.assertThat(service).contains("Sex of the child / শিশুর লিঙ্গ", "Male / পুরুষ", "Parent / মা/বাবা",
				"1 October 2026 / 1 অক্টোবর 2026")
			.doesNotContain("\"M\"", "\"parent\"", "2026-10-01");
		soft.assertThat(brief.prop("due").stringValue())
			.matches("\\d{1,2} (December 2026|January 2027) \\(\\d+ days left when this task opened\\)"
					+ " / \\d{1,2} (ডিসেম্বর 2026|জানুয়ারী 2027) \\(এই কাজ খোলার সময় \\d+ দিন বাকি\\)");
		soft.assertThat(brief.prop("history").elements().get(0).prop("at").stringValue())
			.matches("\\d{1,2} December 2026 / \\d{1,2} ডিসেম্বর 2026, \\d\\d:\\d\\d");
		soft.assertAll();
	}

}
