package org.sevahub.certificate;

import java.util.Locale;

import org.sevahub.application.Application;

/**
 * An application's certificate laid out again in another state's language, unsigned and not stored: the
 * screenshots show one certificate in Bengali, Marathi and Hindi, as three installations would issue it.
 */
public final class CertificateSpecimens {

	private CertificateSpecimens() {
	}

	public static byte[] pdf(CertificateService certificates, CertificateRepository repository, Application app,
			Locale stateLanguage) {
		Certificate issued = repository.findForApplication(app.id()).orElseThrow();
		CertificateService.Draft draft = certificates.draft(app, issued.certificateNo());
		return certificates.render(draft.in(stateLanguage));
	}

}
