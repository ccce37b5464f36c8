package org.sevahub.portal.aaplesarkar;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.sevahub.application.ActionNotAllowedException;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where Aaple Sarkar's gateway sends the citizen back: {@code /aaplesarkar/payment/return?str=} with
 * {@code ClientCode|ServiceID|ApplicationID|PaymentTransactionid|BankRefID|BankRefNo|BankID|PaymentDate|
 * PaymentStatus|TotalAmount} encrypted (document 3.3, 3.3.2). A paid fee of exactly the service's amount moves
 * the application on; a failed one is recorded and the citizen may pay again. A paid return of the wrong amount,
 * or for an application no longer waiting for its fee (paid twice), is recorded with that outcome and its bank
 * references, so the office can refund it, and changes nothing else; a return that does not decrypt, does not
 * match the application, or repeats a transaction id already taken changes nothing.
 */
@Controller
@ConditionalOnProperty(name = "sevahub.portals.aaplesarkar.enabled", havingValue = "true")
class AaplesarkarPaymentReturnController {

	private final AaplesarkarClient client;

	private final AaplesarkarPayments payments;

	private final ApplicationService applications;

	private final PortalLinks links;

	private final ServiceCatalog catalog;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	AaplesarkarPaymentReturnController(AaplesarkarClient client, AaplesarkarPayments payments,
			ApplicationService applications, PortalLinks links, ServiceCatalog catalog, AuditTrail audit,
			TransactionTemplate transaction) {
		this.client = client;
		this.payments = payments;
		this.applications = applications;
		this.links = links;
		this.catalog = catalog;
		this.audit = audit;
		this.transaction = transaction;
	}

	record Return(String clientCode, String serviceId, String applicationNo, String transactionId, String bankRefId,
			String bankRefNo, String bankId, String paymentDate, boolean paid, BigDecimal amount) {
	}

	@RequestMapping(path = AaplesarkarFeeGateway.RETURN_PATH, method = { RequestMethod.GET, RequestMethod.POST })
	ModelAndView paymentReturn(@RequestParam(required = false) String str) {
		Return r;
		try {
			r = parse(client.codec().decrypt(str == null ? "" : str.strip()));
		}
		catch (AaplesarkarCodec.AaplesarkarCryptoException | IllegalArgumentException ex) {
			// The caller is unauthenticated until the return decrypts and parses: why it did not stays in the audit.
			return unreadable(ex.getMessage());
		}
		Optional<Application> app = application(r.applicationNo());
		Optional<PortalLink> link = app.flatMap(a -> links.find(a.id(), AaplesarkarClient.PORTAL));
		if (link.isEmpty() || !r.serviceId().equals(link.get().attributes().get("ServiceID"))) {
			return refuse(400, r, "The payment answer does not match an application",
					"Aaple Sarkar's gateway reported a payment for application " + r.applicationNo() + " and service "
							+ r.serviceId() + ", which is not an application Aaple Sarkar handed over. Nothing was recorded.");
		}
		BigDecimal fee = catalog.get(app.get().serviceCode()).fee();
		AaplesarkarPayments.Outcome outcome = !r.paid() ? AaplesarkarPayments.Outcome.FAILED
				: fee.compareTo(r.amount()) != 0 ? AaplesarkarPayments.Outcome.AMOUNT_MISMATCH
						: !AaplesarkarFeeGateway.awaitsFee(applications, r.applicationNo()) ? AaplesarkarPayments.Outcome.NOT_AWAITED
								: AaplesarkarPayments.Outcome.PAID;
		Boolean taken;
		try {
			taken = take(r, outcome);
		}
		catch (ActionNotAllowedException raced) {
			// The application stopped waiting for its fee between the check and the lock: keep the return all the same.
			outcome = AaplesarkarPayments.Outcome.NOT_AWAITED;
			taken = take(r, outcome);
		}
		if (!Boolean.TRUE.equals(taken)) {
			return refuse(409, r, "This payment answer was used already",
					"Transaction " + r.transactionId() + " has been recorded before; a repeated answer changes nothing.");
		}
		switch (outcome) {
			case AMOUNT_MISMATCH:
				return refuse(400, r, "The amount paid does not match the fee",
						"Aaple Sarkar's gateway reported Rs " + r.amount().toPlainString() + " for application "
								+ r.applicationNo() + ", whose fee is Rs " + fee.toPlainString()
								+ ". The application is unchanged; the payment (transaction " + r.transactionId()
								+ ") has been recorded for the office to refund.");
			case NOT_AWAITED:
				return refuse(409, r, "The payment cannot be taken now",
						"Application " + r.applicationNo() + " is not waiting for a fee. The application is unchanged;"
								+ " the payment (transaction " + r.transactionId()
								+ ") has been recorded for the office to refund.");
			default:
				break;
		}
		audit.record(AuditTrail.Direction.IN, AaplesarkarClient.PORTAL, "payment-return", r.applicationNo(),
				outcome.name(), references(r));
		if (!r.paid()) {
			ModelAndView failed = new ModelAndView("aaplesarkar/payment-failed",
					Map.of("applicationNo", r.applicationNo(), "transactionId", r.transactionId()));
			failed.setStatus(HttpStatus.OK);
			return failed;
		}
		RedirectView acknowledgement = new RedirectView("/applications/" + r.applicationNo() + "/acknowledgement", true);
		acknowledgement.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(acknowledgement);
	}

