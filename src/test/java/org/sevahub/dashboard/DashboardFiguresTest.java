package org.sevahub.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.DailyRollup;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.language.Languages;
import org.sevahub.office.OfficeDirectory;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard's figures for March 2019 against a fixture whose figures were worked out by hand (below, beside each
 * application). Nothing else in the test database lies in 2019. Times are in India.
 */
@SevaHubTest
class DashboardFiguresTest {

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	static final String PERIOD = "from=2019-03-01&to=2019-03-31";

	/** A row's figures in the monthly report, by the table's headings. */
	static final String[] FIGURES = { "dashboard.received", "dashboard.disposed.intime", "dashboard.disposed.late",
			"dashboard.pending.intime", "dashboard.pending.beyond", "dashboard.days.average", "dashboard.days.p90",
			"dashboard.appeals.filed", "dashboard.appeals.allowed" };

	static final List<String> COLUMNS = List.of("period_from", "period_to", "by", "key", "name", "received",
			"disposed_in_time", "disposed_late", "pending_in_time", "pending_beyond_time", "average_disposal_days",
			"p90_disposal_days", "appeals_filed", "appeals_allowed");

	@Autowired
	MessageSource messages;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	OfficeDirectory offices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identity;

	@Autowired
	DailyRollup rollup;

	@BeforeEach
	void fixture() {
		clean();
		// Kolkata, Birth Certificate
		app("FX2019K1", "BIRTH-CERT", "WB-KOL", "APPROVED", at(3, 2), at(3, 5), at(3, 4)); // on time, 2 days
		app("FX2019K2", "BIRTH-CERT", "WB-KOL", "REJECTED", at(3, 3), at(3, 6), at(3, 10)); // late, 7 days
		app("FX2019K3", "BIRTH-CERT", "WB-KOL", "UNDER_VERIFICATION", at(3, 20), at(4, 10), null); // pending in time
		app("FX2019K4", "BIRTH-CERT", "WB-KOL", "FORWARDED", at(3, 5), at(3, 8), null); // pending beyond time
		app("FX2019K5", "BIRTH-CERT", "WB-KOL", "DELIVERED", at(2, 1), at(2, 4), at(2, 3)); // February: not counted
		// Kolkata, Income Certificate: withdrawn, so received but neither disposed nor pending
		app("FX2019K6", "INCOME-CERT", "WB-KOL", "CANCELLED", at(3, 6), at(3, 27), null);
		// Howrah
		long h1 = app("FX2019H1", "BIRTH-CERT", "WB-HWH", "APPROVED", at(3, 10), at(3, 13), at(3, 11)); // on time, 1 day
		history(h1, "APPEAL_FILED", "First appeal lodged", at(3, 15));
		history(h1, "APPEAL_ALLOWED", "Appeal allowed", at(3, 20));
		// submitted in February, disposed in March on time, 11 days
		app("FX2019H2", "INCOME-CERT", "WB-HWH", "APPROVED", at(2, 20), at(3, 5), at(3, 3));
		if (identity.createUserQuery().userId("appellatehwh").count() == 0) {
			User user = identity.newUser("appellatehwh");
			user.setPassword("appellatehwh");
			identity.saveUser(user);
			identity.createMembership("appellatehwh", "firstAppellate:WB-HWH");
		}
		// The fixture is written by SQL, as an upgrading installation's history is: the backfill counts it into the
		// dashboard's roll-up (RollupMatchesDirectTest checks the live path).
		rollup.rebuild();
	}

	@AfterEach
	void clean() {
		jdbc.sql("DELETE FROM status_history WHERE application_id IN (SELECT id FROM application WHERE application_no LIKE 'FX2019%')")
			.update();
		jdbc.sql("DELETE FROM application WHERE application_no LIKE 'FX2019%'").update();
		rollup.rebuild();
	}

