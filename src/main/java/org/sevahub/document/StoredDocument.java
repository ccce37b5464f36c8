package org.sevahub.document;

import java.time.Instant;

/**
 * A file kept for an application, as {@code application_document} records it.
 *
 * @param scannedBy   the scanner that found it clean ({@code ClamAV 1.4.6/…}); {@code null}: not scanned
 * @param replacedAt  when the citizen sent this document again; the newer row is the current one
 * @param verdict     {@code accepted} or {@code rejected} by an officer, {@code null} until one looked
 * @param resendRequestedAt when a clarification asked for this document again
 * @param deletedAt   when its bytes were deleted after the retention period; the record stays
 */
public record StoredDocument(long id, long applicationId, String code, String fileName, String mediaType,
		long sizeBytes, Integer pages, String sha256, String store, String storageKey, String scannedBy,
		String uploadedBy, Instant uploadedAt, Instant replacedAt, String verdict, String verdictReason,
		String verdictBy, Instant verdictAt, Instant resendRequestedAt, Instant deletedAt) {

	public static final String ACCEPTED = "accepted";

	public static final String REJECTED = "rejected";

	public boolean scanned() {
		return scannedBy != null;
	}

	public boolean rejected() {
		return REJECTED.equals(verdict);
	}

	public boolean accepted() {
		return ACCEPTED.equals(verdict);
	}

	public boolean resendRequested() {
		return resendRequestedAt != null;
	}

	public boolean isImage() {
		return mediaType.startsWith("image/");
	}

	/** The first 12 hex digits of the SHA-256, enough for a person to compare two records by eye. */
	public String shortDigest() {
		return sha256.substring(0, 12);
	}

}
