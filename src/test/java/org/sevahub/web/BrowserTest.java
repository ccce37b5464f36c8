package org.sevahub.web;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sevahub.application.Application;
import org.sevahub.application.DailyRollup;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.ApplicationStatus;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.certificate.CertificateRepository;
import org.sevahub.certificate.CertificateService;
import org.sevahub.certificate.CertificateSpecimens;
import org.sevahub.testsupport.HeadlessChromium;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TasklistDecisions;
import org.sevahub.testsupport.TestClamd;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What officers and citizens see, in Debian's headless Chromium driven by Selenium: an officer verifies an
 * application through its Camunda Form in Tasklist; a citizen fills and submits a form in Bengali.
 * Screenshots land in target/screenshots for a person to look at.
 */
@SevaHubTest
class BrowserTest {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.core.env.Environment environment;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Autowired
	StatusHistory history;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DailyRollup rollup;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRepository certificateRepository;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start(Map.of());
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theDealingAssistantVerifiesAnApplicationThroughItsFormInTasklist() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();

		browser.manage().deleteAllCookies();
		browser.get(url("/camunda/app/tasklist/default/"));
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
		browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("assistant");
		browser.findElement(By.cssSelector("input[type='password']")).sendKeys("assistant");
		browser.findElement(By.cssSelector("button[type='submit']")).click();
		// The filter's name begins with its English name whatever the state language beside it.
		wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group's tasks"));

		browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
		wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
		wait(20).until(ExpectedConditions
			.elementToBeClickable(By.xpath("//label[contains(., 'Forward to the designated officer')]")));
		// The form shows the application it is about, read-only, from the process's variables.
		assertThat(browser.findElements(By.cssSelector("input[disabled]")))
			.extracting(input -> input.getAttribute("value"))
			.contains(app.applicationNo(), "Birth Certificate / जन्म प्रमाणपत्र", "Sunita Banerjee / সুনীতা বন্দ্যোপাধ্যায়");
		// Officers read the form in English and the installation's state language (the demo's: Hindi).
		assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
			.contains("Forward to the designated officer / पदाभिहित अधिकारी को भेजें", "Decision / निर्णय");
		choose(browser.findElement(By.cssSelector(".fjs-container")), "Forward to the designated officer");
		typeInForm(browser.findElement(By.xpath("//label[starts-with(normalize-space(), 'Remarks')]/following::textarea[1]")),
				"Documents match the hospital register");
		screenshot("tasklist-verify-application");
		WebElement complete = wait(10)
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		// Tasklist's fixed footer covers the bottom of the page; bring the button to the middle first.
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
		complete.click();

		wait(20).until(b -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
		List<StatusHistoryEntry> stages = history.of(app.id());
		assertThat(stages).extracting(StatusHistoryEntry::status).endsWith("FORWARDED");
		assertThat(stages.get(stages.size() - 1).actor()).isEqualTo("assistant");
		assertThat(stages.get(stages.size() - 1).remarks()).isEqualTo("Documents match the hospital register");
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_Decide");

		// The form's link opens the whole application for the signed-in officer.
		browser.get(url("/officer/applications/" + app.applicationNo()));
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Place of birth (hospital or address)", "SSKM Hospital, Kolkata", "সুনীতা বন্দ্যোপাধ্যায়")
			.contains("Sent to the deciding officer", "assistant", "Documents match the hospital register")
			.doesNotContain("FORWARDED");
		screenshot("officer-application");
	}

	/**
	 * Issue 12: the officer reads the whole application in Tasklist before claiming it — applicant, service data,
	 * portal, office, due date, documents, history with remarks — and the full page opens in a new tab; the first
	 * appellate officer's form names the appeal's service and applicant.
	 */
	@Test
	void beforeClaimingTheAssistantReadsTheWholeApplicationAndTheAppellateOfficerTheAppeal() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Task verify = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();

