package org.sevahub.desk;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.RegistryAnswer;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.RegistryReply;
import org.sevahub.application.RegistryRecord.Detail;
import org.sevahub.language.Languages;
import org.sevahub.office.OfficeAssignments;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import org.assertj.core.api.SoftAssertions;

/**
 * What an officer of a Bengali-speaking state reads in Tasklist's brief: the form's headings and the brief's values in
 * English and Bengali, as the rest of the form is: choices by their labels, dates in words.
 */
// An engine of its own name: Camunda keeps its engines in a static registry by name, and its REST API and webapps take
// the one registered last as "default". Under that name, this context's engine (registered when it started) answered
// the Hindi contexts' REST calls that came after it, and wrote their tasks' views in Bengali (DocumentVerdictsTest, in a
// random order).
@TestPropertySource(properties = { "sevahub.state-language=bn", "camunda.bpm.process-engine-name=bengali" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskBriefsInBengaliTest extends ProcessTestSupport {

	@Autowired
	TaskService tasks;

	@Autowired
	FormService formService;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	OfficeAssignments offices;

	@Autowired
	MessageSource messages;

	/**
	 * This context deployed the forms in Bengali as their latest version, and the suite's other contexts share the
	 * database: Tasklist there would show Bengali forms to tests that read Hindi ones (BrowserTest did, in a random
	 * order). The forms of the last deployment before the Bengali ones are deployed again, so the latest version is
	 * theirs. (A context that starts after this one deploys its own forms as a newer version anyway.) After all of
	 * this class's tests, not each: the context deploys the Bengali forms once, and a test after the first would read
	 * the Hindi ones.
	 */
	@AfterAll
	void putTheFormsBeforeThemBack() throws Exception {
		List<Deployment> newestFirst = repository.createDeploymentQuery().orderByDeploymentTime().desc().list();
		if (newestFirst.isEmpty() || !bengali(newestFirst.get(0))) {
			return;
		}
		for (Deployment earlier : newestFirst) {
			if (!bengali(earlier) && repository.getDeploymentResourceNames(earlier.getId())
				.stream()
				.anyMatch(resource -> resource.endsWith(VERIFY_FORM))) {
				DeploymentBuilder again = repository.createDeployment().name("forms before TaskBriefsInBengaliTest");
				for (String resource : repository.getDeploymentResourceNames(earlier.getId())) {
					if (resource.endsWith(".form")) {
						again.addInputStream(resource, repository.getResourceAsStream(earlier.getId(), resource));
					}
				}
				again.deploy();
				return;
			}
		}
	}

	private static final String VERIFY_FORM = "verify-application.form";

	private boolean bengali(Deployment deployment) throws Exception {
		String name = repository.getDeploymentResourceNames(deployment.getId())
			.stream()
			.filter(resource -> resource.endsWith(VERIFY_FORM))
			.findFirst()
			.orElse(null);
		if (name == null) {
			return false;
		}
		try (InputStream in = repository.getResourceAsStream(deployment.getId(), name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("আবেদন");
		}
	}

	@Test
	void theBriefReadsInEnglishAndTheStateLanguage() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String task = driver.task(app, "Task_VerifyApplication").getId();

		SoftAssertions soft = new SoftAssertions();
		// Its name in Tasklist's list and header too (TaskNames).
		soft.assertThat(driver.task(app, "Task_VerifyApplication").getName()).isEqualTo("Verify application / আবেদন যাচাই");
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

	/**
	 * The brief's remaining lines in both languages, the Bengali from the bundle: where the application came from,
	 * its office and designated officer, the registry's rows and the person's other applications.
	 */
	@Test
	void theOriginOfficeAndRegistryRowsReadInBothLanguages() throws Exception {
		Application earlier = driver.startAndSubmit("BIRTH-CERT");
		Application app = driver.startAndSubmit("BIRTH-CERT");
		// The same person by name and date of birth, a name no other test gives.
		jdbc.sql("UPDATE applicant SET name_en = 'Brief Twin', date_of_birth = DATE '1990-01-01' WHERE id IN (:ids)")
			.param("ids", List.of(earlier.applicantId(), app.applicantId()))
			.update();
		// A match recorded before the registry's facts were kept: its English line, as it was.
		events.record(app.id(), "REGISTRY_MATCH", "SPR-1: Brief Twin, enrolled");
		events.record(app.id(), "REGISTRY_MATCH", "SPR-2: as support staff read it",
				new RegistryRecord("SPR-2", "Brief Twin", "1990-01-01", List.of(), List.of(Detail.NAME, Detail.BIRTH_DATE),
						null, "OAP", "Old Age Pension", "Active", "2025-01-02",
						new RegistryRecord.Identifier("UID", "XXXX-XXXX-0123")));
		events.record(app.id(), "REGISTRY_SEARCH", "txn-1: not enrolled in OAP",
				new RegistryAnswer(false, "OLD-AGE-PENSION"));
		events.record(app.id(), "REGISTRY_SEARCH", "txn-2: awaiting the registry's answer",
				new RegistryAnswer(null, "OLD-AGE-PENSION"));
		events.record(app.id(), "REGISTRY_SEARCH_PENDING", "txn-3: header status pdng (1 of 2 requests answered so far)",
				RegistryReply.partly("OLD-AGE-PENSION", 1, 2));
		events.record(app.id(), "REGISTRY_SEARCH_REJECTED", "txn-4: rjct.search_criteria.invalid query_type not supported",
				RegistryReply.refused("OLD-AGE-PENSION", "rjct.search_criteria.invalid query_type not supported"));
		events.record(app.id(), "REGISTRY_STATUS_CHECK_REJECTED", "txn-5:  ", RegistryReply.refused("OLD-AGE-PENSION", " "));
		events.record(app.id(), "REGISTRY_LATE_ANSWER", "txn-6 (superseded): enrolled in OAP",
				RegistryReply.answered("OLD-AGE-PENSION", true));
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		SpinJsonNode brief = (SpinJsonNode) tasks.getVariableLocal(driver.task(app, "Task_Decide").getId(), "brief");

		SoftAssertions soft = new SoftAssertions();
		soft.assertThat(brief.prop("origin").stringValue())
			.isEqualTo("SevaHub's own form (direct) / " + bengali("desk.brief.origin.direct"));
		OfficeAssignments.Assigned en = offices.of(app, "en").orElseThrow();
		OfficeAssignments.Assigned bn = offices.of(app, "bn").orElseThrow();
		soft.assertThat(brief.prop("office").stringValue())
			.isEqualTo(en.office() + " (" + en.code() + "); designated officer: " + en.designatedPost() + ", "
					+ en.designatedOffice() + " / " + bengali("desk.brief.office", bn.office() + " (" + bn.code() + ")",
							bn.designatedPost(), bn.designatedOffice()))
			.contains("মনোনীত আধিকারিক");
		List<String> sources = brief.prop("matches").elements().stream().map(m -> m.prop("source").stringValue()).toList();
		List<String> details = brief.prop("matches").elements().stream().map(m -> m.prop("detail").stringValue()).toList();
		// What the registry said, in both languages: dates and what the search was by in words, the enrolment status
		// in words, the programme by the catalog's name of its service (else the registry's); no transaction id.
		soft.assertThat(details).startsWith("SPR-1: Brief Twin, enrolled",
				"Registry record SPR-2: Brief Twin, born 1 January 1990; found by the registry searching by name, date of "
						+ "birth; Old Age Pension: active since 2 January 2025; identifier: UID XXXX-XXXX-0123 / "
						+ "রেজিস্ট্রির নথি SPR-2: Brief Twin, জন্ম 1 জানুয়ারী 1990; রেজিস্ট্রি নাম, জন্মতারিখ দিয়ে খুঁজে "
						+ "পেয়েছে; Old Age Pension: 2 জানুয়ারী 2025 থেকে সক্রিয়; পরিচয়পত্র: UID XXXX-XXXX-0123",
				"The registry does not list the applicant as enrolled in Old Age Pension (DBT) / রেজিস্ট্রিতে আবেদনকারী "
						+ "বার্ধক্য ভাতা (ডিবিটি)-এ নথিভুক্ত নেই",
				"Answer from the registry awaited for Old Age Pension (DBT) / বার্ধক্য ভাতা (ডিবিটি) নিয়ে রেজিস্ট্রির উত্তরের "
						+ "অপেক্ষা",
				// An answer in part, refusals (the registry's own reason quoted, its label in both languages; a refusal
				// without one says so) and a late answer, in words: no transaction ids, no header codes.
				"The registry has answered 1 of 2 requests about Old Age Pension (DBT) so far; the rest of its answer is "
						+ "awaited / রেজিস্ট্রি বার্ধক্য ভাতা (ডিবিটি) নিয়ে এখন পর্যন্ত 2টির মধ্যে 1টি অনুরোধের উত্তর দিয়েছে; বাকি "
						+ "উত্তরের অপেক্ষা",
				"The registry refused the search for Old Age Pension (DBT) / রেজিস্ট্রি বার্ধক্য ভাতা (ডিবিটি) নিয়ে খোঁজ "
						+ "প্রত্যাখ্যান করেছে; reason given by the registry / রেজিস্ট্রির দেওয়া কারণ: "
						+ "\u201crjct.search_criteria.invalid query_type not supported\u201d",
				"The registry refused to say how the search for Old Age Pension (DBT) stands; the registry gave no reason / "
						+ "রেজিস্ট্রি বার্ধক্য ভাতা (ডিবিটি) নিয়ে খোঁজের অবস্থা জানাতে অস্বীকার করেছে; রেজিস্ট্রি কোনো কারণ জানায়নি",
				"Late answer to a search since made again: the registry lists the applicant as enrolled in Old Age Pension "
						+ "(DBT) / আগের খোঁজের দেরিতে আসা উত্তর (খোঁজ আবার করা হয়েছে): রেজিস্ট্রিতে আবেদনকারী বার্ধক্য ভাতা "
						+ "(ডিবিটি)-এ নথিভুক্ত আছেন");
		soft.assertThat(String.join("\n", details)).doesNotContain("txn-", "support staff", "OAP", "Active", "pdng",
				"superseded");
		soft.assertThat(sources).anyMatch(source -> source.startsWith(
				"Registry record that matched / " + bengali("desk.brief.registry.match") + ", "));
		soft.assertThat(sources).contains("SevaHub application " + earlier.applicationNo() + " / "
				+ bengali("desk.brief.application", earlier.applicationNo()));
		soft.assertThat(brief.prop("matches").toString()).containsPattern("; submitted \\d{1,2} December 2026, "
				+ "\\d\\d:\\d\\d / \\d{1,2} ডিসেম্বর 2026, \\d\\d:\\d\\d তারিখে জমা পড়েছে")
			.contains(bengali("desk.brief.submitted", "").strip());
		soft.assertAll();
	}

	private String bengali(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Languages.locale("bn"));
	}

}
