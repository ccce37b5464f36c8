package org.sevahub.web;

import jakarta.servlet.http.HttpServletRequest;

import org.sevahub.application.ActionNotAllowedException;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.catalog.UnknownServiceException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Citizen pages (and the officers' view of an application) answer errors with a page that says what happened in the reader's language, never a stack
 * trace. The exceptions' own messages are English for the logs and the API; the page says it from the bundles.
 */
@ControllerAdvice(assignableTypes = { CitizenPagesController.class, OfficerPagesController.class })
class PageExceptionHandler {

	private final MessageSource messages;

	PageExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	/** Officers hear it in their own words: their office's work, where a citizen hears of their number. */
	@ExceptionHandler({ UnknownServiceException.class, ApplicationNotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(RuntimeException ex, Model model, HttpServletRequest request) {
		boolean officer = request.getRequestURI().startsWith(request.getContextPath() + "/officer/");
		return page(model, officer ? "officer-not-found" : "not-found");
	}

	/** Answered as an unknown number would be: no way to learn which numbers exist (docs/security.md). */
	@ExceptionHandler(NoCitizenAccessException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notYours(NoCitizenAccessException ex, Model model) {
		return page(model, "not-found");
	}

	@ExceptionHandler(ActionNotAllowedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ActionNotAllowedException ex, Model model) {
		return page(model, "conflict");
	}

	@ExceptionHandler(FormInvalidException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(FormInvalidException ex, Model model) {
		String page = page(model, "invalid");
		model.addAttribute("details", ex.fieldErrors().values());
		return page;
	}

	private String page(Model model, String kind) {
		var locale = LocaleContextHolder.getLocale();
		model.addAttribute("title", messages.getMessage("problem." + kind + ".title", null, locale));
		model.addAttribute("message", messages.getMessage("problem." + kind + ".message", null, locale));
		return "problem";
	}

}
