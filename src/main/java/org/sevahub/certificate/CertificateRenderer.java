package org.sevahub.certificate;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.document.DocumentService.ReliedDocument;

/** Lays out a certificate from its template: heading in English and the state's language, fields, QR code. */
final class CertificateRenderer {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private CertificateRenderer() {
	}

	static byte[] render(Certificate c, ServiceDefinition service, CertificateTemplate template,
			Map<String, String> fields, List<ReliedDocument> documents, String applicationNo, String verifyUrl,
			ZoneId zone) {
		String english = CertificateService.title(template, "en", service);
		try (PdfComposer pdf = new PdfComposer(english + " " + c.certificateNo())) {
			pdf.paragraph(service.departmentNames().getOrDefault("en", service.department()), 12);
			String localDepartment = service.departmentNames().get(service.stateLanguage());
			if (localDepartment != null) {
				pdf.paragraph(localDepartment, 12);
			}
			pdf.imageRight(QrCodes.png(verifyUrl, 300), 96);
			pdf.heading(english, 20);
			String local = template.title().get(service.stateLanguage());
			if (local != null && !local.equals(english)) {
				pdf.heading(local, 18);
			}
			if (template.statement() != null) {
				pdf.wrapped(template.statement(), 10, 85);
			}
			pdf.gap(8).field("Certificate No.", c.certificateNo()).field("Application No.", applicationNo);
			fields.forEach(pdf::field);
			pdf.field("Date of issue", DATE.format(c.issuedAt().atZone(zone)))
				.field("Valid until", c.validUntil() == null ? "For life" : DATE.format(c.validUntil()));
			if (!documents.isEmpty()) {
				// Which files the decision stood on, by their digest: the application's record has the same.
				pdf.gap(6).paragraph("Issued on the strength of these documents:", 9);
				for (ReliedDocument d : documents) {
					pdf.wrapped(d.name() + ": " + d.fileName() + ", SHA-256 " + d.sha256(), 8, 110);
				}
			}
			pdf.gap(14)
				.paragraph("Digitally signed by " + service.departmentNames().getOrDefault("en", service.department())
						+ ". Check it at " + verifyUrl, 9);
			return pdf.toBytes();
		}
	}

}
