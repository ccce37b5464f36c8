package org.sevahub.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What portals may learn of the document an application ended in (certificate, sanction order) without
 * depending on how it is made: connectors report its number, link and validity to their portals (ISP's S112,
 * BSK's API-4, Aaple Sarkar's signature flag) and hand out its bytes; DigiLocker finds it by number or by its
 * holder's Aadhaar.
 */
public interface IssuedDocuments {

	Optional<IssuedDocument> forApplication(long applicationId);

	Optional<IssuedDocument> find(String documentNo);

	/** Documents of the person with this Aadhaar number, newest first (only SevaHub's keyed hash is compared). */
	List<IssuedDocument> forAadhaar(String aadhaarNumber);

	/** The stored PDF, the same bytes for every channel. */
	Optional<byte[]> pdf(String documentNo);

	/** The machine-readable XML of the document. */
	Optional<String> xml(String documentNo);

	/**
	 * @param applicationId the application the document ended
	 * @param url         where anyone holding the document can check it (the QR code's target)
	 * @param downloadUrl the PDF, by a link that cannot be guessed
	 * @param holderName  the person the document is about, in English; {@code holderNameLocal} in their script
	 * @param docType     DigiLocker's document type, if DigiLocker may pull it
	 * @param validUntil  null for a document valid for life
	 * @param signed      whether the PDF carries the department's digital signature
	 */
	record IssuedDocument(String number, long applicationId, String serviceCode, String docType, String holderName, String holderNameLocal,
			LocalDate holderDob, String url, String downloadUrl, Instant issuedAt, LocalDate validUntil, boolean revoked,
			boolean signed) {
	}

}