	@Test
	void perServiceTheFiguresAreTheHandComputedOnes() {
		Map<String, Map<String, String>> rows = csv("demo", "by=service");
		assertThat(rows.get("BIRTH-CERT")).containsEntry("received", "5")
			.containsEntry("disposed_in_time", "2")
			.containsEntry("disposed_late", "1")
			.containsEntry("pending_in_time", "1")
			.containsEntry("pending_beyond_time", "1")
			.containsEntry("appeals_filed", "1")
			.containsEntry("appeals_allowed", "1");
		// Days 2, 7 and 1: average 3.33; 90th percentile (interpolated) 2 + 0.8 × (7 − 2) = 6.0.
		assertThat(Double.parseDouble(rows.get("BIRTH-CERT").get("average_disposal_days"))).isCloseTo(3.3, within(0.05));
		assertThat(Double.parseDouble(rows.get("BIRTH-CERT").get("p90_disposal_days"))).isCloseTo(6.0, within(0.05));
		assertThat(rows.get("INCOME-CERT")).containsEntry("received", "1")
			.containsEntry("disposed_in_time", "1")
			.containsEntry("disposed_late", "0")
			.containsEntry("pending_in_time", "0")
			.containsEntry("pending_beyond_time", "0")
			.containsEntry("average_disposal_days", "11.0");
		// All four disposals: days 2, 7, 1, 11: average 5.25; 90th percentile 7 + 0.7 × (11 − 7) = 9.8.
		assertThat(rows.get("Total")).containsEntry("received", "6")
			.containsEntry("disposed_in_time", "3")
			.containsEntry("disposed_late", "1")
			.containsEntry("pending_in_time", "1")
			.containsEntry("pending_beyond_time", "1")
			.containsEntry("p90_disposal_days", "9.8")
			.containsEntry("appeals_filed", "1");
	}

	@Test
	void perOfficeAndForAnAppellateOfficerOnlyTheirOffices() {
		Map<String, Map<String, String>> all = csv("demo", "by=office");
		assertThat(all.get("WB-KOL")).containsEntry("received", "5")
			.containsEntry("disposed_in_time", "1")
			.containsEntry("disposed_late", "1")
			.containsEntry("average_disposal_days", "4.5")
			.containsEntry("p90_disposal_days", "6.5");
		assertThat(all.get("WB-HWH")).containsEntry("received", "1")
			.containsEntry("disposed_in_time", "2")
			.containsEntry("average_disposal_days", "6.0")
			.containsEntry("p90_disposal_days", "10.0")
			.containsEntry("appeals_allowed", "1");

		// The state's appellate officer sees both districts; Howrah's only Howrah.
		assertThat(csv("appellate1", "by=office")).containsKeys("WB-KOL", "WB-HWH");
		Map<String, Map<String, String>> howrah = csv("appellatehwh", "by=office");
		assertThat(howrah).containsOnlyKeys("WB-HWH", "Total");
		assertThat(howrah.get("Total")).containsEntry("received", "1").containsEntry("disposed_in_time", "2");

		Map<String, Map<String, String>> posts = csv("demo", "by=post");
		assertThat(posts.get("dealingAssistant")).containsEntry("pending_in_time", "1");
		assertThat(posts.get("designatedOfficer")).containsEntry("pending_beyond_time", "1").containsEntry("disposed_late", "1");
		assertThat(posts.get("firstAppellate")).containsEntry("appeals_filed", "1");
	}

