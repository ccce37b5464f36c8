package org.sevahub.web.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.ActionNotAllowedException;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.catalog.UnknownServiceException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Errors of the application API, in its own shape ({@link ApiError}); nothing was changed by the call. */
@RestControllerAdvice(assignableTypes = { ApplicationApiController.class, ServiceApiController.class,
		DocumentUploadController.class })
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(FormInvalidException.class)
	ResponseEntity<ApiError> invalid(FormInvalidException ex) {
		return ResponseEntity.badRequest()
			.body(new ApiError("invalid", "The application has errors; nothing was saved", ex.fieldErrors()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(ApiError.of("malformed", "The request body is not valid JSON of the expected shape"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(ApiError.of("unsupported-media-type", "Send application/json"));
	}

	@ExceptionHandler({ ApplicationNotFoundException.class, UnknownServiceException.class })
	ResponseEntity<ApiError> notFound(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("not-found", ex.getMessage()));
	}

	/** A body over spring.servlet.multipart.max-file-size or max-request-size, or not multipart at all. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(ApiError.of("too-large", "The upload is larger than this server accepts; nothing was kept"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> notMultipart(MultipartException ex) {
		return ResponseEntity.badRequest()
			.body(ApiError.of("malformed", "Send the file as multipart/form-data in a part named 'file'"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		log.error("Application API call failed", ex);
		return ResponseEntity.internalServerError()
			.body(ApiError.of("internal", "SevaHub could not complete the call; nothing was changed. The error is logged."));
	}

	@ExceptionHandler(ActionNotAllowedException.class)
	ResponseEntity<ApiError> conflict(ActionNotAllowedException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("not-allowed", ex.getMessage()));
	}

}
