package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.RevokedCertificate;
import org.sevahub.certificate.CertificateService;

import org.springframework.stereotype.Component;

/**
 * Compensation of "Issue certificate" (the citizen withdrew the application): the certificate is revoked, and /verify
 * says so at once. The record keeps its number and the citizen's reason beside the English detail.
 */
@Component("revokeCertificate")
@ProcessApi
class RevokeCertificateDelegate implements JavaDelegate {

	private final ApplicationRepository applications;

	private final CertificateService certificates;

	private final ApplicationEvents events;

	RevokeCertificateDelegate(ApplicationRepository applications, CertificateService certificates,
			ApplicationEvents events) {
		this.applications = applications;
		this.certificates = certificates;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application app = applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
		Object reason = execution.getVariable(Variables.REMARKS);
		String why = "Application cancelled" + (reason == null ? "" : ": " + reason);
		certificates.revoke(app, why)
			.ifPresent(number -> events.record(app.id(), "CERTIFICATE_REVOKED", why,
					RevokedCertificate.withdrawn(number, citizens(reason))));
	}

	/**
	 * The citizen's reason for withdrawing, as they wrote it; null for the words the withdrawal carries when they gave
	 * none (English, and no reason of theirs to quote). Compensation runs only when the citizen withdraws.
	 */
	static String citizens(Object reason) {
		return reason == null || Variables.WITHDRAWN_WITHOUT_REASON.equals(reason) ? null : reason.toString();
	}

}
