package org.sevahub.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.task.Task;
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
 * An officer whose browser is in Hindi (or Bengali, or Marathi) reads Tasklist's own interface in it: the login page, the Claim
 * and Complete buttons, the task list, the header and footer; no English text of Tasklist's en.json is left there (the forms are
 * bilingual on purpose and are not looked at). At 360 px the header, with Camunda's notice about Camunda 8, and the
 * footer are whole and cover nothing of the page between them. Screenshots land in target/screenshots.
 */
@SevaHubTest
class TasklistInTheOfficersLanguageTest {

	/** The page's text without the task's form, whose English half is SevaHub's own (BilingualTasklistForms). */
	private static final String CHROME_TEXT = """
			const form = document.querySelector('.fjs-container');
			if (form) { form.style.display = 'none'; }
			const text = document.body.innerText;
			if (form) { form.style.display = ''; }
			return text;""";

	/**
	 * What of the header or the footer is cut or out of the window (a screen reader's text, one pixel on purpose,
	 * aside), whether the header covers the page below it, and on a phone whether the footer covers the page above it
	 * (on a desktop Camunda's page box runs under the footer, its columns end above it).
	 */
	private static final String HEADER_CUT = """
			const header = document.querySelector('[cam-widget-header]');
			const footer = document.querySelector('[cam-widget-footer]');
			const cut = [];
			for (const el of [header, ...header.querySelectorAll('*'), footer, ...footer.querySelectorAll('*')]) {
			  const box = el.getBoundingClientRect();
			  const style = getComputedStyle(el);
			  if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || !el.innerText
			      || el.closest('.sr-only')) continue;
			  const what = '"' + el.innerText.replace(/\\s+/g, ' ').slice(0, 50) + '" (' + el.className + ')';
			  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible')
			    cut.push(what + ': ' + el.scrollWidth + ' px of text in ' + el.clientWidth);
			  if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible')
			    cut.push(what + ': ' + el.scrollHeight + ' px high in ' + el.clientHeight);
			  if (box.right > window.innerWidth + 1 || box.left < -1)
			    cut.push(what + ': from ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' px of ' + window.innerWidth);
			}
			const page = document.querySelector('.page-wrap').getBoundingClientRect();
			const bottom = header.getBoundingClientRect().bottom;
			const top = footer.getBoundingClientRect().top;
			if (bottom > page.top + 1) cut.push('the header ends at ' + Math.round(bottom) + ' px, the page starts at ' + Math.round(page.top));
			if (arguments[0] && top < page.bottom - 1) cut.push('the footer starts at ' + Math.round(top) + ' px, the page ends at ' + Math.round(page.bottom));
			return cut;""";

	/**
	 * Where the selected filter's pencil is drawn over or against its name, less than 3 px from it: the name (a
	 * bilingual one wraps) and the pencil are two cells of a table row, and a squeezed pencil cell drew the pencil
	 * touching the name's first line, as if it were the name's last letter.
	 */
	private static final String PENCIL_OVER_NAME = """
			const filter = document.querySelector('.task-filter.active');
			if (!filter) return 'no filter is selected';
			const name = filter.querySelector('h4.name a').getBoundingClientRect();
			const pencil = filter.querySelector('.actions .glyphicon-pencil').getBoundingClientRect();
			const over = pencil.left < name.right + 3 && pencil.right > name.left
			    && pencil.top < name.bottom && pencil.bottom > name.top;
			return over ? 'the pencil (' + Math.round(pencil.left) + '-' + Math.round(pencil.right) + ' px) is drawn against "'
			    + filter.querySelector('h4.name').innerText + '" (' + Math.round(name.left) + '-' + Math.round(name.right) + ' px)' : '';""";

	private static final Pattern NATIVE_DIGIT = Pattern.compile("[\u09E6-\u09EF\u0966-\u096F]");

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Test
	void anOfficerWithAHindiBrowserReadsTasklistInHindi() throws Exception {
		officerReadsTasklistIn("hi", new Words("लॉग इन करें", "Log in", "कार्य लें", "Claim", "पूर्ण करें",
				"Camunda 8 पर जाने का समय आ गया है", "चुना हुआ कार्य आपके नाम लेता है"));
	}

	@Test
	void anOfficerWithABengaliBrowserReadsTasklistInBengali() throws Exception {
		officerReadsTasklistIn("bn-IN", new Words("লগ ইন করুন", "Log in", "কাজটি নিন", "Claim", "সম্পন্ন করুন",
				"Camunda 8-এ যাওয়ার সময় হয়েছে", "বাছাই করা কাজটি আপনার নামে নেয়"));
	}

	@Test
	void anOfficerWithAMarathiBrowserReadsTasklistInMarathi() throws Exception {
		officerReadsTasklistIn("mr-IN", new Words("लॉग इन करा", "Log in", "काम स्वीकारा", "Claim", "पूर्ण करा",
				"Camunda 8 कडे जाण्याची वेळ आली आहे", "निवडलेले काम तुमच्याकडे स्वीकारते"));
	}

	/**
	 * Tasklist's words on its login button, its claim button, its Complete button and its notice, and SevaHub's
	 * description of the claim shortcut (config.js).
	 */
	record Words(String logIn, String logInInEnglish, String claim, String claimInEnglish, String complete,
			String notice, String claimShortcut) {
	}

