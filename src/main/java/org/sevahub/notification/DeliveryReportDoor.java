package org.sevahub.notification;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.platform.doors.Door;

import org.springframework.stereotype.Component;

/** The SMS gateway's delivery reports: it reads one line of plain text, as the report's own answers are. */
@Component
class DeliveryReportDoor implements Door {

	@Override
	public List<String> paths() {
		return List.of("/sms-gateway/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message);
	}

}
