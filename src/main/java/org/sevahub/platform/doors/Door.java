package org.sevahub.platform.doors;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One inbound family of SevaHub (a portal's callbacks, the application API, the citizen pages…) and the error
 * shape its counterpart reads. Every failure on a path the door serves, whoever detects it (the controller,
 * Spring MVC, the body limit, the servlet container's {@code /error}), is answered through its door, so a
 * counterpart never meets Spring's default body, a class name or SQL.
 */
public interface Door {

	/** Path prefixes this door serves; the longest matching prefix over all doors wins. */
	List<String> paths();

	/**
	 * Writes the error answer (status already set, buffer reset). {@code message} is written for the
	 * counterpart's people: it never carries an exception's own text.
	 */
	void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException;

	/**
	 * A refusal that has words of its own, {@code door.error.<words>.*} in messages*.properties, for a door that
	 * speaks the reader's language; the others say {@code message}.
	 */
	default void answer(HttpServletRequest request, HttpServletResponse response, int status, String message,
			String words) throws IOException {
		answer(request, response, status, message);
	}

}
