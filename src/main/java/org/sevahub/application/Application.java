package org.sevahub.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A citizen's application for one notified service. Its lifecycle lives in the service's BPMN process
 * (business key = {@link #applicationNo()}); this record is what the department keeps about it.
 *
 * @param formData     the citizen's answers by form key, service data only (the applicant's own fields
 *                     live in {@link Applicant})
 * @param lockedFields form keys a portal vouched for; the citizen sees them but cannot change them
 * @param channel      where it came in: {@code direct} or a portal's name
 */
public record Application(Long id, String applicationNo, String serviceCode, Long applicantId, String channel,
		String status, Map<String, String> formData, Set<String> lockedFields, String processInstanceId,
		Instant createdAt, Instant updatedAt, Instant submittedAt, Instant slaDueAt, BigDecimal sanctionedAmount,
		int version) {

	public static final String DIRECT = "direct";

	public boolean isLocked(String key) {
		return lockedFields.contains(key);
	}

}
