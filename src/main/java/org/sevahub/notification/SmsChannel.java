package org.sevahub.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.Applicant;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The citizen's SMS as an outbox channel: queued with the status that caused it, sent by the dispatcher in
 * order per application, retried while the gateway is down (so an outage delays an SMS, never loses it), parked
 * for an admin when the gateway refuses it. The number is read at send time, never stored in the queue.
 */
@Component
@Conditional(SmsGatewayConfigured.class)
class SmsChannel extends CitizenChannel {

	static final String CHANNEL = "sms";

	/** What the queue holds: the text as written at the status, and the DLT registration it goes under. */
	record Payload(long notificationId, String templateId, String entityId, String text) {
	}

	private final SmsGatewayClient gateway;

	private final NotificationLog log;

	SmsChannel(SmsGatewayClient gateway, ApplicationRepository applications, NotificationLog log, ObjectMapper json) {
		super(CHANNEL, applications, json);
		this.gateway = gateway;
		this.log = log;
	}

	@Override
	public SendResult send(QueuedMessage message) throws JsonProcessingException {
		Payload payload = payload(message.payload(), Payload.class);
		String mobile = address(message.applicationId(), Applicant::mobile).orElse(null);
		if (mobile == null) {
			log.failed(payload.notificationId(), "The applicant has no mobile number now");
			return new SendResult.Rejected("no mobile number");
		}
		SmsGatewayClient.Outcome outcome = gateway.send(mobile, payload.text(), SmsSegments.of(payload.text()),
				payload.templateId(), payload.entityId(), message.applicationNo());
		if (outcome instanceof SmsGatewayClient.Outcome.Accepted accepted) {
			log.sent(payload.notificationId(), accepted.messageId());
			return new SendResult.Delivered(accepted.messageId());
		}
		if (outcome instanceof SmsGatewayClient.Outcome.Refused refused) {
			log.failed(payload.notificationId(), "Refused by the gateway: " + refused.code() + " " + refused.reason());
			return new SendResult.Rejected(refused.code() + " " + refused.reason());
		}
		return new SendResult.TransientFailure(((SmsGatewayClient.Outcome.Unavailable) outcome).reason());
	}

}
