package org.sevahub.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.sevahub.application.EngineClock;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.language.Words;
import org.sevahub.office.OfficeDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Right to Services dashboard, for administrators and appellate officers (SecurityConfiguration's admin chain),
 * each seeing the offices in their scope: the figures for any period per service, office or post, as a table and a
 * chart (Chart.js from its webjar), as CSV, and the month's report as a PDF.
 */
@Controller
public class DashboardController {

	/** A row's figures, by the table's heading for each, in the order the page, the CSV and the monthly PDF give them. */
	static final List<String> FIGURES = List.of("dashboard.received", "dashboard.disposed.intime",
			"dashboard.disposed.late", "dashboard.pending.intime", "dashboard.pending.beyond", "dashboard.days.average",
			"dashboard.days.p90", "dashboard.appeals.filed", "dashboard.appeals.allowed");

	private final RtsFigures figures;

	private final DashboardScope scopes;

	private final ServiceCatalog catalog;

	private final OfficeDirectory offices;

	private final ZoneId zone;

	private final org.springframework.context.MessageSource messages;

	private final Words words;

	DashboardController(RtsFigures figures, DashboardScope scopes, ServiceCatalog catalog, OfficeDirectory offices,
			@Value("${sevahub.time-zone}") ZoneId zone, org.springframework.context.MessageSource messages, Words words) {
		this.words = words;
		this.messages = messages;
		this.figures = figures;
		this.scopes = scopes;
		this.catalog = catalog;
		this.offices = offices;
		this.zone = zone;
	}

	/** A period of whole days in the state's time zone, {@code to} included. */
	public record Period(LocalDate from, LocalDate to) {
	}

	public record Report(Period period, RtsFigures.By by, List<RtsFigures.Row> rows, RtsFigures.Row total,
			Set<String> scope, Instant asOf) {
	}

	@GetMapping("/admin/dashboard")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "service") String by, Principal user, Model model, Locale locale) {
		Report report = report(from, to, by, user);
		model.addAttribute("report", report);
		Labels labels = new Labels(locale);
		model.addAttribute("label", labels);
		model.addAttribute("scopeNames", report.scope() == null ? null
				: report.scope().stream().map(code -> labels.name(RtsFigures.By.OFFICE, code)).toList());
		model.addAttribute("chartLabels", report.rows().stream().map(r -> labels.name(report.by(), r.key())).toList());
		model.addAttribute("chartNames", Stream
			.of("dashboard.disposed.intime", "dashboard.disposed.late", "dashboard.pending.intime", "dashboard.pending.beyond")
			.map(key -> messages.getMessage(key, null, locale))
			.toList());
		model.addAttribute("chartSeries", List.of(report.rows().stream().map(RtsFigures.Row::disposedInTime).toList(),
				report.rows().stream().map(RtsFigures.Row::disposedLate).toList(),
				report.rows().stream().map(RtsFigures.Row::pendingInTime).toList(),
				report.rows().stream().map(RtsFigures.Row::pendingBeyond).toList()));
		model.addAttribute("user", user.getName());
		return "admin/dashboard";
	}

	/**
	 * The page's table as CSV, in the page's language: the headers are the table's own, the names the rows' (the
	 * row's code beside them, for a machine). A byte order mark first: Excel reads a CSV without one in the
	 * Windows code page, and Bengali or Devanagari names come out garbled.
	 */
	@GetMapping(value = "/admin/dashboard/figures.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "service") String by, Principal user, Locale locale) {
		Report report = report(from, to, by, user);
		Labels labels = new Labels(locale);
		String cut = labels.text(labels.byKey(report.by()));
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", Stream
			.concat(Stream.of("dashboard.from", "dashboard.to", "dashboard.by", "dashboard.csv.code",
					labels.byKey(report.by())), FIGURES.stream())
			.map(key -> cell(labels.text(key)))
			.toList())).append("\r\n");
		for (RtsFigures.Row row : rowsWithTotal(report)) {
			csv.append(String.join(",", report.period().from().toString(), report.period().to().toString(), cell(cut),
					cell(row.key()), cell(labels.row(report.by(), row)),
					String.valueOf(row.received()), String.valueOf(row.disposedInTime()),
					String.valueOf(row.disposedLate()), String.valueOf(row.pendingInTime()),
					String.valueOf(row.pendingBeyond()), days(row.averageDays()), days(row.p90Days()),
					String.valueOf(row.appealsFiled()), String.valueOf(row.appealsAllowed())))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("rts-" + report.period().from() + "-" + report.period().to() + ".csv")
				.build()
				.toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The month's report the Right to Services acts ask of a department, per service and per office. */
	@GetMapping("/admin/dashboard/report.pdf")
	ResponseEntity<byte[]> monthly(@RequestParam(required = false) String month, Principal user, Locale locale) {
		YearMonth ym;
		try {
			ym = month == null || month.isBlank() ? YearMonth.from(EngineClock.now().atZone(zone)).minusMonths(1)
					: YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new BadPeriodException("dashboard.bad.month");
		}
		String from = ym.atDay(1).toString();
		String to = ym.atEndOfMonth().toString();
		Report byService = report(from, to, "service", user);
		Report byOffice = report(from, to, "office", user);
		byte[] pdf = MonthlyReportPdf.render(ym, byService, byOffice, new Labels(locale));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("rts-report-" + ym + ".pdf").build().toString())
			.body(pdf);
	}

	/** The dashboard's own page, in the reader's language, with the way back to it; for its CSV and PDF too. */
	@ExceptionHandler(BadPeriodException.class)
	ModelAndView badPeriod(BadPeriodException bad, Locale locale) {
		ModelAndView page = new ModelAndView("admin/dashboard-problem", HttpStatus.BAD_REQUEST);
		Object[] arguments = java.util.Arrays.stream(bad.arguments)
			.map(argument -> argument instanceof LocalDate day ? words.day(day, locale) : argument)
			.toArray();
		page.addObject("message", messages.getMessage(bad.key, arguments, locale));
		return page;
	}

	Report report(String from, String to, String by, Principal user) {
		RtsFigures.By cut;
		try {
			cut = RtsFigures.By.valueOf(by.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadPeriodException("dashboard.bad.by");
		}
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		LocalDate first;
		LocalDate last;
		try {
			first = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from);
			last = to == null || to.isBlank() ? today : LocalDate.parse(to);
		}
		catch (DateTimeParseException ex) {
			throw new BadPeriodException("dashboard.bad.dates");
		}
		if (last.isBefore(first)) {
			throw new BadPeriodException("dashboard.bad.order", last, first);
		}
		Set<String> scope = scopes.of(user.getName());
		if (scope != null && scope.isEmpty()) {
			throw new BadPeriodException("dashboard.bad.scope");
		}
		Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
		Instant asOf = end.isBefore(EngineClock.now()) ? end : EngineClock.now();
		RtsFigures.Figures counted = figures.figures(cut, first, last, asOf, scope);
		return new Report(new Period(first, last), cut, counted.rows(), counted.total(), scope, asOf);
	}

	static List<RtsFigures.Row> rowsWithTotal(Report report) {
		List<RtsFigures.Row> all = new java.util.ArrayList<>(report.rows());
		all.add(report.total());
		return all;
	}

	private static String days(Double days) {
		return days == null ? "" : String.format(Locale.ROOT, "%.1f", days);
	}

	private static String cell(String text) {
		return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	/**
	 * Names for a row's key in a language: the service's and the office's own names, the post's in words; and the
	 * table's texts, for the CSV and the PDF to say what the page says.
	 */
	public final class Labels {

		private final Locale locale;

		Labels(Locale locale) {
			this.locale = locale;
		}

		public String name(RtsFigures.By by, String key) {
			String language = locale.getLanguage();
			return switch (by) {
				case SERVICE -> catalog.find(key).map(s -> s.name(language)).orElse(key);
				case OFFICE -> offices.find(key).map(o -> o.name(language) + " (" + key + ")")
					.orElseGet(() -> messages.getMessage("dashboard.office.none", null, locale));
				case POST -> messages.getMessage("dashboard.post." + key, null, key, locale);
			};
		}

		/** A row's name; the total's in words. */
		public String row(RtsFigures.By by, RtsFigures.Row row) {
			return row.key().equals("Total") ? text("dashboard.total") : name(by, row.key());
		}

		public String days(Double days) {
			return DashboardController.days(days);
		}

		/** The heading of the names' column: {@code dashboard.by.service}, as the cut is offered on the page. */
		String byKey(RtsFigures.By by) {
			return "dashboard.by." + by.name().toLowerCase(Locale.ROOT);
		}

		String text(String key, Object... arguments) {
			return messages.getMessage(key, arguments, locale);
		}

		Locale locale() {
			return locale;
		}

		String dateTime(Instant at) {
			return words.date(at, locale) + ", "
					+ DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
		}

	}

	/** A period, cut or scope the dashboard cannot show, by its {@code dashboard.bad.*} text. */
	static class BadPeriodException extends RuntimeException {

		private final String key;

		private final Object[] arguments;

		BadPeriodException(String key, Object... arguments) {
			super(key);
			this.key = key;
			this.arguments = arguments;
		}

	}

}
