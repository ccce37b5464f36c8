package org.sevahub.application;

/**
 * What an application's FEE_REFUND_DUE event keeps for officers (application_event.facts), to be put in their words.
 *
 * @param amount           the fee to pay back, in rupees as the catalogue writes it ("33.60")
 * @param paymentReference the reference the fee was paid under, for the accounts section
 * @param cause            why: {@link RevokedCertificate#WITHDRAWN}, the citizen withdrew the application
 * @param reason           the citizen's reason for withdrawing as written; null when they gave none
 */
public record FeeRefund(String amount, String paymentReference, String cause, String reason) {

	public static FeeRefund withdrawn(String amount, String paymentReference, String reason) {
		return new FeeRefund(amount, paymentReference, RevokedCertificate.WITHDRAWN, reason);
	}

}
