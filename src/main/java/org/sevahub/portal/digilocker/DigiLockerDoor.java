package org.sevahub.portal.digilocker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.EngineClock;
import org.sevahub.platform.doors.Door;

import org.springframework.stereotype.Component;

/**
 * DigiLocker's Pull URI and Pull Doc: the spec's own refusal, {@code ResponseStatus Status="0"} with the reason
 * in {@code DocDetails/Message}, under the root of the call that failed.
 */
@Component
class DigiLockerDoor implements Door {

	@Override
	public List<String> paths() {
		return List.of("/digilocker/");
	}

	@Override
	public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		String path = request.getRequestURI();
		Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String root = String.valueOf(failed == null ? path : failed).endsWith("/pull-doc") ? "PullDocResponse"
				: "PullURIResponse";
		String ts = OffsetDateTime.ofInstant(EngineClock.now(), ZoneId.of("Asia/Kolkata"))
			.truncatedTo(ChronoUnit.SECONDS)
			.toString();
		response.setContentType("application/xml;charset=UTF-8");
		response.getOutputStream()
			.write(DigiLockerXml.answer(root, "0", ts, "sevahub-" + UUID.randomUUID(), Map.of("Message", message))
				.getBytes(StandardCharsets.UTF_8));
	}

}
