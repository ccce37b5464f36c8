package org.sevahub.platform.doors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What Spring MVC refuses before or around a controller (the method, the media types, a body or parameter it
 * cannot read), answered in the door's own shape with a sentence of ours. It comes before every door's own
 * advice, whose catch-all would otherwise turn these client errors into server errors.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DoorExceptionHandler {

	private final Doors doors;

	DoorExceptionHandler(Doors doors) {
		this.doors = doors;
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	void unsupported(HttpMediaTypeNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		String takes = ex.getSupportedMediaTypes().isEmpty() ? ""
				: ": send " + ex.getSupportedMediaTypes().get(0).getType() + "/"
						+ ex.getSupportedMediaTypes().get(0).getSubtype();
		refuse(request, response, 415, Doors.generic(415) + takes);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	void notAcceptable(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 406, null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	void method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex.getSupportedHttpMethods() != null && !ex.getSupportedHttpMethods().isEmpty()) {
			response.setHeader("Allow", String.join(", ", ex.getSupportedHttpMethods().stream().map(Object::toString).toList()));
		}
		refuse(request, response, 405, null);
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	void notFound(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 404, null);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	void missing(MissingServletRequestParameterException ex, HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 400, "The parameter " + safe(ex.getParameterName()) + " is required");
	}

	@ExceptionHandler({ ServletRequestBindingException.class, TypeMismatchException.class,
			MissingServletRequestPartException.class, HandlerMethodValidationException.class })
	void unbound(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 400, "A parameter or header of the request is missing or not of the expected form");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	void unreadable(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 400, "The request body is not valid for this address (malformed, a wrong type, a"
				+ " null where an object is expected, or nested too deeply); nothing was changed");
	}

	/** Spring Security's firewall checks parameter names when they are first read, deep inside a controller. */
	@ExceptionHandler(RequestRejectedException.class)
	void rejected(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 400, "The request has a parameter or header this server does not accept");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	void uploadTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response) {
		if (FileNameTooLong.causedBy(ex) && !DoorFilter.exceeded(request)) {
			doors.refuse(request, response, 400, FileNameTooLong.MESSAGE, FileNameTooLong.WORDS);
		}
		else {
			refuse(request, response, 413, "The upload is larger than this server accepts; nothing was kept");
		}
	}

	@ExceptionHandler(MultipartException.class)
	void notMultipart(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 400, "Send the file as multipart/form-data in a part named 'file'");
	}

	/**
	 * A part's file name with a NUL in it: Tomcat refuses it when the multipart body is first parsed, which may be
	 * the language switch reading {@code ?lang=} before any controller runs.
	 */
	@ExceptionHandler(InvalidFileNameException.class)
	void badFileName(HttpServletRequest request, HttpServletResponse response) {
		refuse(request, response, 400, "The file name contains characters a file name may not have");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message) {
		if (DoorFilter.exceeded(request)) {
			response.setHeader("Connection", "close");
			doors.refuse(request, response, 413, null);
		}
		else {
			doors.refuse(request, response, status, message);
		}
	}

	/** A parameter's name as the caller sent it may carry anything; only a plain name is repeated. */
	private static String safe(String name) {
		return name != null && name.matches("[A-Za-z0-9_.\\-]{1,40}") ? name : "";
	}

}
