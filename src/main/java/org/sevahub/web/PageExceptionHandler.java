package org.sevahub.web;

import org.sevahub.application.ActionNotAllowedException;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.catalog.UnknownServiceException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Citizen pages answer errors with a page that says what happened, never a stack trace. */
@ControllerAdvice(assignableTypes = CitizenPagesController.class)
class PageExceptionHandler {

	@ExceptionHandler({ UnknownServiceException.class, ApplicationNotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(RuntimeException ex, Model model) {
		return page(model, "Not found", ex.getMessage());
	}

	/** Answered as an unknown number would be: no way to learn which numbers exist (docs/security.md). */
	@ExceptionHandler(NoCitizenAccessException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notYours(NoCitizenAccessException ex, Model model) {
		return page(model, "Not found", ex.getMessage());
	}

	@ExceptionHandler(ActionNotAllowedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ActionNotAllowedException ex, Model model) {
		return page(model, "Not possible now", ex.getMessage());
	}

	@ExceptionHandler(FormInvalidException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(FormInvalidException ex, Model model) {
		return page(model, "Please check what you entered", String.join("; ", ex.fieldErrors().values()));
	}

	private static String page(Model model, String title, String message) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "problem";
	}

}
