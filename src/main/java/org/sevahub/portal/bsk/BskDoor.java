package org.sevahub.portal.bsk;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.platform.doors.Door;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** BSK's APIs: BSK reads one failure shape, {@code {"statusCode": 400, "message": ...}}, for every refusal. */
@Component
class BskDoor implements Door {

	private final ObjectMapper json;

	BskDoor(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public List<String> paths() {
		return List.of("/bsk/api/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("statusCode", 400);
		answer.put("message", message);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), answer);
	}

}
