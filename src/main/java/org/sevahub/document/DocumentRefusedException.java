package org.sevahub.document;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An upload SevaHub will not keep, and why: nothing of it was stored. The reason is a message key
 * ({@code document.refused.*}) with its arguments, so each door says it in its counterpart's language.
 */
public class DocumentRefusedException extends RuntimeException {

	/** Why, with the HTTP status each door answers. */
	public enum Reason {

		EMPTY(HttpStatus.BAD_REQUEST), TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
		WRONG_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), INFECTED(HttpStatus.UNPROCESSABLE_ENTITY),
		SCANNER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE), PDF_ENCRYPTED(HttpStatus.UNPROCESSABLE_ENTITY),
		PDF_ACTIVE_CONTENT(HttpStatus.UNPROCESSABLE_ENTITY), PDF_EMBEDDED_FILES(HttpStatus.UNPROCESSABLE_ENTITY),
		TOO_MANY_PAGES(HttpStatus.UNPROCESSABLE_ENTITY), IMAGE_TOO_BIG(HttpStatus.UNPROCESSABLE_ENTITY),
		UNREADABLE(HttpStatus.UNPROCESSABLE_ENTITY), NOT_DECLARED(HttpStatus.NOT_FOUND), NOT_NOW(HttpStatus.CONFLICT),
		NOT_REQUESTED(HttpStatus.CONFLICT), FILE_NAME_TOO_LONG(HttpStatus.BAD_REQUEST);

		public final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		public String messageKey() {
			return "document.refused." + name().toLowerCase().replace('_', '-');
		}

	}

	private final Reason reason;

	private final String documentCode;

	private final List<Object> arguments;

	DocumentRefusedException(Reason reason, String documentCode, Object... arguments) {
		super(reason + " for document " + documentCode);
		this.reason = reason;
		this.documentCode = documentCode;
		this.arguments = List.of(arguments);
	}

	/** A body declared larger than the document may be: refused before it is read. */
	public static DocumentRefusedException tooLarge(String documentCode, long size, long maxBytes) {
		return new DocumentRefusedException(Reason.TOO_LARGE, documentCode, size, maxBytes);
	}

	/** A name longer than the part's headers may be: the parts could not be read, so there is no file. */
	public static DocumentRefusedException fileNameTooLong(String documentCode) {
		return new DocumentRefusedException(Reason.FILE_NAME_TOO_LONG, documentCode);
	}

	public Reason reason() {
		return reason;
	}

	public String documentCode() {
		return documentCode;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
