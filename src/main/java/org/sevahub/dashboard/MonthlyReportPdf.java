package org.sevahub.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.sevahub.certificate.PdfComposer;

/**
 * The monthly Right to Services report: for the month, per notified service and per office, applications received,
 * disposed of within and beyond the stipulated time, pending within and beyond it at the month's end, the days taken
 * and the appeals filed and allowed.
 */
final class MonthlyReportPdf {

	private MonthlyReportPdf() {
	}

	/**
	 * In the reader's language, with the dashboard page's words for the same figures; PdfComposer sets Bengali and
	 * Devanagari in the shipped Noto fonts, as it does certificates.
	 */
	static byte[] render(YearMonth month, DashboardController.Report byService, DashboardController.Report byOffice,
			DashboardController.Labels labels) {
		String title = labels.text("dashboard.report.title");
		String monthName = DateTimeFormatter.ofPattern("MMMM yyyy", labels.locale()).format(month);
		try (PdfComposer pdf = new PdfComposer(title + ", " + month)) {
			pdf.heading(title, 16)
				.field(labels.text("dashboard.report.month"), monthName)
				.field(labels.text("dashboard.scope"), byService.scope() == null ? labels.text("dashboard.scope.all")
						: String.join(", ",
								byService.scope().stream().map(code -> labels.name(RtsFigures.By.OFFICE, code)).toList()))
				.gap(4)
				.paragraph(labels.text("dashboard.asof", labels.dateTime(byService.asOf())), 10)
				.gap(8);
			section(pdf, byService, labels);
			section(pdf, byOffice, labels);
			pdf.gap(6).wrapped(labels.text("dashboard.report.note"), 8, 120);
			return pdf.toBytes();
		}
	}

	private static void section(PdfComposer pdf, DashboardController.Report report, DashboardController.Labels labels) {
		pdf.heading(labels.text(labels.byKey(report.by())), 12);
		for (RtsFigures.Row row : DashboardController.rowsWithTotal(report)) {
			List<Object> values = List.of(row.received(), row.disposedInTime(), row.disposedLate(), row.pendingInTime(),
					row.pendingBeyond(), or(labels.days(row.averageDays())), or(labels.days(row.p90Days())),
					row.appealsFiled(), row.appealsAllowed());
			List<String> figures = new ArrayList<>();
			for (int i = 0; i < DashboardController.FIGURES.size(); i++) {
				figures.add(labels.text(DashboardController.FIGURES.get(i)) + " " + values.get(i));
			}
			// Broken between figures, never inside one: "… 0.0; 90" with "वे शतमक (दिवस) 0.0" below read as a value.
			pdf.paragraph(labels.row(report.by(), row), 10).pieces(figures, ";", 9);
		}
		pdf.gap(6);
	}

	private static String or(String days) {
		return days.isEmpty() ? "-" : days;
	}

}
