package org.sevahub.certificate;

import java.util.List;
import java.util.Optional;

import org.sevahub.application.AadhaarVault;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.stereotype.Component;

/** The certificate registry as portals see it. */
@Component
class CertificateDocuments implements IssuedDocuments {

	private final CertificateRepository certificates;

	private final ServerBaseUrl baseUrl;

	private final CitizenAccess access;

	private final AadhaarVault aadhaar;

	CertificateDocuments(CertificateRepository certificates, ServerBaseUrl baseUrl, CitizenAccess access,
			AadhaarVault aadhaar) {
		this.certificates = certificates;
		this.baseUrl = baseUrl;
		this.access = access;
		this.aadhaar = aadhaar;
	}

	@Override
	public Optional<IssuedDocument> forApplication(long applicationId) {
		return certificates.findForApplication(applicationId).map(this::document);
	}

	@Override
	public Optional<IssuedDocument> find(String documentNo) {
		return certificates.findByNo(documentNo).map(this::document);
	}

	@Override
	public List<IssuedDocument> forAadhaar(String aadhaarNumber) {
		return certificates.forAadhaarHash(aadhaar.hash(aadhaarNumber)).stream().map(this::document).toList();
	}

	@Override
	public Optional<byte[]> pdf(String documentNo) {
		return certificates.pdf(documentNo);
	}

	@Override
	public Optional<String> xml(String documentNo) {
		return certificates.xml(documentNo);
	}

	/** The PDF's link carries a MAC of the number: whoever got it from SevaHub may fetch it, nobody can guess it. */
	String downloadUrl(String certificateNo) {
		return baseUrl.publicUrl() + "/certificates/" + certificateNo + ".pdf?key=" + access.sign("certificate", certificateNo);
	}

	private IssuedDocument document(Certificate c) {
		return new IssuedDocument(c.certificateNo(), c.applicationId(), c.serviceCode(), c.docType(), c.holderName(), c.holderNameLocal(),
				c.holderDob(), baseUrl.publicUrl() + "/verify/" + c.certificateNo(), downloadUrl(c.certificateNo()),
				c.issuedAt(), c.validUntil(), c.status() == CertificateStatus.REVOKED, c.signed());
	}

}
