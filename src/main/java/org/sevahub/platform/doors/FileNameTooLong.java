package org.sevahub.platform.doors;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;

/**
 * Whether a multipart body was refused for a part's headers, which are the file's name and little else: Tomcat
 * stops at {@code server.tomcat.max-part-header-size} with a size-limit exception, and Spring, going by its
 * name, reports every such exception as an upload too large. Tomcat says which limit only in its message.
 */
public final class FileNameTooLong {

	/** What the doors that speak English say. */
	public static final String MESSAGE = "A file's name is too long; give the file a shorter name and send it again";

	/** What the pages say, in the reader's language: {@code door.error.file-name.*}. */
	public static final String WORDS = "file-name";

	private FileNameTooLong() {
	}

	/**
	 * Whether the container could not read the request's parts for this reason. A form's CSRF token is among its
	 * parts, so such a form reads as a stale page unless this is asked; the container keeps the failure of its one
	 * attempt and throws it again, nothing is read twice.
	 */
	public static boolean in(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		try {
			request.getParts();
			return false;
		}
		catch (IOException | ServletException | RuntimeException failure) {
			return causedBy(failure);
		}
	}

	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SizeLimitExceededException limit && limit.getMessage() != null
					&& limit.getMessage().startsWith("Header section has more than")) {
				return true;
			}
		}
		return false;
	}

}
