package org.sevahub.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium, driven by Selenium, as the browser tests use it: a desktop window, English (India),
 * the browser's console kept so a page that never shows says why, and a sign-in to Tasklist that survives a
 * Tasklist stuck at its spinner.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/** @param driverEnvironment variables for chromedriver and the browser it starts (a fontconfig file, say) */
	public static ChromeDriver start(Map<String, String> driverEnvironment) {
		return start(driverEnvironment, "en-IN", false);
	}

	/**
	 * A browser whose language is {@code language} ("hi", "bn-IN"): its interface ({@code --lang}) and the languages
	 * it asks pages for (Accept-Language and {@code navigator.languages}, which Tasklist reads).
	 */
	public static ChromeDriver start(Map<String, String> driverEnvironment, String language) {
		return start(driverEnvironment, language, true);
	}

	private static ChromeDriver start(Map<String, String> driverEnvironment, String language, boolean acceptLanguage) {
		File chromium = new File("/usr/bin/chromium");
		File chromedriver = new File("/usr/bin/chromedriver");
		assertThat(chromium).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").exists();
		assertThat(chromedriver).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--lang=" + language);
		if (acceptLanguage) {
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.withEnvironment(driverEnvironment)
			.build();
		return new ChromeDriver(service, options);
	}

	/** What the browser shows, for a person to look at, in target/screenshots. */
	public static void screenshot(WebDriver browser, String name) throws Exception {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Signs {@code officer} (whose password is the user name, as the demo officers') in to Tasklist at
	 * {@code tasklistUrl}. Cookies are deleted for the page's path: an earlier test's Tasklist session lives under
	 * /camunda. Tasklist used to stay at its loading spinner in about two of five whole-suite runs: Camunda's script
	 * nonce raced between requests and the browser refused every script (the console showed it; WebappNonces mends
	 * it, WebappNoncesTest holds it). A fresh load is still tried before the test gives up, when the login form or,
	 * after signing in, the filters do not show (once seen, 2026-12-02, cause not known), and what the browser showed
	 * is kept, with its console (failed requests, script errors) in the test's output.
	 */
	public static void signInToTasklist(WebDriver browser, String tasklistUrl, String officer) {
		for (int attempt = 1;; attempt++) {
			browser.get(tasklistUrl);
			browser.manage().deleteAllCookies();
			browser.get(tasklistUrl);
			String step = "no login form";
			try {
				new WebDriverWait(browser, Duration.ofSeconds(attempt < 3 ? 30 : 60))
					.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
				browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(officer);
				browser.findElement(By.cssSelector("input[type='password']")).sendKeys(officer);
				browser.findElement(By.cssSelector("button[type='submit']")).click();
				step = "no filters after signing in";
				// The filter's name begins with its English name whatever the state language beside it.
				new WebDriverWait(browser, Duration.ofSeconds(attempt < 3 ? 20 : 60))
					.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group's tasks"));
				return;
			}
			catch (TimeoutException ex) {
				try {
					screenshot(browser, "tasklist-sign-in-timeout-" + officer + "-" + attempt);
				}
				catch (Exception notTaken) {
					ex.addSuppressed(notTaken);
				}
				String seen = "Tasklist showed " + step + " at " + browser.getCurrentUrl() + " with cookies "
						+ browser.manage().getCookies() + "; page text: " + browser.findElement(By.tagName("body")).getText()
						+ "; console: " + browser.manage().logs().get(LogType.BROWSER).getAll();
				if (attempt == 3) {
					throw new AssertionError(seen, ex);
				}
				System.out.println("Attempt " + attempt + " to sign in to Tasklist: " + seen);
			}
		}
	}

}
