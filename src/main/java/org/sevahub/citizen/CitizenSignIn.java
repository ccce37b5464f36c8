package org.sevahub.citizen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.SignedInCitizen;
import org.sevahub.application.SmsGateway;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proving a mobile number: an OTP by SMS, then the code for a session token. Rate limits come first, per client
 * address and per number, so neither an SMS flood nor code guessing gets far.
 */
@Service
class CitizenSignIn {

	private static final Logger log = LoggerFactory.getLogger(CitizenSignIn.class);

	/**
	 * Exactly the OTP template registered on the DLT platform ({@code sevahub.notify.sms.otp-templates}, notify.yml);
	 * an SMS that does not fit it is not sent.
	 */
	private static final String SMS = "%s is your SevaHub sign-in OTP. It is valid for %d minutes. Do not share it with anyone.";

	private final CitizenOtps otps;

	private final CitizenTokens tokens;

	private final RateLimits limits;

	private final SmsGateway sms;

	private final TransactionTemplate transaction;

	private final CitizenProperties properties;

	CitizenSignIn(CitizenOtps otps, CitizenTokens tokens, RateLimits limits, SmsGateway sms,
			PlatformTransactionManager transactions, CitizenProperties properties) {
		this.otps = otps;
		this.tokens = tokens;
		this.limits = limits;
		this.sms = sms;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** Sends a new OTP to the number; the OTP is kept only if the SMS gateway took it. */
	void sendOtp(String typedMobile, String address) {
		String mobile = mobile(typedMobile);
		if (!limits.allow(RateLimits.Kind.OTP_PER_ADDRESS, address)
				|| !limits.allow(RateLimits.Kind.OTP_PER_MOBILE, mobile)) {
			throw new SignInRefused(SignInRefused.Reason.RATE_LIMITED);
		}
		try {
			transaction.executeWithoutResult(status -> {
				String otp = otps.create(mobile);
				sms.send(mobile, SMS.formatted(otp, properties.otpLifetime().toMinutes()));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Sign-in OTP to {} not sent: {}", SmsGateway.mask(mobile), ex.getClass().getSimpleName());
			throw new SignInRefused(SignInRefused.Reason.NOT_SENT);
		}
	}

	/** Checks the code; right, it answers a session token for the number. */
	CitizenTokens.Issued signIn(String typedMobile, String typedOtp, String address) {
		String mobile = mobile(typedMobile);
		if (typedOtp == null || !typedOtp.strip().matches("\\d{6}")) {
			throw new SignInRefused(SignInRefused.Reason.INVALID_CODE);
		}
		if (!limits.allow(RateLimits.Kind.OTP_PER_ADDRESS, address)) {
			throw new SignInRefused(SignInRefused.Reason.RATE_LIMITED);
		}
		otps.verify(mobile, typedOtp.strip());
		return tokens.issue(mobile);
	}

	private static String mobile(String typed) {
		return SignedInCitizen.tenDigits(typed).orElseThrow(() -> new SignInRefused(SignInRefused.Reason.INVALID_MOBILE));
	}

}
