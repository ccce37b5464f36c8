package org.sevahub.application;

/**
 * What an application's CERTIFICATE_REVOKED event keeps for officers (application_event.facts), to be put in their
 * words.
 *
 * @param certificateNo the number of the certificate revoked
 * @param cause         why: {@link #WITHDRAWN}, the citizen withdrew the application (the only cause so far)
 * @param reason        the citizen's reason for withdrawing as written; null when they gave none
 */
public record RevokedCertificate(String certificateNo, String cause, String reason) {

	/** The citizen withdrew the application, and the process undid what it had done. */
	public static final String WITHDRAWN = "withdrawn";

	public static RevokedCertificate withdrawn(String certificateNo, String reason) {
		return new RevokedCertificate(certificateNo, WITHDRAWN, reason);
	}

}
