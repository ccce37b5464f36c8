package org.sevahub.web.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The application API's error shape: a code for programs, a sentence for people, and per-field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ApiError(String error, String message, Map<String, String> fieldErrors) {

	static ApiError of(String error, String message) {
		return new ApiError(error, message, Map.of());
	}

}
