package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.certificate.CertificateService;

import org.springframework.stereotype.Component;

/** Compensation of "Issue certificate": the certificate is revoked, and /verify says so at once. */
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
		if (certificates.revoke(app, why)) {
			events.record(app.id(), "CERTIFICATE_REVOKED", why);
		}
	}

}
