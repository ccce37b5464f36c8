package org.sevahub.document;

import java.time.Instant;
import java.util.List;

/**
 * An application's documents as the citizen's form, the API and the officer's page show them: each document
 * the service asks for, whether it is needed, whether it may be sent now, and the file held for it.
 *
 * @param missing      names of needed documents not yet sent (or asked for again), for "still missing"
 * @param clarification the office asked for documents again: only those may be sent
 */
public record DocumentPanel(List<Item> items, List<String> missing, boolean clarification) {

	public boolean isEmpty() {
		return items.isEmpty();
	}

	/**
	 * @param condition    when the document is needed, in words (for a conditional one)
	 * @param accept       the file chooser's {@code accept}: the media types the document takes
	 * @param uploadable   a file may be sent for it now
	 * @param askedAgain   the office rejected the file held and asked for it again, with {@code reason}
	 * @param error        why the last file sent for it was refused, on a page shown after a refusal
	 */
	public record Item(String code, String name, boolean needed, boolean mandatory, String condition,
			List<String> types, String accept, String maxSize, long maxBytes, Integer maxPages, boolean uploadable,
			boolean askedAgain, String reason, String error, FileView file) {

		public String fieldKey() {
			return DocumentService.fieldKey(code);
		}

		public String domId() {
			return "doc-" + code;
		}

		public boolean missing() {
			return needed && (file == null || askedAgain);
		}

	}

	/**
	 * A kept file.
	 *
	 * @param link a download link that expires; only ever built for someone {@link DocumentAccess} let through
	 */
	public record FileView(long id, String code, String fileName, String mediaType, long sizeBytes, String size, Integer pages,
			String sha256, boolean scanned, String scannedBy, Instant uploadedAt, String verdict, String verdictReason,
			String link) {
	}

}
