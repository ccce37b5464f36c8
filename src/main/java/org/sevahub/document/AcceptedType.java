package org.sevahub.document;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file SevaHub keeps: what a catalog may list, and what a stored file's bytes always are. */
enum AcceptedType {

	PDF("application/pdf", "pdf", "PDF"), JPEG("image/jpeg", "jpg", "JPEG"), PNG("image/png", "png", "PNG");

	final String mediaType;

	final String extension;

	final String label;

	AcceptedType(String mediaType, String extension, String label) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.label = label;
	}

	boolean isImage() {
		return this != PDF;
	}

	static Optional<AcceptedType> of(String mediaType) {
		return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
	}

}
