package org.sevahub.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of the application API's writes: {@code {serviceCode, applicant{…}, data{…}}}. Unknown top-level
 * keys are collected, not ignored, so a client that misspells one hears about it.
 */
class ApplicationRequest {

	public String serviceCode;

	/** {@code "applicant": null} is a malformed body (400), not an absent object. */
	@JsonSetter(nulls = Nulls.FAIL)
	public Map<String, JsonNode> applicant = new LinkedHashMap<>();

	@JsonSetter(nulls = Nulls.FAIL)
	public Map<String, JsonNode> data = new LinkedHashMap<>();

	final Map<String, Object> unknown = new LinkedHashMap<>();

	@JsonAnySetter
	void unknown(String key, Object value) {
		unknown.put(key, value);
	}

	/** Form values by form key: applicant fields under {@code applicant.}, the rest as they are. */
	Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		applicant.forEach((key, value) -> values.put("applicant." + key, text(value)));
		data.forEach((key, value) -> values.put(key, text(value)));
		return values;
	}

	private static String text(JsonNode value) {
		return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
	}

}
