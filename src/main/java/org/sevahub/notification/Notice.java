package org.sevahub.notification;

import java.time.Instant;

/**
 * One thing to tell the citizen about one application, with the facts the texts need.
 *
 * @param status        the status (or {@code SLA_BREACH}) the outbox rows are queued under
 * @param deadline      what the citizen (or the officer) must act by; null where there is none
 * @param amount        the fee, for {@link NotificationEvent#FEE_DUE}
 * @param certificateNo for {@link NotificationEvent#CERTIFICATE_ISSUED}
 * @param officerPost   the post that decides next (an appellate officer), for the e-mail
 * @param remarks       what the officer wrote, for the e-mail
 * @param portal        the portal that closed the application, for {@link NotificationEvent#PORTAL_CLOSED}
 */
record Notice(NotificationEvent event, String status, Instant deadline, String amount, String certificateNo,
		String officerPost, String remarks, String portal) {

	static Notice of(NotificationEvent event, String status) {
		return new Notice(event, status, null, null, null, null, null, null);
	}

	Notice by(Instant deadline) {
		return new Notice(event, status, deadline, amount, certificateNo, officerPost, remarks, portal);
	}

	Notice amount(String fee) {
		return new Notice(event, status, deadline, fee, certificateNo, officerPost, remarks, portal);
	}

	Notice certificate(String number) {
		return new Notice(event, status, deadline, amount, number, officerPost, remarks, portal);
	}

	Notice officer(String post) {
		return new Notice(event, status, deadline, amount, certificateNo, post, remarks, portal);
	}

	Notice portal(String name) {
		return new Notice(event, status, deadline, amount, certificateNo, officerPost, remarks, name);
	}

	Notice remarks(String text) {
		return new Notice(event, status, deadline, amount, certificateNo, officerPost, text, portal);
	}

}
