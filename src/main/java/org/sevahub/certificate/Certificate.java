package org.sevahub.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued certificate (or sanction order). The PDF is stored once and served, byte for byte, to every
 * channel that asks for it.
 *
 * @param holderName the person the certificate is about (the child for a birth certificate)
 * @param docType    DigiLocker's document type for it, if DigiLocker may pull it
 * @param validUntil null for a certificate valid for life
 */
public record Certificate(Long id, String certificateNo, long applicationId, String serviceCode, String holderName,
		String holderNameLocal, LocalDate holderDob, String docType, Instant issuedAt, LocalDate validUntil,
		CertificateStatus status, Instant revokedAt, String revokedReason, boolean signed) {

	public boolean isExpiredOn(LocalDate day) {
		return validUntil != null && day.isAfter(validUntil);
	}

}
