package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.SmsGateway;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.certificate.CertificateRepository;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.stereotype.Component;

/**
 * "Deliver to the citizen": tells the citizen by SMS that the certificate is ready and where to get it. The
 * portals hear of the delivery through the DELIVERED status that follows.
 */
@Component("deliverService")
@ProcessApi(callsOutside = true)
class DeliverServiceDelegate implements JavaDelegate {

	private final ApplicationRepository applications;

	private final CertificateRepository certificates;

	private final ServiceCatalog catalog;

	private final SmsGateway sms;

	private final ServerBaseUrl baseUrl;

	DeliverServiceDelegate(ApplicationRepository applications, CertificateRepository certificates,
			ServiceCatalog catalog, SmsGateway sms, ServerBaseUrl baseUrl) {
		this.applications = applications;
		this.certificates = certificates;
		this.catalog = catalog;
		this.sms = sms;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application app = applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
		Applicant applicant = applications.applicantOf(app);
		if (applicant.mobile() == null) {
			return;
		}
		String certificate = certificates.findForApplication(app.id())
			.map(c -> " Certificate " + c.certificateNo() + ": " + baseUrl.publicUrl() + "/verify/" + c.certificateNo())
			.orElse("");
		sms.send(applicant.mobile(), "SevaHub: your application " + app.applicationNo() + " for "
				+ catalog.get(app.serviceCode()).nameEn() + " is delivered." + certificate);
	}

}
