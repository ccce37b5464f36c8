package org.sevahub.notification;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.sevahub.application.Applicant;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.AuditTrail;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The citizen's e-mail as an outbox channel, sent over SMTP by Spring's {@link JavaMailSender}
 * ({@code spring.mail.*}). Every e-mail carries RFC 8058's one-click unsubscribe headers beside the link in its
 * footer; an address that opted out after the e-mail was queued is not written to. A 5xx from the server for the
 * recipient or the message is a refusal; anything else (the server down, a 4xx) is retried.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class EmailChannel extends CitizenChannel {

	static final String CHANNEL = "email";

	record Payload(long notificationId, String language, String subject, String text, String html,
			String oneClickOptOut) {
	}

	private final JavaMailSender mail;

	private final NotifyProperties properties;

	private final EmailOptOuts optOuts;

	private final NotificationLog log;

	private final AuditTrail audit;

	EmailChannel(JavaMailSender mail, NotifyProperties properties, ApplicationRepository applications,
			EmailOptOuts optOuts, NotificationLog log, AuditTrail audit, ObjectMapper json) {
		super(CHANNEL, applications, json);
		this.mail = mail;
		this.properties = properties;
		this.optOuts = optOuts;
		this.log = log;
		this.audit = audit;
	}

	@Override
	public SendResult send(QueuedMessage message) throws JsonProcessingException {
		Payload payload = payload(message.payload(), Payload.class);
		Optional<String> address = address(message.applicationId(), Applicant::email);
		if (address.isEmpty()) {
			log.failed(payload.notificationId(), "The applicant has no e-mail address now");
			return new SendResult.Rejected("no e-mail address");
		}
		if (optOuts.optedOut(address.get())) {
			log.optedOut(payload.notificationId());
			return new SendResult.Delivered("not sent: the citizen opted out of e-mail");
		}
		SendResult result;
		try {
			MimeMessage mime = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(properties.email().from());
			helper.setTo(address.get());
			helper.setSubject(payload.subject());
			helper.setText(payload.text(), payload.html());
			mime.setHeader("Content-Language", payload.language());
			mime.setHeader("List-Unsubscribe", "<" + payload.oneClickOptOut() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			mail.send(mime);
			log.sent(payload.notificationId(), mime.getMessageID());
			result = new SendResult.Delivered(mime.getMessageID());
		}
		catch (MessagingException | MailParseException | MailPreparationException unsendable) {
			result = new SendResult.Rejected("The e-mail could not be written: " + unsendable.getMessage());
		}
		catch (MailException failed) {
			result = refusedForGood(failed) ? new SendResult.Rejected(failed.getMostSpecificCause().getMessage())
					: new SendResult.TransientFailure(failed.getMostSpecificCause().getMessage());
		}
		if (result instanceof SendResult.Rejected rejected) {
			log.failed(payload.notificationId(), rejected.reason());
		}
		audit.record(AuditTrail.Direction.OUT, CHANNEL, "send", message.applicationNo(),
				result.getClass().getSimpleName(), payload.language() + " e-mail \"" + payload.subject() + "\"");
		return result;
	}

	/** A permanent SMTP reply (5xx) for the recipient or the message; not a server that is away or busy. */
	private static boolean refusedForGood(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
				return true;
			}
			if (cause instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
				return true;
			}
			if (cause instanceof MailSendException send) {
				for (Exception each : send.getFailedMessages().values()) {
					if (each != cause && refusedForGood(each)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
