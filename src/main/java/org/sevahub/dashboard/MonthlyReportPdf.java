package org.sevahub.dashboard;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.sevahub.certificate.PdfComposer;

/**
 * The monthly Right to Services report: for the month, per notified service and per office, applications received,
 * disposed of within and beyond the stipulated time, pending within and beyond it at the month's end, the days taken
 * and the appeals filed and allowed.
 */
final class MonthlyReportPdf {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	private MonthlyReportPdf() {
	}

	static byte[] render(YearMonth month, DashboardController.Report byService, DashboardController.Report byOffice,
			DashboardController.Labels labels, ZoneId zone) {
		try (PdfComposer pdf = new PdfComposer("Right to Services report " + month)) {
			pdf.heading("Right to Services: monthly report", 16)
				.field("Month", month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
						+ " " + month.getYear())
				.field("Offices", byService.scope() == null ? "All offices" : String.join(", ", byService.scope()))
				.field("Pending counted at", WHEN.format(byService.asOf().atZone(zone)))
				.gap(8);
			section(pdf, "By service", byService, labels);
			section(pdf, "By office", byOffice, labels);
			pdf.gap(6)
				.wrapped("Disposed within time: decided (approved or rejected) by the statutory due date, which a "
						+ "clarification sought from the citizen moves on. Days are counted from submission to the decision.",
						8, 120);
			return pdf.toBytes();
		}
	}

	private static void section(PdfComposer pdf, String title, DashboardController.Report report,
			DashboardController.Labels labels) {
		pdf.heading(title, 12);
		for (RtsFigures.Row row : DashboardController.rowsWithTotal(report)) {
			String name = row.key().equals("Total") ? "Total" : labels.name(report.by(), row.key());
			pdf.paragraph(name, 10)
				.wrapped("received " + row.received() + "; disposed within time " + row.disposedInTime() + ", late "
						+ row.disposedLate() + "; pending within time " + row.pendingInTime() + ", beyond time "
						+ row.pendingBeyond() + "; days to dispose: average " + or(labels.days(row.averageDays()))
						+ ", 90th percentile " + or(labels.days(row.p90Days())) + "; appeals filed " + row.appealsFiled()
						+ ", allowed " + row.appealsAllowed(), 9, 120);
		}
		pdf.gap(6);
	}

	private static String or(String days) {
		return days.isEmpty() ? "-" : days;
	}

}
