package org.sevahub.web.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.ActionNotAllowedException;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.catalog.UnknownServiceException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the application API, in its own shape ({@link ApiError}); nothing was changed by the call. What
 * Spring MVC refuses (media types, unreadable bodies, sizes) is answered by the doors' own advice
 * (org.sevahub.platform.doors), in the same shape, before this one is asked. Every answer names its type, so
 * an Accept header the API does not produce cannot turn an error into a second, unanswerable one.
 */
@RestControllerAdvice(assignableTypes = { ApplicationApiController.class, ServiceApiController.class,
		DocumentUploadController.class })
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(FormInvalidException.class)
	ResponseEntity<ApiError> invalid(FormInvalidException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError("invalid", "The application has errors; nothing was saved", ex.fieldErrors()));
	}



	@ExceptionHandler({ ApplicationNotFoundException.class, UnknownServiceException.class })
	ResponseEntity<ApiError> notFound(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("not-found", ex.getMessage()));
	}



	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		log.error("Application API call failed", ex);
		return ResponseEntity.internalServerError()
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiError.of("internal", "SevaHub could not complete the call; nothing was changed. The error is logged."));
	}

	@ExceptionHandler(ActionNotAllowedException.class)
	ResponseEntity<ApiError> conflict(ActionNotAllowedException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("not-allowed", ex.getMessage()));
	}

}
