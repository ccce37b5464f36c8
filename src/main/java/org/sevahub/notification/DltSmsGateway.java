package org.sevahub.notification;

import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.SmsGateway;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * One-time passwords (citizen sign-in, BSK API-5A) through the same HTTP gateway as the notifications, but at
 * once, not through the outbox: the caller is waiting and an OTP that arrives late is worthless. Each text goes
 * under the OTP template it fits ({@code sevahub.notify.sms.otp-templates}); a text that fits none is not sent,
 * is recorded for the admin, and fails the call, as does a gateway that does not take it.
 */
@Component
@Primary
@Conditional(SmsGatewayConfigured.class)
class DltSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(DltSmsGateway.class);

	private final DltTemplates dlt;

	private final SmsGatewayClient gateway;

	private final NotificationLog notifications;

	private final MeterRegistry meters;

	DltSmsGateway(DltTemplates dlt, SmsGatewayClient gateway, NotificationLog notifications, MeterRegistry meters) {
		this.dlt = dlt;
		this.gateway = gateway;
		this.notifications = notifications;
		this.meters = meters;
	}

	@Override
	public void send(String mobile, String message) {
		Optional<DltTemplates.Registered> template = dlt.forOtp(message);
		if (template.isEmpty()) {
			// The text is not kept: it holds the one-time password.
			notifications.unregistered(null, "otp", "any", null, null, null,
					"an OTP text fits no registered OTP template (" + message.length() + " characters)");
			meters.counter("sevahub.notify.unregistered", "event", "otp", "language", "any").increment();
			log.warn("OTP SMS to {} not sent: its text fits no registered OTP template", SmsGateway.mask(mobile));
			throw new UnregisteredSmsException("The SMS fits no registered DLT template");
		}
		SmsGatewayClient.Outcome outcome = gateway.send(mobile, message, SmsSegments.of(message),
				template.get().templateId(), template.get().entityId(), "otp");
		if (!(outcome instanceof SmsGatewayClient.Outcome.Accepted)) {
			throw new IllegalStateException("The SMS gateway did not take the OTP: " + outcome);
		}
	}

	/** An SMS refused before it left, for want of a DLT registration it fits. */
	static class UnregisteredSmsException extends IllegalStateException {

		UnregisteredSmsException(String message) {
			super(message);
		}

	}

}
