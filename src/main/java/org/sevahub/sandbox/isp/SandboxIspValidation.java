package org.sevahub.sandbox.isp;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The field tables of ISP's manual (sections C, D and E) as the sandbox checks them, so a push the real ISP
 * would refuse is refused here too, with ISP's kind of message.
 */
final class SandboxIspValidation {

	static final List<String> ACKNOWLEDGEMENT = List.of("request_id", "applicant_id", "service_code", "application_id",
			"application_url", "status_code", "remarks", "pendency_level", "pending_with_officer", "action_taken_time",
			"selected_district_for_processing_application", "designated_code", "designated_location_code",
			"designated_target_date", "first_appellate_code", "first_appellate_location_code", "first_appellate_days",
			"second_appellate_code", "second_appellate_location_code", "second_appellate_days");

	static final List<String> STATUS = List.of("request_id", "service_code", "applicant_id", "application_id",
			"status_code", "remarks", "pendency_level", "pending_with_officer", "action_taken_time");

	static final List<String> DELIVERED = List.of("request_id", "applicant_id", "service_code", "application_id",
			"certificate_url", "certificate_no", "status_code", "action_taken_time", "remarks",
			"certificate_expiry_date");

	static final Map<String, List<String>> REQUIRED = Map.of("returnApplicationAcknowledgement", ACKNOWLEDGEMENT,
			"returnServiceStatus", STATUS, "returnDeliveredServiceStatus", DELIVERED);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private SandboxIspValidation() {
	}

	/** ISP's error for the push, or null when its fields are as the manual's table says. */
	static String problem(String api, JsonNode push) {
		for (String field : REQUIRED.get(api)) {
			if (!push.has(field) || push.get(field).isNull()) {
				return "Invalid request: " + field + " is required";
			}
		}
		if (!push.path("request_id").asText().matches("[0-9A-Za-z]{14}")) {
			return "Invalid request_id: 14 characters expected";
		}
		if (push.path("application_id").asText().length() > 20 || push.path("application_id").asText().isBlank()) {
			return "Invalid application_id: 1 to 20 characters expected";
		}
		if (!push.path("status_code").asText().matches("S1[0-2][0-9]")) {
			return "Invalid status_code " + push.path("status_code").asText();
		}
		if (push.path("remarks").asText().length() > 2000) {
			return "Invalid remarks: at most 2000 characters";
		}
		try {
			LocalDateTime.parse(push.path("action_taken_time").asText(), TIMESTAMP);
		}
		catch (DateTimeParseException ex) {
			return "Invalid action_taken_time: yyyy-mm-dd hh:mm:ss expected";
		}
		String code = push.path("status_code").asText();
		switch (api) {
			case "returnApplicationAcknowledgement" -> {
				if (!code.equals("S104")) {
					return "Invalid status_code " + code + " for returnApplicationAcknowledgement: only S104";
				}
				if (!isDate(push.path("designated_target_date").asText())) {
					return "Invalid designated_target_date: yyyy-mm-dd expected";
				}
				if (!push.path("first_appellate_days").asText().matches("\\d{1,3}")
						|| !push.path("second_appellate_days").asText().matches("\\d{1,3}")) {
					return "Invalid appellate days: a number of days expected";
				}
			}
			case "returnDeliveredServiceStatus" -> {
				if (!code.equals("S112")) {
					return "Invalid status_code " + code + " for returnDeliveredServiceStatus: only S112";
				}
				String expiry = push.path("certificate_expiry_date").asText();
				if (!expiry.equals("999999") && !isDate(expiry)) {
					return "Invalid certificate_expiry_date: yyyy-mm-dd or 999999 expected";
				}
				if (!push.path("dbt_amount").asText("").matches("\\d*")) {
					return "Invalid dbt_amount: digits expected";
				}
			}
			default -> {
				if (code.equals("S104") || code.equals("S112")) {
					return "Invalid status_code " + code + " for returnServiceStatus: use its own service";
				}
			}
		}
		return null;
	}

	private static boolean isDate(String value) {
		try {
			LocalDate.parse(value);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
