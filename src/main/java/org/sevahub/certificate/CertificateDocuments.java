package org.sevahub.certificate;

import java.util.Optional;

import org.sevahub.application.IssuedDocuments;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.stereotype.Component;

/** The certificate registry as portals see it. */
@Component
class CertificateDocuments implements IssuedDocuments {

	private final CertificateRepository certificates;

	private final ServerBaseUrl baseUrl;

	CertificateDocuments(CertificateRepository certificates, ServerBaseUrl baseUrl) {
		this.certificates = certificates;
		this.baseUrl = baseUrl;
	}

	@Override
	public Optional<IssuedDocument> forApplication(long applicationId) {
		return certificates.findForApplication(applicationId)
			.map(c -> new IssuedDocument(c.certificateNo(), baseUrl.publicUrl() + "/verify/" + c.certificateNo(),
					baseUrl.publicUrl() + "/certificates/" + c.certificateNo() + ".pdf", c.issuedAt(), c.validUntil(),
					c.status() == CertificateStatus.REVOKED, false));
	}

	@Override
	public Optional<byte[]> pdf(String documentNo) {
		return certificates.pdf(documentNo);
	}

}
