package org.sevahub.desk;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.FeeRefund;
import org.sevahub.application.LodgedAppeal;
import org.sevahub.application.RevokedCertificate;
import org.sevahub.language.Words;

import org.springframework.stereotype.Component;

/**
 * An appeal lodged (APPEAL_LODGED) and what a withdrawal undid (CERTIFICATE_REVOKED, FEE_REFUND_DUE) in the reader's
 * language, from the facts they keep ({@link LodgedAppeal}, {@link RevokedCertificate}, {@link FeeRefund}): the
 * appeal's level, the certificate's number, the fee in rupees as the receipt writes it,
 * the payment reference. What the citizen wrote (the grounds of appeal, the reason for withdrawing) is quoted as
 * written, never translated. Empty for other events, and for one without facts (recorded before they were kept) or
 * with a level or cause this version has no words for, which reads as its detail.
 */
@Component
class AppealsAndWithdrawalsInWords {

	private final Words words;

	private final ApplicationEvents events;

	AppealsAndWithdrawalsInWords(Words words, ApplicationEvents events) {
		this.words = words;
		this.events = events;
	}

	Optional<String> detail(ApplicationEvents.Event event, Locale locale) {
		return switch (event.kind()) {
			case "APPEAL_LODGED" -> events.facts(event, LodgedAppeal.class)
				.filter(appeal -> "first".equals(appeal.level()) || "second".equals(appeal.level()))
				.filter(appeal -> appeal.grounds() != null)
				.map(appeal -> words.text("desk.record.appeal." + appeal.level(), locale, appeal.grounds()));
			case "CERTIFICATE_REVOKED" -> events.facts(event, RevokedCertificate.class)
				.filter(revoked -> RevokedCertificate.WITHDRAWN.equals(revoked.cause()) && revoked.certificateNo() != null)
				.map(revoked -> withReason(words.text("desk.record.revoked.withdrawn", locale, revoked.certificateNo()),
						revoked.reason(), locale));
			case "FEE_REFUND_DUE" -> events.facts(event, FeeRefund.class)
				.filter(refund -> RevokedCertificate.WITHDRAWN.equals(refund.cause()) && refund.amount() != null)
				.flatMap(refund -> rupees(refund.amount(), locale)
					.map(rupees -> withReason(words.text("desk.record.refund.withdrawn", locale, rupees,
							String.valueOf(refund.paymentReference())), refund.reason(), locale)));
			default -> Optional.empty();
		};
	}

	/** The sentence, then the citizen's reason quoted after a label in the reader's words; none when they gave none. */
	private String withReason(String said, String reason, Locale locale) {
		return reason == null || reason.isBlank() ? said : said + "; " + words.text("desk.record.reason-given", locale, reason);
	}

	/**
	 * An amount in rupees as the receipt and the status page write a fee ({@code label.rupees} with the amount as
	 * written, "33.60"); empty for one that is not a number.
	 */
	private Optional<String> rupees(String amount, Locale locale) {
		try {
			return Optional.of(words.text("label.rupees", locale, new BigDecimal(amount.strip()).toPlainString()));
		}
		catch (NumberFormatException unreadable) {
			return Optional.empty();
		}
	}

}
