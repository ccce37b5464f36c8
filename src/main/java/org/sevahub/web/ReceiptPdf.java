package org.sevahub.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.sevahub.application.Applicant;
import org.sevahub.certificate.PdfComposer;

/** The acknowledgement receipt a citizen prints: application number, service, dates, in their script too. */
final class ReceiptPdf {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private ReceiptPdf() {
	}

	static byte[] render(ApplicationView view, Applicant applicant, ZoneId zone) {
		try (PdfComposer pdf = new PdfComposer("Acknowledgement " + view.applicationNo())) {
			pdf.heading("Acknowledgement of application", 18)
				.heading(view.serviceName() + " / " + view.serviceNameLocal(), 14)
				.gap(6)
				.field("Application No.", view.applicationNo())
				.field("Applicant", applicant.nameEn())
				.field("Applicant (own script)", applicant.nameLocal())
				.field("Status", view.status())
				.field("Submitted on", view.submittedAt() == null ? "Not yet submitted" : WHEN.format(view.submittedAt().atZone(zone)))
				.field("To be decided by", view.slaDueAt() == null ? "-" : DAY.format(view.slaDueAt().atZone(zone)))
				.field("Fee", view.fee().signum() == 0 ? "None" : "Rs " + view.fee().toPlainString())
				.gap(14)
				.paragraph("Keep this number to track your application at /applications/" + view.applicationNo() + ".", 10)
				.paragraph("Under the Right to Services Act you may appeal if it is not decided by the date above.", 10);
			return pdf.toBytes();
		}
	}

}
