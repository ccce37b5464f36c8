package org.sevahub.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Autowired
	StatusHistory history;

	@BeforeAll
	static void startBrowser() {
		File chromium = new File("/usr/bin/chromium");
		File chromedriver = new File("/usr/bin/chromedriver");
		assertThat(chromium).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").exists();
		assertThat(chromedriver).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--lang=en-IN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
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
		wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group's tasks"));

		browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
		wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
		WebElement forward = wait(20).until(ExpectedConditions
			.elementToBeClickable(By.xpath("//label[contains(., 'Forward to the designated officer')]")));
		// The form shows the application it is about, read-only, from the process's variables.
		assertThat(browser.findElements(By.cssSelector("input[disabled]")))
			.extracting(input -> input.getAttribute("value"))
			.contains(app.applicationNo(), "Birth Certificate", "Sunita Banerjee / সুনীতা বন্দ্যোপাধ্যায়");
		forward.click();
		browser.findElement(By.cssSelector("textarea")).sendKeys("Documents match the hospital register");
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
			.contains("FORWARDED", "assistant", "Documents match the hospital register");
		screenshot("officer-application");
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
		screenshot("citizen-birth-certificate-form");
		browser.findElement(By.id("submit")).click();

		String applicationNo = wait(20)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-application-no")))
			.getText();
		screenshot("citizen-acknowledgement");
		assertThat(browser.findElement(By.id("ack-status")).getText()).isEqualTo("UNDER_VERIFICATION");
		Application app = applications.get(applicationNo);
		assertThat(applications.applicantOf(app).nameLocal()).isEqualTo("মিতালী সেন");
		assertThat(app.formData()).containsEntry("childNameLocal", "অর্জুন সেন")
			.containsEntry("childDateOfBirth", "2026-10-20");

		browser.get(url("/applications/" + applicationNo));
		assertThat(browser.findElement(By.id("history")).getText()).contains("SUBMITTED", "UNDER_VERIFICATION");
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
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
