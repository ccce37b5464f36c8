package org.sevahub.platform.doors;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Finds the door a path belongs to and answers a failure in its shape. */
@Component
public class Doors {

	private static final Logger log = LoggerFactory.getLogger(Doors.class);

	/** What each status means to a caller, in words that name nothing internal. */
	private static final Map<Integer, String> GENERIC = Map.ofEntries(
			Map.entry(400, "The request could not be read; nothing was changed"),
			Map.entry(401, "This call needs a credential"),
			Map.entry(403, "This call is not allowed for this caller"),
			Map.entry(404, "There is nothing at this address"),
			Map.entry(405, "This address does not take this method"),
			Map.entry(406, "This address answers only in its own format (see the Accept header)"),
			Map.entry(409, "Not possible in the current state"),
			Map.entry(413, "The request body is larger than this address accepts; nothing was kept"),
			Map.entry(415, "The request's Content-Type is not the one this address takes"),
			Map.entry(429, "Too many requests; please wait a little"),
			Map.entry(500, "SevaHub could not complete the call; nothing was changed. The error is logged."),
			Map.entry(503, "SevaHub is not available just now; please try again later"));

	private final List<Door> doors;

	private final Door fallback;

	Doors(List<Door> doors) {
		this.doors = doors;
		this.fallback = doors.stream()
			.filter(door -> door.paths().contains("/"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No door serves '/' (the citizen pages)"));
	}

	public Door of(String path) {
		String p = path == null || path.isEmpty() ? "/" : path;
		return doors.stream()
			.flatMap(door -> door.paths().stream().filter(p::startsWith).map(prefix -> Map.entry(prefix, door)))
			.max(Comparator.comparingInt(entry -> entry.getKey().length()))
			.map(Map.Entry::getValue)
			.orElse(fallback);
	}

	/** The generic sentence for a status, for callers that have nothing more precise (and safe) to say. */
	public static String generic(int status) {
		return GENERIC.getOrDefault(status, status >= 500 ? GENERIC.get(500) : GENERIC.get(400));
	}

	/** Answers a failure on the request's own path; does nothing once the answer has started. */
	public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message) {
		refuse(request.getRequestURI().substring(request.getContextPath().length()), request, response, status, message);
	}

	/**
	 * Answers a failure that has words of its own ({@code door.error.<words>.*}) for the doors that speak the
	 * reader's language, and {@code message} for the others.
	 */
	public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message,
			String words) {
		refuse(request.getRequestURI().substring(request.getContextPath().length()), request, response, status, message,
				words);
	}

	/** Answers a failure as the door of {@code path} would (for {@code /error}, the path that failed). */
	public void refuse(String path, HttpServletRequest request, HttpServletResponse response, int status,
			String message) {
		refuse(path, request, response, status, message, null);
	}

	private void refuse(String path, HttpServletRequest request, HttpServletResponse response, int status,
			String message, String words) {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status);
		String said = message == null ? generic(status) : message;
		try {
			if (words == null) {
				of(path).answer(request, response, status, said);
			}
			else {
				of(path).answer(request, response, status, said, words);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not write the {} answer for {}", status, path, ex);
		}
	}

}
