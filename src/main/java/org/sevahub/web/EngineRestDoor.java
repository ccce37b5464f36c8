package org.sevahub.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.platform.doors.Door;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API answers its own errors as {@code {type, message}}; what reaches {@code /error} from
 * it (an authentication refused in front of it, a body over its limit) is answered the same way.
 */
@Component
class EngineRestDoor implements Door {

	private final ObjectMapper json;

	EngineRestDoor(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public List<String> paths() {
		return List.of("/engine-rest/", "/actuator/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), Map.of("type", status >= 500 ? "ServerError" : "RequestRefused",
				"message", message));
	}

}