	/** Records the return and, for a fee to take, moves the application on, together; false for a replayed one. */
	private Boolean take(Return r, AaplesarkarPayments.Outcome outcome) {
		return transaction.execute(status -> {
			if (!payments.record(new AaplesarkarPayments.Payment(r.transactionId(), r.applicationNo(), r.serviceId(),
					r.bankRefId(), r.bankRefNo(), r.bankId(), r.paymentDate(), r.paid(), r.amount(), EngineClock.now(),
					outcome))) {
				status.setRollbackOnly();
				return false;
			}
			if (outcome == AaplesarkarPayments.Outcome.PAID) {
				applications.confirmFeePaid(r.applicationNo(), r.transactionId(), r.amount());
			}
			return true;
		});
	}

	private Return parse(String plain) {
		String[] p = plain.split("\\|", -1);
		if (p.length != 10) {
			throw new IllegalArgumentException(p.length + " fields, not 10");
		}
		if (!AaplesarkarCodec.sameChecksum(client.properties().clientCode(), p[0])) {
			throw new IllegalArgumentException("another department's client code");
		}
		require(p[1], "\\d{4}", "ServiceID");
		require(p[2], "[A-Za-z0-9/\\-]{1,40}", "ApplicationID");
		require(p[3], "[A-Za-z0-9\\-]{1,40}", "PaymentTransactionid");
		require(p[8], "(?i)true|false", "PaymentStatus");
		require(p[9], "\\d{1,10}(\\.\\d{1,2})?", "TotalAmount");
		for (int i = 4; i < 8; i++) {
			require(p[i], "[\\p{Alnum} /:.\\-]{0,60}", "bank field " + (i + 1));
		}
		return new Return(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], Boolean.parseBoolean(p[8].toLowerCase()),
				new BigDecimal(p[9]));
	}

	private static void require(String value, String pattern, String field) {
		if (!value.matches(pattern)) {
			throw new IllegalArgumentException(field + " is malformed");
		}
	}

	private Optional<Application> application(String applicationNo) {
		try {
			return Optional.of(applications.get(applicationNo));
		}
		catch (ApplicationNotFoundException ex) {
			return Optional.empty();
		}
	}

	private static String references(Return r) {
		return "transaction " + r.transactionId() + ", bank ref id " + r.bankRefId() + ", bank ref no " + r.bankRefNo()
				+ ", bank " + r.bankId() + ", date " + r.paymentDate() + ", paid " + r.paid() + ", Rs "
				+ r.amount().toPlainString();
	}

	/** Refuses a return that decrypted: the audit record keeps its transaction and bank references. */
	private ModelAndView refuse(int status, Return r, String title, String message) {
		audit.record(AuditTrail.Direction.IN, AaplesarkarClient.PORTAL, "payment-return", r.applicationNo(), "REFUSED",
				title + ": " + message + " [" + references(r) + "]");
		ModelAndView page = new ModelAndView("problem", Map.of("title", title, "message", message));
		page.setStatus(HttpStatus.valueOf(status));
		return page;
	}

	private ModelAndView unreadable(String why) {
		audit.record(AuditTrail.Direction.IN, AaplesarkarClient.PORTAL, "payment-return", null, "REFUSED",
				"unreadable return: " + why);
		ModelAndView page = new ModelAndView("problem", Map.of("title", "The payment answer could not be read",
				"message", AaplesarkarLandingController.UNREADABLE + ". Nothing was recorded."));
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

}
