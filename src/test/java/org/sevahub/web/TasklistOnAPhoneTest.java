package org.sevahub.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sevahub.application.Application;
import org.sevahub.testsupport.HeadlessChromium;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers decide on phones: Tasklist at 360 px shows the whole of every label, radio and checkbox choice and
 * table cell of a real form (the dealing assistant's Verify application of an Old Age Pension: the documents
 * checklist, the decision, the remarks, the brief's history), as it does at 1400 px. Tasklist's own styles cut a
 * label at one line; SevaHub's Tasklist stylesheet (user-styles.css) lets it wrap. The browser is given the
 * product's Noto fonts, so Devanagari is measured as officers see it and not as missing-glyph boxes. Screenshots
 * land in target/screenshots.
 */
@SevaHubTest
class TasklistOnAPhoneTest {

	/** What of the form is cut: each element whose text runs past its own box or past the form's right edge. */
	private static final String CUT = """
			const form = document.querySelector('.fjs-container .fjs-form').getBoundingClientRect();
			const cut = [];
			for (const el of document.querySelectorAll(
					'.fjs-container .fjs-form-field-label, .fjs-container td, .fjs-container th, .fjs-container table')) {
			  const box = el.getBoundingClientRect();
			  if (box.width > 0 && (el.scrollWidth > el.clientWidth + 1 || box.right > form.right + 1)) {
			    cut.push('"' + el.innerText.replace(/\\s+/g, ' ').slice(0, 60) + '": ' + el.scrollWidth + ' px of text in '
			        + el.clientWidth + ' px, right edge ' + Math.round(box.right) + ' of the form\\'s ' + Math.round(form.right));
			  }
			}
			return cut;""";

	private static final String FORM_RIGHT = "return document.querySelector('.fjs-container .fjs-form').getBoundingClientRect().right";

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessChromium.start(productFonts());
	}

	/** The machine may have no Indic fonts: Chromium, through fontconfig, is pointed at the product's own. */
	static Map<String, String> productFonts() throws Exception {
		Path fonts = Path.of("src/main/resources/fonts").toAbsolutePath();
		Path config = Files.createDirectories(Path.of("target", "fontconfig").toAbsolutePath()).resolve("fonts.conf");
		Files.writeString(config, """
				<?xml version="1.0"?>
				<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
				<fontconfig>
				  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
				  <dir>%s</dir>
				  <cachedir>%s</cachedir>
				</fontconfig>
				""".formatted(fonts, config.getParent().resolve("cache")));
		return Map.of("FONTCONFIG_FILE", config.toString());
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theVerifyFormsLabelsChoicesAndCellsAreWholeOnAPhoneAndOnADesktop() throws Exception {
		Application app = driver.startAndSubmit("OLD-AGE-PENSION");
		Task verify = driver.task(app, "Task_VerifyApplication");

		signInToTasklist("assistant");
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + verify.getId()));
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//label[starts-with(normalize-space(), 'Seek clarification from the citizen')]")));
		// The checklist's choices are the application's documents, filled in after the form itself.
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[contains(., 'bank-passbook')]")));

		browser.manage().window().setSize(new Dimension(360, 780));
		wait(10).until(b -> ((Number) js("return document.documentElement.clientWidth")).intValue() == 360);
		// Tasklist lays its three columns out again a moment after a resize: until then the form stands where the
		// desktop put it.
		wait(10).until(b -> ((Number) js(FORM_RIGHT)).intValue() <= 360);
		screenshot("tasklist-verify-360");
		List<?> cutOnThePhone = (List<?>) js(CUT);
		// Measured where it counts: the form had its long labels, not a layout too wide to cut anything.
		Number formWidth = (Number) js("return document.querySelector('.fjs-container .fjs-form').clientWidth");
		assertThat(formWidth.intValue()).as("the form's width on a 360 px phone").isBetween(250, 360);
		assertThat(labelWidth("Remarks (required to reject or to seek clarification")).as("the Remarks label, wrapped")
			.isLessThanOrEqualTo(formWidth.intValue());

		browser.manage().window().setSize(new Dimension(1400, 1000));
		wait(10).until(b -> ((Number) js("return document.documentElement.clientWidth")).intValue() == 1400);
		wait(10).until(b -> ((Number) js(FORM_RIGHT)).intValue() > 1000);
		screenshot("tasklist-verify-1400");
		List<?> cutOnTheDesktop = (List<?>) js(CUT);

		SoftAssertions.assertSoftly(both -> {
			both.assertThat(cutOnThePhone).as("cut at 360 px").isEmpty();
			both.assertThat(cutOnTheDesktop).as("cut at 1400 px").isEmpty();
		});
	}

	/** Tasklist links the customer stylesheet at this address; SevaHub's, not the webjar's commented-out sample. */
	@Test
	void tasklistServesSevaHubsStylesheet() {
		browser.get(url("/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(".fjs-container .fjs-form-field-label")
			.contains("white-space: normal");
	}

	private int labelWidth(String startingWith) {
		return browser.findElement(By.xpath("//label[starts-with(normalize-space(), '" + startingWith + "')]"))
			.getSize()
			.getWidth();
	}

	private void signInToTasklist(String officer) {
		browser.manage().window().setSize(new Dimension(1400, 1000));
		HeadlessChromium.signInToTasklist(browser, url("/camunda/app/tasklist/default/"), officer);
	}

	private static Object js(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
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
