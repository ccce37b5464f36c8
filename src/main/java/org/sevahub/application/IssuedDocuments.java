package org.sevahub.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What portals may learn of the document an application ended in (certificate, sanction order) without
 * depending on how it is made: connectors report its number, link and validity to their portals (ISP's S112,
 * BSK's API-4, Aaple Sarkar's signature flag) and hand out its bytes.
 */
public interface IssuedDocuments {

	Optional<IssuedDocument> forApplication(long applicationId);

	/** The stored PDF, the same bytes for every channel. */
	Optional<byte[]> pdf(String documentNo);

	/**
	 * @param url        where anyone holding the document can check it (the QR code's target)
	 * @param validUntil null for a document valid for life
	 * @param signed     whether the PDF carries the department's digital signature
	 */
	record IssuedDocument(String number, String url, String downloadUrl, Instant issuedAt, LocalDate validUntil,
			boolean revoked, boolean signed) {
	}

}