		browser.manage().deleteAllCookies();
		signInToTasklist("assistant");
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + verify.getId()));
		wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "Service data"));
		assertThat(browser.findElements(By.cssSelector("button.claim"))).as("not claimed yet").isNotEmpty();
		assertThat(tasks.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();
		WebElement form = browser.findElement(By.cssSelector(".fjs-container"));
		assertThat(form.getText()).contains("SSKM Hospital, Kolkata", "Rahul Banerjee", "12 Lake Road, Kolkata", "700029",
				"SevaHub's own form", "Kolkata District Office (WB-KOL)", "Sub-Registrar, Births and Deaths",
				"days left when this task opened", "Under verification", "Hospital's birth report");
		screenshot("tasklist-whole-application-before-claiming");
		// Tasklist's form renderer drops a link's target, so the whole application is in the form itself; its full
		// page opens for the signed-in officer before the task is claimed.
		String full = form.findElement(By.partialLinkText("Open the full application in a new tab")).getAttribute("href");
		assertThat(full).endsWith("/officer/applications/" + app.applicationNo());
		browser.get(full);
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("officer-application-no")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(app.applicationNo(),
				"SSKM Hospital, Kolkata");

		TasklistDecisions.complete(http, tasks, app, "assistant", "forward", "Hospital record matches");
		TasklistDecisions.complete(http, tasks, app, "officer", "reject", "Not registered in this district");
		applications.fileAppeal(app.applicationNo(), "Registered at the municipal office");
		Task appeal = tasks.createTaskQuery().processInstanceBusinessKey(app.applicationNo()).singleResult();
		assertThat(appeal.getTaskDefinitionKey()).isEqualTo("Task_HearFirstAppeal");
		browser.manage().deleteAllCookies();
		signInToTasklist("appellate1");
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + appeal.getId()));
		wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "History"));
		assertThat(browser.findElements(By.cssSelector(".fjs-container input[disabled]")))
			.extracting(input -> input.getAttribute("value"))
			.contains("Birth Certificate / जन्म प्रमाणपत्र", "Sunita Banerjee / সুনীতা বন্দ্যোপাধ্যায়",
					"Registered at the municipal office");
		assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("Rejected",
				"Not registered in this district", "Hospital record matches", "Appeal filed");
		screenshot("tasklist-hear-appeal-before-claiming");
	}

	/**
	 * The RTS dashboard draws its chart from the webjar (docs/images/rts-dashboard.png is this screenshot), here over
	 * a month of February 2020 with three services in four offices, on time, late, pending and withdrawn, and appeals.
	 */
	@Test
	void theRtsDashboardDrawsItsChart() throws Exception {
		dashboardFixture();
		try {
			browser.manage().deleteAllCookies();
			// The admin pages take HTTP Basic, which headless Chromium cannot answer without DevTools: the page is
			// fetched as the administrator and written into a page of the same origin, where its scripts and styles
			// load.
			String page = http.withBasicAuth("demo", "demo")
				.getForObject("/admin/dashboard?from=2020-02-01&to=2020-02-29&by=office", String.class);
			browser.get(url("/"));
			((JavascriptExecutor) browser).executeScript("document.open(); document.write(arguments[0]); document.close();",
					page);
			wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-figures")));
			assertThat(browser.findElement(By.id("dashboard-figures")).getText()).contains("Kolkata District Office (WB-KOL)",
					"(UP-LKO)", "(MH-PUN)");
			// Chart.js has drawn when the canvas has a chart attached.
			wait(10).until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b)
				.executeScript("return !!Chart.getChart(document.getElementById('dashboard-chart'))")));
			screenshot("rts-dashboard");
		}
		finally {
			jdbc.sql("DELETE FROM status_history WHERE application_id IN (SELECT id FROM application WHERE application_no LIKE 'SHOT%')")
				.update();
			jdbc.sql("DELETE FROM application WHERE application_no LIKE 'SHOT%'").update();
			rollup.rebuild();
		}
	}

	/**
	 * 160 applications of February 2020 written by SQL, then counted into the dashboard's roll-up as an upgrade's
	 * backfill would: half disposed on time, some late (more in Lucknow), pending within and beyond time, withdrawn,
	 * and appeals against some rejections.
	 */
	private void dashboardFixture() {
		long applicant = jdbc.sql("INSERT INTO applicant (name_en) VALUES ('Screenshot') RETURNING id").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO application (application_no, service_code, applicant_id, channel, status, form_data,
				    locked_fields, created_at, updated_at, submitted_at, sla_due_at, disposed_at, office_code)
				SELECT 'SHOT' || g, service, :applicant, 'direct',
				       CASE WHEN outcome < 7 THEN CASE WHEN g % 4 = 0 THEN 'REJECTED' ELSE 'APPROVED' END
				            WHEN outcome = 7 THEN 'UNDER_VERIFICATION' WHEN outcome = 8 THEN 'FORWARDED' ELSE 'CANCELLED' END,
				       '{}', '[]', sub, sub, sub, sub + interval '15 days',
				       CASE WHEN outcome < 5 THEN sub + (g % 12) * interval '1 day'
				            WHEN outcome < 7 THEN sub + (16 + g % 9) * interval '1 day' END,
				       office
				FROM (SELECT g, (ARRAY['BIRTH-CERT', 'INCOME-CERT', 'OLD-AGE-PENSION'])[1 + g % 3] AS service,
				             (ARRAY['WB-KOL', 'WB-HWH', 'UP-LKO', 'MH-PUN'])[1 + (g / 3) % 4] AS office,
				             CASE WHEN (g / 3) % 4 = 2 AND g % 10 < 3 THEN 5 ELSE (g * 7) % 10 END AS outcome,
				             timestamptz '2020-01-20 10:00+05:30' + (g % 40) * interval '1 day' + g * interval '7 minutes' AS sub
				      FROM generate_series(1, 160) g) x""").param("applicant", applicant).update();
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, actor, occurred_at)
				SELECT id, 'APPEAL_FILED', 'First appeal lodged', 'citizen', disposed_at + interval '2 days' FROM application
				WHERE application_no LIKE 'SHOT%' AND status = 'REJECTED' AND id % 2 = 0""").update();
		rollup.rebuild();
	}

	@Test
	void aCitizenFillsAndSubmitsTheBirthCertificateForm() throws Exception {
		browser.manage().deleteAllCookies();
		browser.get(url("/"));
		browser.findElement(By.id("apply-BIRTH-CERT")).click();
		type("f-applicant-nameEn", "Mitali Sen");
		type("f-applicant-nameLocal", "মিতালী সেন");
		type("f-applicant-mobile", "9830012345");
		type("f-applicant-address", "7 Gariahat Road, Kolkata");
		type("f-applicant-district", "Kolkata");
		type("f-applicant-pincode", "700019");
		type("f-childName", "Arjun Sen");
		type("f-childNameLocal", "অর্জুন সেন");
		new Select(browser.findElement(By.id("f-childGender"))).selectByValue("M");
		// A date input takes keystrokes in the browser's locale; set the ISO value the server expects.
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-10-20'",
				browser.findElement(By.id("f-childDateOfBirth")));
		type("f-placeOfBirth", "Ramakrishna Mission Seva Pratishthan");
		type("f-fatherName", "Subhash Sen");
		type("f-motherName", "Mitali Sen");
		new Select(browser.findElement(By.id("f-relation"))).selectByValue("parent");
		browser.findElement(By.id("doc-birth-report-file")).sendKeys(
				Files.write(Files.createTempFile("birth-report", ".pdf"), TestDocuments.pdf("Birth report")).toString());
		screenshot("citizen-birth-certificate-form");
		browser.findElement(By.id("submit")).click();

		String applicationNo = wait(20)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-application-no")))
			.getText();
		screenshot("citizen-acknowledgement");
		assertThat(browser.findElement(By.id("ack-status")).getText()).isEqualTo("Being verified");
		Application app = applications.get(applicationNo);
		assertThat(applications.applicantOf(app).nameLocal()).isEqualTo("মিতালী সেন");
		assertThat(app.formData()).containsEntry("childNameLocal", "অর্জুন সেন")
			.containsEntry("childDateOfBirth", "2026-10-20");

		browser.get(url("/applications/" + applicationNo));
		assertThat(browser.findElement(By.id("history")).getText()).contains("Submitted", "Being verified")
			.doesNotContain("SUBMITTED", "UNDER_VERIFICATION");
	}

	@Test
	void aCitizenSignsInWithAnOtpThroughThePagesAndSeesTheirApplications() throws Exception {
		String mobile = "7" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
		Map<String, String> form = new java.util.HashMap<>(ProcessDriver.validForm("BIRTH-CERT"));
		form.put("applicant.mobile", mobile);
		Application mine = applications.create(org.sevahub.application.NewApplication.direct("BIRTH-CERT", form));

		browser.manage().deleteAllCookies();
		// An application page without a session leads to sign-in, and back to it afterwards.
		browser.get(url("/applications/" + mine.applicationNo()));
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("mobile-form")));
		assertThat(browser.getCurrentUrl()).contains("/citizen/sign-in?next=");
		type("mobile", mobile);
		browser.findElement(By.id("send-otp")).click();
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("otp-form")));
		String sms = jdbc.sql("SELECT message FROM sandbox_sms WHERE mobile = :m ORDER BY id DESC LIMIT 1")
			.param("m", mobile)
			.query(String.class)
			.single();
		String otp = sms.substring(0, 6);
		String wrong = otp.equals("123456") ? "654321" : "123456";
		type("otp", wrong);
		browser.findElement(By.id("verify-otp")).click();
		assertThat(wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText())
			.isEqualTo("Wrong OTP. 2 tries left.");
		type("otp", otp);
		screenshot("citizen-sign-in-otp");
		browser.findElement(By.id("verify-otp")).click();
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("status-application-no")));
		assertThat(browser.findElement(By.id("current-status")).getText()).isEqualTo("Started");
		assertThat(browser.manage().getCookieNamed("sevahub_citizen").isHttpOnly()).isTrue();

		browser.get(url("/citizen/applications"));
		WebElement list = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("my-applications")));
		screenshot("citizen-my-applications");
		assertThat(list.getText()).contains(mine.applicationNo(), "Birth Certificate", "Started");
		list.findElement(By.linkText(mine.applicationNo())).click();
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("status-application-no")));

		browser.get(url("/citizen/applications"));
		browser.findElement(By.cssSelector("#sign-out-form button")).click();
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-BIRTH-CERT")));
		assertThat(browser.manage().getCookieNamed("sevahub_citizen")).isNull();
		browser.get(url("/citizen/applications"));
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("mobile-form")));
	}

	@Test
	void aCitizenSeesFieldErrorsAndKeepsWhatTheyTyped() throws Exception {
		browser.manage().deleteAllCookies();
		browser.get(url("/apply/INCOME-CERT"));
		type("f-applicant-nameEn", "Ravi Kumar");
		type("f-applicant-nameLocal", "रवि कुमार");
		type("f-applicant-pincode", "ABC");
		browser.findElement(By.id("submit")).click();
		wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		screenshot("citizen-field-errors");
		assertThat(browser.findElement(By.id("f-applicant-pincode-error")).getText())
			.isEqualTo("PIN code is not in the expected format");
		assertThat(browser.findElement(By.id("f-applicant-nameLocal")).getAttribute("value")).isEqualTo("रवि कुमार");
	}

	/**
	 * Issue 13's walk-through: a citizen sends a PDF and a photo with the form, the dealing assistant sees both in
	 * Tasklist and rejects the photo with a reason, the citizen sends it again from the clarification page, and
	 * the designated officer approves. Citizen screens are taken at a phone's 360 px.
	 */
	@Test
	void documentsGoFromTheCitizensFormToTheOfficersVerdictAndBackForAClarification() throws Exception {
		TestClamd.requireRunning();
		Path files = Files.createTempDirectory("citizen-files");
		Path birthReport = Files.write(files.resolve("birth-report.pdf"), TestDocuments.pdf("Discharge summary, SSKM Hospital"));
		Path photo = Files.write(files.resolve("IMG_0412.jpg"), TestDocuments.jpeg(1200, 900));
		Path betterPhoto = Files.write(files.resolve("IMG_0415.jpg"), TestDocuments.jpeg(900, 1200));

		browser.manage().deleteAllCookies();
		phone();
		browser.get(url("/apply/BIRTH-CERT"));
		ProcessDriver.validForm("BIRTH-CERT").forEach((key, value) -> {
			WebElement field = browser.findElement(By.name(key));
			if (field.getTagName().equals("select")) {
				new Select(field).selectByValue(value);
			}
			else if ("date".equals(field.getAttribute("type"))) {
				((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
			}
			else {
				field.clear();
				field.sendKeys(value);
			}
		});
		browser.findElement(By.id("doc-birth-report-file")).sendKeys(birthReport.toString());
		browser.findElement(By.id("doc-parent-id-proof-file")).sendKeys(photo.toString());
		WebElement documents = browser.findElement(By.id("documents"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", documents);
		screenshot("documents-citizen-form-360");
		assertThat(documents.getText()).contains("Hospital's birth report or discharge summary", "needed", "optional",
				"PDF, JPEG, PNG · up to 2.0 MB");
		browser.findElement(By.id("submit")).click();
		String applicationNo = wait(30)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-application-no")))
			.getText();
		Application app = applications.get(applicationNo);
		assertThat(documents(app)).containsExactly("birth-report:birth-report.pdf", "parent-id-proof:IMG_0412.jpg");

		// The dealing assistant sees both files in the Verify form, and rejects the photo.
		desktop();
		signInToTasklist("assistant");
		Task verify = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + verify.getId()));
		wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
		wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
				"Hospital's birth report"));
		WebElement form = browser.findElement(By.cssSelector(".fjs-container"));
		// The form is in English and the state language (Hindi in the tests), as the officers' forms are.
		assertThat(form.getText()).contains("birth-report.pdf", "IMG_0412.jpg", "Scanned clean by ClamAV",
				"Open / खोलें IMG_0412.jpg");
		WebElement image = wait(20).until(b -> b.findElements(By.cssSelector(".fjs-container img"))
			.stream()
			.filter(i -> Boolean.TRUE.equals(((JavascriptExecutor) b)
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", i)))
			.findFirst()
			.orElse(null));
		assertThat(image.getAttribute("src")).contains("/officer/documents/");
		String pdfLink = form.findElement(By.partialLinkText("Open / खोलें birth-report.pdf")).getAttribute("href");
		assertThat(fetched(pdfLink)).isEqualTo("200 application/pdf");
		// Every document not ticked is accepted; the ticked one is rejected, with the reason the citizen reads.
		// The checklist names it as the rows do, "Parent's identity proof / माता-पिता का पहचान प्रमाण (IMG_0412.jpg)".
		choose(form, "Parent's identity proof");
		typeInForm(wait(10).until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//label[starts-with(normalize-space(), 'Why they are rejected')]/following::textarea[1]"))),
				"The photo of the identity card is blurred");
		choose(form, "Seek clarification from the citizen");
		typeInForm(browser.findElement(By.xpath("//label[starts-with(normalize-space(), 'Remarks')]/following::textarea[1]")),
				"Please send a sharper photo of your ID");
		screenshot("documents-tasklist-verify");
		completeInTasklist();
		wait(20).until(b -> "CLARIFICATION_SOUGHT".equals(applications.get(applicationNo).status()));

		// The citizen's clarification page offers exactly the rejected document.
		phone();
		browser.get(url("/applications/" + applicationNo + "/form"));
		WebElement asked = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("documents-asked-again")));
		assertThat(asked.isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector("#documents input[type=file]")))
			.extracting(i -> i.getAttribute("name"))
			.containsExactly("document.parent-id-proof");
		assertThat(browser.findElement(By.id("doc-parent-id-proof")).getText())
			.contains("The photo of the identity card is blurred");
		browser.findElement(By.id("doc-parent-id-proof-file")).sendKeys(betterPhoto.toString());
		wait(30).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#doc-parent-id-proof .doc-status"), "is kept"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
				browser.findElement(By.id("documents")));
		screenshot("documents-citizen-clarification-360");
		browser.findElement(By.id("submit")).click();
		wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-application-no")));
		assertThat(driver.statuses(app)).contains("RESUBMITTED");
		assertThat(documents(app)).containsExactly("birth-report:birth-report.pdf", "parent-id-proof:IMG_0415.jpg");

		// Verified again and approved by the designated officer in Tasklist.
		desktop();
		TasklistDecisions.complete(http, tasks, app, "assistant", "forward", null);
		// The webapps' session lives in the shared store under SevaHub's own cookie (platform/SharedSessions).
		browser.manage().deleteCookieNamed("JSESSIONID");
		browser.manage().deleteCookieNamed("SEVAHUB_SESSION");
		signInToTasklist("officer");
		Task decide = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + decide.getId()));
		wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
		choose(wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))), "Approve");
		completeInTasklist();
		wait(20).until(b -> applications.get(applicationNo).status().equals("APPROVED"));
		browser.get(url("/officer/applications/" + applicationNo));
		assertThat(browser.findElement(By.id("officer-documents")).getText()).contains("IMG_0415.jpg", "IMG_0412.jpg",
				"scanned clean by ClamAV");
		screenshot("documents-officer-application");
		// On the record: each event's kind a line above what it says, so a sentence is not read as part of its kind.
		WebElement received = browser.findElements(By.cssSelector("#officer-events li"))
			.stream()
			.filter(line -> line.findElement(By.tagName("strong")).getText().equals("Document received"))
			.findFirst()
			.orElseThrow();
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", received);
		assertThat(received.findElement(By.tagName("span")).getLocation().getY())
			.isGreaterThan(received.findElement(By.tagName("strong")).getLocation().getY());
		screenshot("documents-officer-record");
	}

	/**
	 * Issue 14's walk-through: one income certificate application, rejected and appealed, read by its citizen in
	 * Bengali, Marathi and Hindi (the status page says who decides and by when), then its certificate as each
	 * state's installation lays it out. No status or enumeration code, no ISO date, reaches the reader.
	 * Screenshots land in docs/images for the README; the 360 px ones in target/screenshots.
	 */
	@Test
	void theSameApplicationReadsInBengaliMarathiAndHindiWithoutACode() throws Exception {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("INCOME-CERT"));
		form.put("applicant.nameLocal", "সুনীতা বন্দ্যোপাধ্যায়");
		Application app = driver.start("INCOME-CERT", form);
		String applicationNo = app.applicationNo();
		applications.submit(applicationNo, Map.of());
		applications.confirmFeePaid(applicationNo, "PAY-I18N-1", new BigDecimal("33.60"));
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "Salary slip not attached");
		applications.fileAppeal(applicationNo, "The salary slip is attached now");

		// The citizen who owns it, signed in (the status page is the owner's; strangers get /track).
		browser.manage().deleteAllCookies();
		browser.get(url("/"));
		browser.manage().addCookie(new org.openqa.selenium.Cookie(org.sevahub.testsupport.CitizenLogin.COOKIE,
				org.sevahub.testsupport.CitizenLogin.token(environment, form.get("applicant.mobile"))));
		Map<String, List<String>> expected = Map.of(
				"bn", List.of("আপিল দায়ের হয়েছে", "মহকুমা শাসক", "নামঞ্জুর", "আয় শংসাপত্র"),
				"mr", List.of("अपील दाखल", "उपविभागीय अधिकारी", "नामंजूर", "उत्पन्नाचा दाखला"),
				"hi", List.of("अपील दायर", "उप-मंडल अधिकारी", "अस्वीकृत", "आय प्रमाणपत्र"));
		for (String language : List.of("bn", "mr", "hi")) {
			desktop();
			browser.get(url("/applications/" + applicationNo + "?lang=" + language));
			String page = browser.findElement(By.tagName("body")).getText();
			assertThat(page).as(language).contains(expected.get(language).subList(0, 3));
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
			assertNoCodes(page);
			screenshotTo(Path.of("docs", "images", "status-" + language + ".png"));
			phone();
			browser.navigate().refresh();
			screenshot("status-" + language + "-360");
		}
		desktop();

		driver.decide(app, "Task_HearFirstAppeal", "approve", "Salary slip verified");
		driver.runAsyncSteps(app);
		assertThat(applications.get(applicationNo).status()).isIn("CERTIFICATE_ISSUED", "DELIVERED");
		for (String language : List.of("bn", "mr", "hi")) {
			byte[] pdf = CertificateSpecimens.pdf(certificates, certificateRepository, app, Locale.forLanguageTag(language));
			try (PDDocument document = Loader.loadPDF(pdf)) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).as(language).contains(expected.get(language).get(3), "Income Certificate",
						"সুনীতা বন্দ্যোপাধ্যায়", "Sunita Banerjee", "Salaried");
				assertNoCodes(text);
				ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
						Path.of("docs", "images", "certificate-" + language + ".png").toFile());
			}
		}
	}

	/**
	 * The citizen's pages on a 360 px phone: nothing scrolls sideways (the verification page's key fingerprint, My
	 * applications' table), controls use the page's font at 16 px or more (smaller ones zoom on iOS), the header's
	 * Track button looks like a button and stays beside its input, and links are tap targets of 44 px.
	 */
	@Test
	void theCitizensPagesFitAPhoneAndTheirControlsAndLinksAreBigEnough() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", "Hospital record matches");
		driver.runAsyncSteps(app);
		String certificateNo = certificateRepository.findForApplication(app.id()).orElseThrow().certificateNo();
		Application draft = driver.start("BIRTH-CERT");
		driver.documents().attachNeeded(draft);

		browser.manage().deleteAllCookies();
		browser.get(url("/"));
		browser.manage().addCookie(new org.openqa.selenium.Cookie(org.sevahub.testsupport.CitizenLogin.COOKIE,
				org.sevahub.testsupport.CitizenLogin.token(environment, ProcessDriver.validForm("BIRTH-CERT").get("applicant.mobile"))));
		phone();
		try {
			for (String language : List.of("en", "bn", "hi", "mr")) {
				browser.get(url("/verify/" + certificateNo + "?lang=" + language));
				assertThat(browser.findElement(By.id("fingerprint")).getText()).as(language).isNotBlank();
				assertFitsThePhone("verify " + language);

				browser.get(url("/citizen/applications?lang=" + language));
				WebElement list = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("my-applications")));
				assertFitsThePhone("my applications " + language);
				assertTappable(list.findElement(By.linkText(app.applicationNo())), "application number " + language);

				browser.get(url("/track?lang=" + language));
				WebElement ask = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("track-ask")));
				assertFitsThePhone("track, no number yet, " + language);
				assertTappable(ask.findElement(By.id("track-page-no")), "the number's box " + language);
				assertTappable(ask.findElement(By.tagName("button")), "Track " + language);
			}
			screenshot("track-ask-mr-360");
			browser.get(url("/citizen/applications?lang=mr"));
			screenshot("citizen-my-applications-360");

			browser.get(url("/applications/" + draft.applicationNo() + "/form"));
			WebElement view = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".doc-view")));
			assertTappable(view, "a document's View link");
			for (WebElement link : browser.findElements(By.cssSelector("#languages a, .site-footer a"))) {
				assertTappable(link, link.getText());
			}
			WebElement track = browser.findElement(By.cssSelector(".site-header .track button"));
			assertThat(css(track, "background-color")).as("the Track button on the header's blue")
				.isNotEqualTo(css(browser.findElement(By.cssSelector(".site-header")), "background-color"));
			WebElement trackInput = browser.findElement(By.id("track-no"));
			assertThat(Math.abs(track.getLocation().getY() - trackInput.getLocation().getY()))
				.as("the Track button beside its input, not wrapped under it").isLessThan(10);

			browser.manage().deleteAllCookies();
			browser.get(url("/citizen/sign-in?lang=bn"));
			WebElement mobile = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("mobile")));
			for (WebElement control : List.of(mobile, browser.findElement(By.id("send-otp")),
					browser.findElement(By.id("track-no")))) {
				assertThat(Double.parseDouble(css(control, "font-size").replace("px", ""))).as(control.getAttribute("id"))
					.isGreaterThanOrEqualTo(16);
				assertThat(css(control, "font-family")).as(control.getAttribute("id")).contains("Noto Sans");
			}
		}
		finally {
			desktop();
		}
	}

	private static void assertFitsThePhone(String page) {
		Number width = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.clientWidth");
		assertThat(width.intValue()).as(page + ": no sideways scrolling").isLessThanOrEqualTo(viewport.intValue());
	}

	private static void assertTappable(WebElement link, String what) {
		assertThat(link.getSize().getHeight()).as(what + ": a tap target of 44 px").isGreaterThanOrEqualTo(44);
	}

	private static String css(WebElement element, String property) {
		return element.getCssValue(property);
	}

	/** Statuses, a form's enumeration codes and ISO dates are for machines: none may reach a reader. */
	private static void assertNoCodes(String text) {
		for (ApplicationStatus status : ApplicationStatus.values()) {
			assertThat(text).as("status code").doesNotContain(status.name());
		}
		assertThat(text).as("enumeration code").doesNotContainPattern("\\b(salaried|education|agriculture|labour)\\b")
			.doesNotContainPattern("(?m)(^|[\\s:/])[FMT]($|[\\s,.])")
			.as("ISO date")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
	}

	private static void screenshotTo(Path target) throws Exception {
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	private void signInToTasklist(String officer) {
		HeadlessChromium.signInToTasklist(browser, url("/camunda/app/tasklist/default/"), officer);
	}

	/**
	 * Types into a Camunda Form's field and leaves it: form-js takes typed text into the form's values only after a
	 * pause in typing (debounced) or when the field loses focus, so on a fast machine a Complete clicked right after
	 * typing submitted the field empty.
	 */
	private static void typeInForm(WebElement field, String text) {
		field.sendKeys(text, Keys.TAB);
	}

	private void completeInTasklist() {
		WebElement complete = wait(10)
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
		complete.click();
	}

	/** Ticks the radio labelled {@code label} inside {@code scope}. */
	private void choose(WebElement scope, String label) {
		// Tasklist's forms are bilingual ("Approve / स्वीकृत करें"): the English half names the choice.
		click(scope.findElement(By.xpath(".//label[normalize-space()=\"" + label + "\" or starts-with(normalize-space(), \""
				+ label + " / \")]")));
	}

	/** Clicked as a person would once it is in view; Tasklist's fixed footer and late images move things about. */
	private void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
				element);
	}

	/** What this browser, as signed in, gets from {@code url}: status and type, following redirects. */
	private String fetched(String url) {
		return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'})
				  .then(r => done(r.status + ' ' + (r.headers.get('content-type') || '').split(';')[0]))
				  .catch(e => done('failed ' + e));""", url);
	}

	private List<String> documents(Application app) {
		return jdbc.sql("SELECT code || ':' || file_name FROM application_document WHERE application_id = :id "
				+ "AND replaced_at IS NULL ORDER BY code").param("id", app.id()).query(String.class).list();
	}

	private static void phone() {
		browser.manage().window().setSize(new Dimension(360, 780));
	}

	private static void desktop() {
		browser.manage().window().setSize(new Dimension(1400, 1000));
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private static void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(browser, name);
	}

}
