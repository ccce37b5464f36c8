package org.sevahub.portal.dci;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.platform.doors.Door;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The registry's callbacks: the DCI spec's HTTP error body, {@code {"errors":[{code, message}]}}. */
@Component
class DciDoor implements Door {

	private final ObjectMapper json;

	DciDoor(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public List<String> paths() {
		return List.of("/registry/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		String code = switch (status) {
			case 401 -> "err.request.unauthorized";
			case 403 -> "err.request.forbidden";
			case 404 -> "err.request.not_found";
			case 413 -> "err.request.too_large";
			case 429 -> "err.request.too_many";
			default -> status >= 500 ? "err.service.unavailable" : "err.request.bad";
		};
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), new DciRefusal(status, code, message).body());
	}

}
