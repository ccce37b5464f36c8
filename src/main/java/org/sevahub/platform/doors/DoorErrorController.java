package org.sevahub.platform.doors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends what nobody answered (Spring Security's refusals, an
 * exception no advice took, {@code sendError}): answered in the shape of the door whose path failed, with a
 * sentence of ours, never the exception's text. Asked for directly, {@code /error} is just a page that is not
 * there.
 */
@Controller
class DoorErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(DoorErrorController.class);

	private final Doors doors;

	DoorErrorController(Doors doors) {
		this.doors = doors;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) {
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (failedUri == null) {
			doors.refuse("/error", request, response, 404, null);
			return;
		}
		String path = failedUri.toString().substring(request.getContextPath().length());
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer number && number >= 400 ? number : 500;
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (DoorFilter.exceeded(request)) {
			status = 413;
		}
		else if (failure != null && status < 500) {
			status = 500;
		}
		if (status >= 500 && failure != null) {
			log.error("Request to {} failed", path, failure);
		}
		doors.refuse(path, request, response, status, null);
	}

}
