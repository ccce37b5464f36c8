package org.sevahub.application;

/**
 * The canonical statuses (docs/status-model.md). The BPMN declares where each one is reached; a department may
 * declare a status of its own in a process (stored as text), and portals map what they know.
 * {@link #CANCELLED} is SevaHub's addition: an application withdrawn or cancelled after undoable steps.
 */
public enum ApplicationStatus {

	INITIATED, DRAFT, FEE_PENDING, FEE_PAID, SUBMITTED, FORWARDED, UNDER_VERIFICATION, CLARIFICATION_SOUGHT,
	RESUBMITTED, APPROVED, REJECTED, CERTIFICATE_ISSUED, DELIVERED, APPEAL_FILED, APPEAL_ALLOWED,
	APPEAL_DISMISSED, CANCELLED

}
