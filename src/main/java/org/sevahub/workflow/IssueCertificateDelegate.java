package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.certificate.Certificate;
import org.sevahub.certificate.CertificateService;

import org.springframework.stereotype.Component;

/** "Issue certificate": numbers, renders and stores the certificate; safe to retry. */
@Component("issueCertificate")
@ProcessApi
class IssueCertificateDelegate implements JavaDelegate {

	static final String CERTIFICATE_NO = "certificateNo";

	private final ApplicationRepository applications;

	private final CertificateService certificates;

	IssueCertificateDelegate(ApplicationRepository applications, CertificateService certificates) {
		this.applications = applications;
		this.certificates = certificates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = certificates
			.issue(applications.findByNo(execution.getProcessBusinessKey()).orElseThrow());
		execution.setVariable(CERTIFICATE_NO, certificate.certificateNo());
	}

}
