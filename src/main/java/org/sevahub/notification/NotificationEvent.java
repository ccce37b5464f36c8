package org.sevahub.notification;

/**
 * What a citizen is told about. Each has its SMS text ({@code notify.sms.<key>}), its e-mail
 * ({@code notify.email.<key>.subject}, {@code .body}) and, per language, its DLT template
 * ({@code sevahub.notify.sms.templates.<key>.<language>}).
 */
enum NotificationEvent {

	SUBMITTED("submitted"),
	FEE_DUE("fee-due"),
	CLARIFICATION("clarification"),
	APPROVED("approved"),
	/** Rejected, with an appeal open. */
	REJECTED("rejected"),
	/** Rejected where the process opens no appeal (closed for want of a reply). */
	REJECTED_FINAL("rejected-final"),
	CERTIFICATE_ISSUED("certificate-issued"),
	APPEAL_FILED("appeal-filed"),
	APPEAL_ALLOWED("appeal-allowed"),
	/** The first appeal dismissed: a second one may be filed. */
	APPEAL_DISMISSED("appeal-dismissed"),
	/** The second appeal dismissed: final. */
	APPEAL_DISMISSED_FINAL("appeal-dismissed-final"),
	SLA_BREACH("sla-breach"),
	/** A portal the citizen came through will not show the application's progress any more (its rules closed it). */
	PORTAL_CLOSED("portal-closed");

	final String key;

	NotificationEvent(String key) {
		this.key = key;
	}

}
