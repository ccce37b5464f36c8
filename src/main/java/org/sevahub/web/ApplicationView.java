package org.sevahub.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An application as the citizen and API clients see it: no personal data beyond a masked name.
 *
 * @param nextActions what the citizen can do now: submit, save-draft, pay-fee, reply-clarification,
 *                    first-appeal, second-appeal, withdraw
 */
public record ApplicationView(String applicationNo, String serviceCode, String serviceName, String serviceNameLocal,
		String status, String applicantName, Instant createdAt, Instant submittedAt, Instant slaDueAt,
		BigDecimal fee, BigDecimal sanctionedAmount, String certificateNo, String certificateStatus,
		List<Stage> history, Set<String> nextActions) {

	/**
	 * @param stage      the BPMN element's name when it recorded the status (English, as the API gives it)
	 * @param processKey with activityId, the element pages name the stage by in the reader's language; not in the API
	 * @param notSent    the portals this status was not sent to because their rules forbid it (the application is
	 *                   closed there): they go on showing an earlier status
	 */
	public record Stage(String status, String stage, @JsonIgnore String processKey, @JsonIgnore String activityId,
			String remarks, String actor, Instant at, List<NotSent> notSent) {
	}

	/** A portal not told of a status, and why ("not sent: closed at the portal"). */
	public record NotSent(String portal, String reason) {
	}

	/** The remarks of the last clarification sought, for the citizen's reply. */
	public String clarificationRemarks() {
		for (int i = history.size() - 1; i >= 0; i--) {
			if ("CLARIFICATION_SOUGHT".equals(history.get(i).status())) {
				return history.get(i).remarks();
			}
		}
		return null;
	}

}
