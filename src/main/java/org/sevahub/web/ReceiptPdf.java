package org.sevahub.web;

import java.util.Locale;

import org.sevahub.application.Applicant;
import org.sevahub.certificate.PdfComposer;
import org.sevahub.language.Words;

/**
 * The acknowledgement receipt a citizen prints, in their language: application number, service, dates in words,
 * the applicant's name in both scripts.
 */
final class ReceiptPdf {

	private ReceiptPdf() {
	}

	/** @param serviceName the service in the reader's language */
	static byte[] render(ApplicationView view, Applicant applicant, String serviceName, Words words, Locale locale) {
		try (PdfComposer pdf = new PdfComposer(words.text("receipt.title", locale) + " " + view.applicationNo())) {
			pdf.heading(words.text("receipt.title", locale), 18)
				.heading(serviceName.equals(view.serviceName()) ? serviceName : serviceName + " / " + view.serviceName(), 14)
				.gap(6)
				.field(words.text("receipt.application-no", locale), view.applicationNo())
				.field(words.text("receipt.applicant", locale), applicant.nameEn())
				.field(words.text("receipt.applicant-local", locale), applicant.nameLocal())
				.field(words.text("receipt.status", locale), words.status(view.status(), locale))
				.field(words.text("receipt.submitted", locale), view.submittedAt() == null
						? words.text("receipt.not-submitted", locale) : words.date(view.submittedAt(), locale))
				.field(words.text("receipt.decide-by", locale),
						view.slaDueAt() == null ? "-" : words.date(view.slaDueAt(), locale))
				.field(words.text("receipt.fee", locale), view.fee().signum() == 0 ? words.text("receipt.no-fee", locale)
						: words.text("label.rupees", locale, view.fee().toPlainString()))
				.gap(14)
				.paragraph(words.text("receipt.keep", locale, "/applications/" + view.applicationNo()), 10)
				.wrapped(words.text("receipt.appeal", locale), 10, 90);
			return pdf.toBytes();
		}
	}

}