	private void officerReadsTasklistIn(String language, Words words) throws Exception {
		Application app = driver.startAndSubmit("OLD-AGE-PENSION");
		Task verify = driver.task(app, "Task_VerifyApplication");
		String code = language.substring(0, 2);
		WebDriver browser = HeadlessChromium.start(TasklistOnAPhoneTest.productFonts(), language);
		try {
			assertThat(js(browser, "return navigator.languages[0]")).as("the browser's first language")
				.isEqualTo(language);
			String tasklist = url("/camunda/app/tasklist/default/");

			// The login page, before anyone signs in (a fresh browser: Tasklist has cached no locale file yet).
			browser.get(tasklist);
			wait(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
			wait(browser, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type='submit']"),
					words.logIn()));
			assertThat(browser.findElement(By.cssSelector("button[type='submit']")).getText()).as("the login button")
				.isEqualTo(words.logIn())
				.doesNotContain(words.logInInEnglish());

			HeadlessChromium.signInToTasklist(browser, tasklist, "assistant");
			browser.get(url("/camunda/app/tasklist/default/#/?task=" + verify.getId()));
			wait(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//label[starts-with(normalize-space(), 'Seek clarification from the citizen')]")));
			By claim = By.cssSelector("button.claim");
			wait(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(claim));
			assertThat(browser.findElement(claim).getText()).as("the Claim button").isEqualTo(words.claim());
			// Tasklist's IBM Plex Sans has no Indic letters: the script comes in SevaHub's own Noto font
			// (camunda-fonts.css), so a machine without such fonts shows letters, not boxes.
			String font = code.equals("bn") ? "/fonts/NotoSansBengali-Regular.ttf" : "/fonts/NotoSansDevanagari-Regular.ttf";
			wait(browser, 20).until(b -> js(b, FONTS_FETCHED).toString().contains(font));

			String chrome = (String) js(browser, CHROME_TEXT);
			List<String> english = englishLeftIn(chrome);
			SoftAssertions.assertSoftly(softly -> {
				softly.assertThat(chrome).as("Tasklist's own text").contains(words.complete()).contains(words.notice());
				softly.assertThat(chrome).as("Tasklist's own text").doesNotContainPattern("\\b" + words.claimInEnglish() + "\\b");
				softly.assertThat(english).as("texts of Tasklist's en.json still in English").isEmpty();
				// moment.js's own hi and bn locales would write dates and counts in Devanagari or Bengali digits.
				softly.assertThat(chrome).as("Tasklist's own text").doesNotContainPattern(NATIVE_DIGIT);
			});

			// The keyboard shortcuts' descriptions are config.js's, in the language Tasklist shows.
			browser.findElement(By.cssSelector("a.showShortcutHelp")).click();
			By shortcuts = By.cssSelector(".modal-body table");
			wait(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(shortcuts));
			assertThat(browser.findElement(shortcuts).getText()).as("the keyboard shortcuts")
				.contains(words.claimShortcut())
				.doesNotContain("claims the currently selected task", "sets the focus");
			browser.findElement(By.cssSelector(".modal-footer button")).click();
			wait(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));

			// On a desktop Camunda's notice stays on one line, and is whole in Hindi and Bengali too.
			HeadlessChromium.screenshot(browser, "tasklist-" + code + "-1400");
			assertThat((List<?>) js(browser, HEADER_CUT, false)).as("Tasklist's header and footer at 1400 px").isEmpty();
			assertThat(js(browser, PENCIL_OVER_NAME)).as("the selected filter at 1400 px").isEqualTo("");

			browser.manage().window().setSize(new Dimension(360, 780));
			wait(browser, 10).until(b -> ((Number) js(b, "return document.documentElement.clientWidth")).intValue() == 360);
			wait(browser, 10).until(b -> ((Number) js(b,
					"return document.querySelector('.fjs-container .fjs-form').getBoundingClientRect().right")).intValue() <= 360);
			HeadlessChromium.screenshot(browser, "tasklist-" + code + "-360");
			List<?> cut = (List<?>) js(browser, HEADER_CUT, true);
			Number banner = (Number) js(browser,
					"const b = document.querySelector('[cam-widget-header] .ce-eol-banner'); return b ? b.getBoundingClientRect().height : -1");
			assertThat(banner.intValue()).as("the height of Camunda's notice at 360 px (-1: not shown)")
				.isGreaterThan(20);
			assertThat(cut).as("Tasklist's header and footer at 360 px").isEmpty();
			assertThat(js(browser, PENCIL_OVER_NAME)).as("the selected filter at 360 px").isEqualTo("");
		}
		finally {
			browser.quit();
		}
	}

	/** The fonts the page fetched, as the browser's resource timing lists them. */
	private static final String FONTS_FETCHED = "return performance.getEntriesByType('resource').map(e => e.name)"
			+ ".filter(n => n.includes('/fonts/')).join(' ')";

	/** Each text of Tasklist's en.json of two words or more that the page shows as it is. */
	private static List<String> englishLeftIn(String text) throws Exception {
		Map<String, String> english = TasklistLocalesTest.texts(TasklistLocalesTest.json(TasklistLocalesTest.webjarsEnglish()));
		return english.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("labels.") && e.getValue().strip().contains(" "))
			.filter(e -> text.contains(e.getValue()))
			.map(e -> e.getKey() + "=" + e.getValue())
			.toList();
	}

	private static Object js(WebDriver browser, String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	private static WebDriverWait wait(WebDriver browser, int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
