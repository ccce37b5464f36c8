package org.sevahub.web.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.platform.doors.Door;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The application API (and SevaHub's other JSON under /api): {@link ApiError}, whatever the Accept header said. */
@Component
class ApiDoor implements Door {

	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "malformed"),
			Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
			Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"), Map.entry(409, "not-allowed"),
			Map.entry(413, "too-large"), Map.entry(415, "unsupported-media-type"), Map.entry(429, "too-many-requests"));

	private final ObjectMapper json;

	ApiDoor(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public List<String> paths() {
		return List.of("/api/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		String code = CODES.getOrDefault(status, status >= 500 ? "internal" : "malformed");
		json.writeValue(response.getOutputStream(), ApiError.of(code, message));
	}

}
