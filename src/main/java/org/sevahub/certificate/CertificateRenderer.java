package org.sevahub.certificate;

import java.util.List;
import java.util.Locale;

import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.document.DocumentService.ReliedDocument;
import org.sevahub.language.Words;

/**
 * Lays out a certificate from its template in the state's language and English: department, title and statement
 * in both, each field labelled in both, choices and dates in both (स्त्री / Female, 20 नवंबर 2026 /
 * 20 November 2026), the holder's name in both scripts where the citizen gave it; a QR code to /verify.
 */
final class CertificateRenderer {

	private CertificateRenderer() {
	}

	/** One field of the certificate with the citizen's answer (masked where the template says so). */
	record Line(CertificateTemplate.Field field, String value) {
	}

	/** What a certificate is laid out from besides its data: the form (for its choices) and the languages. */
	record Layout(FormDefinition form, Locale state, Words words) {

		boolean bilingual() {
			return !"en".equals(state.getLanguage());
		}

	}

	static byte[] render(Certificate c, ServiceDefinition service, CertificateTemplate template, List<Line> lines,
			List<ReliedDocument> documents, String applicationNo, String verifyUrl, Layout layout) {
		String state = layout.state().getLanguage();
		Words words = layout.words();
		String english = CertificateService.title(template, "en", service);
		try (PdfComposer pdf = new PdfComposer(english + " " + c.certificateNo())) {
			String localDepartment = service.departmentNames().get(state);
			if (layout.bilingual() && localDepartment != null) {
				pdf.paragraph(localDepartment, 12);
			}
			pdf.paragraph(service.departmentNames().getOrDefault("en", service.department()), 12);
			pdf.qrRight(verifyUrl, 96);
			String local = template.title().get(state);
			if (layout.bilingual() && local != null && !local.equals(english)) {
				pdf.heading(local, 18);
			}
			pdf.heading(english, layout.bilingual() ? 16 : 20);
			if (template.statement() != null) {
				if (layout.bilingual() && !template.statement(state).equals(template.statement())) {
					pdf.wrapped(template.statement(state), 10, 85);
					pdf.gap(4);
				}
				pdf.wrapped(template.statement(), 9, 95);
			}
			pdf.gap(8)
				.field(label("certificate.pdf.number", layout), words.text("certificate.pdf.number", Locale.ENGLISH),
						c.certificateNo())
				.field(label("certificate.pdf.application-no", layout),
						words.text("certificate.pdf.application-no", Locale.ENGLISH), applicationNo);
			for (Line line : lines) {
				pdf.field(layout.bilingual() ? line.field().label(state) : null, line.field().label(),
						value(line, layout));
			}
			pdf.field(label("certificate.pdf.issued-on", layout), words.text("certificate.pdf.issued-on", Locale.ENGLISH),
					both(words.date(c.issuedAt(), layout.state()), words.date(c.issuedAt(), Locale.ENGLISH)))
				.field(label("certificate.pdf.valid-until", layout),
						words.text("certificate.pdf.valid-until", Locale.ENGLISH),
						c.validUntil() == null
								? both(words.text("certificate.for-life", layout.state()),
										words.text("certificate.for-life", Locale.ENGLISH))
								: both(words.day(c.validUntil(), layout.state()), words.day(c.validUntil(), Locale.ENGLISH)));
			if (!documents.isEmpty()) {
				// Which files the decision stood on, by their digest: the application's record has the same. Named
				// in both languages like the fields; the file name and digest are the citizen's and the machine's.
				pdf.gap(6);
				if (layout.bilingual()) {
					pdf.paragraph(words.text("certificate.pdf.documents", layout.state()), 9);
				}
				pdf.paragraph(words.text("certificate.pdf.documents", Locale.ENGLISH), layout.bilingual() ? 8 : 9);
				for (ReliedDocument d : documents) {
					if (layout.bilingual() && !d.name(state).equals(d.name())) {
						pdf.wrapped(d.name(state), 8, 100);
					}
					pdf.wrapped(d.name() + ": " + d.fileName() + ", SHA-256 " + d.sha256(), 8, 110);
				}
			}
			String department = service.departmentNames().getOrDefault("en", service.department());
			pdf.gap(14);
			if (layout.bilingual()) {
				pdf.wrapped(words.text("certificate.pdf.signed", layout.state(),
						localDepartment != null ? localDepartment : department, verifyUrl), 9, 100);
			}
			pdf.wrapped(words.text("certificate.pdf.signed", Locale.ENGLISH, department, verifyUrl), 9, 100);
			return pdf.toBytes();
		}
	}

	private static String label(String key, Layout layout) {
		return layout.bilingual() ? layout.words().text(key, layout.state()) : null;
	}

	/** A choice or a date in the state's language and English; a name or an address as the citizen wrote it. */
	private static String value(Line line, Layout layout) {
		String key = line.field().key();
		String english = layout.words().value(layout.form(), key, line.value(), Locale.ENGLISH);
		if (!layout.bilingual()) {
			return english;
		}
		return both(layout.words().value(layout.form(), key, line.value(), layout.state()), english);
	}

	private static String both(String local, String english) {
		return local == null || local.equals(english) ? english : local + " / " + english;
	}

}