	@Test
	void onlyAdministratorsAndAppellateOfficersAndTheMonthlyReportIsAPdfOfTheSameFigures() throws Exception {
		assertThat(http.getForEntity("/admin/dashboard?" + PERIOD, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("officer", "officer").getForEntity("/admin/dashboard?" + PERIOD, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> page = http.withBasicAuth("appellate1", "appellate1")
			.getForEntity("/admin/dashboard?" + PERIOD, String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("id=\"dashboard-figures\"", "Birth Certificate", "chart.umd.js");
		// The language switcher, keeping the period asked for.
		assertThat(page.getBody()).contains("id=\"lang-bn\"").containsPattern("href=\"/admin/dashboard\\?[^\"]*lang=bn\"");
		assertThat(http.getForEntity("/webjars/chart.js/4.4.1/dist/chart.umd.js", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<String> bad = http.withBasicAuth("demo", "demo")
			.getForEntity("/admin/dashboard?from=2019-03-31&to=2019-03-01", String.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("The period ends on 1 March 2019, before it starts on 31 March 2019.");

		ResponseEntity<byte[]> pdf = http.withBasicAuth("demo", "demo")
			.getForEntity("/admin/dashboard/report.pdf?month=2019-03", byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (var document = Loader.loadPDF(pdf.getBody())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("March 2019", "Birth Certificate", "Received 5; Disposed within time 2; Disposed late 1",
					"Howrah District Office (WB-HWH)", "Appeals filed 1; Appeals allowed 1");
		}
	}

	@Test
	void inBengaliTheRowsTheTimeAndARefusedPeriodAreInBengali() {
		String services = page("by=service&lang=bn");
		assertThat(services).contains("জন্ম শংসাপত্র", "1 এপ্রিল 2019, 00:00").doesNotContain("Birth Certificate", "01-04-2019");
		assertThat(page("by=office&lang=bn")).contains("হাওড়া জেলা দপ্তর (WB-HWH)").doesNotContain("Howrah District Office");
		assertThat(page("by=post&lang=bn")).contains("মনোনীত আধিকারিক").doesNotContain("Designated officer");
		assertThat(csv("demo", "by=office&lang=bn").get("WB-HWH")).containsEntry("name", "হাওড়া জেলা দপ্তর (WB-HWH)");

		ResponseEntity<String> bad = http.withBasicAuth("demo", "demo")
			.getForEntity("/admin/dashboard?from=2019-03-31&to=2019-03-01&lang=bn", String.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getHeaders().getContentType().toString()).startsWith("text/html");
		assertThat(bad.getBody()).contains("সময়কাল 1 মার্চ 2019 তারিখে শেষ হচ্ছে, 31 মার্চ 2019 তারিখে শুরু হওয়ার আগেই।",
				"ড্যাশবোর্ডে ফিরে যান");
	}

	/**
	 * The CSV and the monthly PDF say what the page says, in its words (the bundle's, read here): headings, names,
	 * the total. The CSV starts with a byte order mark, so Excel reads it as UTF-8.
	 */
	@Test
	void inEachLanguageTheCsvAndTheMonthlyReportUseThePagesWords() throws Exception {
		for (String language : List.of("bn", "hi", "mr")) {
			Locale locale = Languages.locale(language);
			ResponseEntity<byte[]> answer = http.withBasicAuth("demo", "demo")
				.getForEntity("/admin/dashboard/figures.csv?" + PERIOD + "&by=service&lang=" + language, byte[].class);
			byte[] bytes = answer.getBody();
			assertThat(Arrays.copyOf(bytes, 3)).as("byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
			List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
			assertThat(lines.get(0).split(",")).containsExactly(Stream
				.of("dashboard.from", "dashboard.to", "dashboard.by", "dashboard.csv.code", "dashboard.by.service",
						"dashboard.received", "dashboard.disposed.intime", "dashboard.disposed.late",
						"dashboard.pending.intime", "dashboard.pending.beyond", "dashboard.days.average",
						"dashboard.days.p90", "dashboard.appeals.filed", "dashboard.appeals.allowed")
				.map(key -> messages.getMessage(key, null, locale))
				.toArray(String[]::new));
			String birth = catalog.get("BIRTH-CERT").name(language);
			assertThat(birth).as("the catalog names the service in " + language).isNotEqualTo("Birth Certificate");
			assertThat(lines).anyMatch(line -> line.startsWith("2019-03-01,2019-03-31,"
					+ messages.getMessage("dashboard.by.service", null, locale) + ",BIRTH-CERT," + birth + ",5,2,1,"));
			assertThat(lines.get(lines.size() - 1))
				.startsWith("2019-03-01,2019-03-31," + messages.getMessage("dashboard.by.service", null, locale) + ",Total,"
						+ messages.getMessage("dashboard.total", null, locale) + ",6,");

			ResponseEntity<byte[]> pdf = http.withBasicAuth("demo", "demo")
				.getForEntity("/admin/dashboard/report.pdf?month=2019-03&lang=" + language, byte[].class);
			try (var document = Loader.loadPDF(pdf.getBody())) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).as(language).contains(messages.getMessage("dashboard.report.title", null, locale),
						DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(YearMonth.of(2019, 3)), birth,
						offices.find("WB-HWH").orElseThrow().name(language) + " (WB-HWH)",
						messages.getMessage("dashboard.received", null, locale) + " 5; "
								+ messages.getMessage("dashboard.disposed.intime", null, locale) + " 2",
						messages.getMessage("dashboard.total", null, locale))
					.doesNotContain("Birth Certificate", "Received", "Howrah");
			}
		}
	}

	/**
	 * The monthly report's lines break between figures, never inside one: with the words' own widths a line ended
	 * "… निकालासाठी सरासरी दिवस 0.0; 90" and the next began "वे शतमक (दिवस) 0.0", the 90 read as a value. Every line of
	 * figures is whole figures, each its heading and its value.
	 */
	@Test
	void theMonthlyReportBreaksItsLinesBetweenFiguresNotInsideOne() throws Exception {
		for (String language : List.of("en", "bn", "hi", "mr")) {
			Locale locale = Languages.locale(language);
			String headings = Stream.of(FIGURES)
				.map(key -> java.util.regex.Pattern.quote(messages.getMessage(key, null, locale)))
				.collect(java.util.stream.Collectors.joining("|"));
			java.util.regex.Pattern figure = java.util.regex.Pattern.compile("(?:" + headings + ") \\S+");
			ResponseEntity<byte[]> pdf = http.withBasicAuth("demo", "demo")
				.getForEntity("/admin/dashboard/report.pdf?month=2019-03&lang=" + language, byte[].class);
			try (var document = Loader.loadPDF(pdf.getBody())) {
				List<String> lines = new PDFTextStripper().getText(document)
					.lines()
					.map(String::strip)
					.filter(line -> line.startsWith(messages.getMessage("dashboard.received", null, locale) + " ")
							|| line.startsWith(messages.getMessage("dashboard.days.average", null, locale) + " ")
							|| line.matches("(?s).*; .*") && !line.contains(":"))
					.toList();
				assertThat(lines).as(language).isNotEmpty();
				for (String line : lines) {
					for (String piece : line.replaceAll(";$", "").split("; ")) {
						assertThat(figure.matcher(piece).matches()).as(language + ": \"" + piece + "\" in \"" + line + "\"")
							.isTrue();
					}
				}
				for (String key : FIGURES) {
					String heading = messages.getMessage(key, null, locale);
					assertThat(lines).as(language + ": " + heading + " and its value on one line")
						.anyMatch(line -> line.contains(heading + " "));
				}
			}
		}
	}

	/**
	 * On a phone the table reads row by row (stack-table), each figure beside its heading: its ten columns of
	 * Bengali headings broke a letter a line at 360 px.
	 */
	@Test
	void onAPhoneEachFigureSaysWhichItIs() {
		for (String by : List.of("service", "office")) {
			org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page("by=" + by + "&lang=bn"));
			org.jsoup.nodes.Element table = page.getElementById("dashboard-figures");
			assertThat(table.hasClass("stack-table")).isTrue();
			List<String> headings = table.select("thead th").eachText();
			assertThat(headings).hasSize(10).first().isEqualTo(messages.getMessage("dashboard.by." + by, null, Languages.locale("bn")));
			for (org.jsoup.nodes.Element row : table.select("tbody tr, tfoot tr")) {
				assertThat(row.children().eachAttr("data-label")).as(row.text()).isEqualTo(headings);
			}
		}
	}

	private String page(String query) {
		ResponseEntity<String> answer = http.withBasicAuth("demo", "demo")
			.getForEntity("/admin/dashboard?" + PERIOD + "&" + query, String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private Map<String, Map<String, String>> csv(String user, String by) {
		ResponseEntity<String> answer = http.withBasicAuth(user, user)
			.getForEntity("/admin/dashboard/figures.csv?" + PERIOD + "&" + by, String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		List<String> lines = answer.getBody().lines().toList();
		// The columns by their order: the headers are in the reader's language.
		List<String> header = COLUMNS;
		Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), cells[i]);
			}
			rows.put(row.get("key"), row);
		}
		return rows;
	}

	private static OffsetDateTime at(int month, int day) {
		return LocalDateTime.of(2019, month, day, 10, 0).atZone(IST).toOffsetDateTime();
	}

	private long app(String no, String service, String office, String status, OffsetDateTime submitted,
			OffsetDateTime due, OffsetDateTime disposed) {
		long applicant = jdbc.sql("INSERT INTO applicant (name_en) VALUES ('Fixture') RETURNING id").query(Long.class).single();
		return jdbc.sql("""
				INSERT INTO application (application_no, service_code, applicant_id, channel, status, form_data,
				    locked_fields, created_at, updated_at, submitted_at, sla_due_at, disposed_at, office_code)
				VALUES (:no, :service, :applicant, 'direct', :status, '{}', '[]', :submitted, :submitted, :submitted,
				    :due, :disposed, :office) RETURNING id""")
			.param("no", no)
			.param("service", service)
			.param("applicant", applicant)
			.param("status", status)
			.param("submitted", submitted)
			.param("due", due)
			.param("disposed", disposed, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("office", office)
			.query(Long.class)
			.single();
	}

	private void history(long applicationId, String status, String stage, OffsetDateTime at) {
		jdbc.sql("INSERT INTO status_history (application_id, status, stage, occurred_at) VALUES (:id, :status, :stage, :at)")
			.param("id", applicationId)
			.param("status", status)
			.param("stage", stage)
			.param("at", at)
			.update();
	}

}
