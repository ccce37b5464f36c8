package org.sevahub.notification;

import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationStatus;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.certificate.CertificateRepository;
import org.sevahub.delivery.DeliveryOutbox;
import org.sevahub.delivery.PortalClosed;
import org.sevahub.workflow.AppealClock;
import org.sevahub.workflow.ServiceDelivered;
import org.sevahub.workflow.SlaBreached;
import org.sevahub.workflow.SlaClock;
import org.sevahub.workflow.StatusRecorded;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the citizen of every step that asks something of them or decides something for them: submission, fee
 * due, clarification sought, decision, certificate issued, appeal filed and decided, a missed statutory deadline,
 * and a portal that will no longer show the application's progress.
 * Runs in the engine's transaction (the events are published there), so a notice is queued if and only if its
 * step happened. An SMS whose DLT registration is missing or does not fit is not queued: it is recorded for the
 * admin ({@code /admin/notifications}) and counted, and the step goes on.
 */
@Component
@ConditionalOnProperty(name = "sevahub.notify.enabled", havingValue = "true", matchIfMissing = true)
class CitizenNotifications {

	private static final Logger log = LoggerFactory.getLogger(CitizenNotifications.class);

	private final ApplicationRepository applications;

	private final ServiceCatalog catalog;

	private final StatusHistory history;

	private final CertificateRepository certificates;

	private final AppealClock appealClock;

	private final NoticeDeadlines deadlines;

	private final CitizenLanguage languages;

	private final NotificationTexts texts;

	private final DltTemplates dlt;

	private final NotificationLog notifications;

	private final EmailOptOuts optOuts;

	private final DeliveryOutbox outbox;

	private final ObjectProvider<SmsChannel> sms;

	private final ObjectProvider<EmailChannel> email;

	private final MeterRegistry meters;

	CitizenNotifications(ApplicationRepository applications, ServiceCatalog catalog, StatusHistory history,
			CertificateRepository certificates, AppealClock appealClock, NoticeDeadlines deadlines, CitizenLanguage languages,
			NotificationTexts texts, DltTemplates dlt, NotificationLog notifications, EmailOptOuts optOuts,
			DeliveryOutbox outbox, ObjectProvider<SmsChannel> sms, ObjectProvider<EmailChannel> email,
			MeterRegistry meters) {
		this.applications = applications;
		this.catalog = catalog;
		this.history = history;
		this.certificates = certificates;
		this.appealClock = appealClock;
		this.deadlines = deadlines;
		this.languages = languages;
		this.texts = texts;
		this.dlt = dlt;
		this.notifications = notifications;
		this.optOuts = optOuts;
		this.outbox = outbox;
		this.sms = sms;
		this.email = email;
		this.meters = meters;
		if (sms.getIfAvailable() == null) {
			log.warn("No SMS gateway is configured (sevahub.notify.sms.gateway.url) and the sandbox is off: "
					+ "citizens are not told of their applications' steps by SMS");
		}
	}

	@EventListener
	void statusRecorded(StatusRecorded recorded) {
		notice(recorded).ifPresent(notice -> send(recorded.application(), recorded.service(), notice));
	}

	@EventListener
	void slaBreached(SlaBreached breached) {
		DelegateExecution execution = breached.execution();
		ServiceDefinition service = catalog.get(breached.application().serviceCode());
		int appeals = appealsFiled(breached.application());
		Notice notice = Notice.of(NotificationEvent.SLA_BREACH, SlaClock.BREACH);
		if (appeals == 0) {
			// Where the rules deem the application decided, that decision's own notice follows at once.
			if (!"escalate".equals(execution.getVariable(Variables.BREACH_ACTION))) {
				return;
			}
			notice = notice.by(appealClock.firstFilingDeadline(execution).toInstant())
				.officer(post(service, ServiceDefinition.Officers::firstAppellate));
		}
		else if (appeals == 1) {
			notice = notice.by(appealClock.secondFilingDeadline(execution).toInstant())
				.officer(post(service, ServiceDefinition.Officers::secondAppellate));
		}
		else {
			// The second appellate officer is late: no further appeal lies; the page shows the breach.
			return;
		}
		send(breached.application(), service, notice);
	}

	@EventListener
	void serviceDelivered(ServiceDelivered delivered) {
		Application application = delivered.application();
		certificates.findForApplication(application.id())
			.ifPresent(certificate -> send(application, catalog.get(application.serviceCode()),
					Notice.of(NotificationEvent.CERTIFICATE_ISSUED, application.status())
						.certificate(certificate.certificateNo())));
	}

	@EventListener
	void portalClosed(PortalClosed closed) {
		Application application = closed.application();
		if (texts.namesPortal(closed.portal())) {
			send(application, catalog.get(application.serviceCode()),
					Notice.of(NotificationEvent.PORTAL_CLOSED, application.status()).portal(closed.portal()));
		}
	}

	private Optional<Notice> notice(StatusRecorded recorded) {
		DelegateExecution execution = recorded.execution();
		ServiceDefinition service = recorded.service();
		String status = recorded.entry().status();
		String remarks = recorded.entry().remarks();
		ApplicationStatus canonical;
		try {
			canonical = ApplicationStatus.valueOf(status);
		}
		catch (IllegalArgumentException notCanonical) {
			return Optional.empty();
		}
		Notice notice = switch (canonical) {
			case SUBMITTED -> Notice.of(NotificationEvent.SUBMITTED, status).by(recorded.application().slaDueAt());
			case FEE_PENDING -> Notice.of(NotificationEvent.FEE_DUE, status)
				.by(deadlines.ofNextStep(execution).orElse(null))
				.amount(fee(execution, service));
			case CLARIFICATION_SOUGHT -> Notice.of(NotificationEvent.CLARIFICATION, status)
				.by(deadlines.ofNextStep(execution).orElse(null))
				.remarks(remarks);
			case APPROVED -> Notice.of(NotificationEvent.APPROVED, status).remarks(remarks);
			case REJECTED -> deadlines.opensCalledProcess(execution)
					? Notice.of(NotificationEvent.REJECTED, status)
						.by(appealClock.firstFilingDeadline(execution).toInstant())
						.officer(post(service, ServiceDefinition.Officers::firstAppellate))
						.remarks(remarks)
					: Notice.of(NotificationEvent.REJECTED_FINAL, status).remarks(remarks);
			case APPEAL_FILED -> Notice.of(NotificationEvent.APPEAL_FILED, status)
				.by(deadlines.ofNextStep(execution).orElse(null))
				.officer(post(service, appealsFiled(recorded.application()) > 1 ? ServiceDefinition.Officers::secondAppellate
						: ServiceDefinition.Officers::firstAppellate));
			case APPEAL_ALLOWED -> Notice.of(NotificationEvent.APPEAL_ALLOWED, status).remarks(remarks);
			case APPEAL_DISMISSED -> appealsFiled(recorded.application()) > 1
					? Notice.of(NotificationEvent.APPEAL_DISMISSED_FINAL, status).remarks(remarks)
					// The second-appeal window runs from this order (the appeal clock notes it just after this).
					: Notice.of(NotificationEvent.APPEAL_DISMISSED, status)
						.by(deadlines.calendarDays(execution, service.appeal().secondFilingDays()))
						.officer(post(service, ServiceDefinition.Officers::secondAppellate))
						.remarks(remarks);
			default -> null;
		};
		return Optional.ofNullable(notice);
	}

	private void send(Application application, ServiceDefinition service, Notice notice) {
		Applicant applicant = applications.applicantOf(application);
		String language = languages.of(application);
		if (applicant.mobile() != null && !applicant.mobile().isBlank()) {
			sms.ifAvailable(channel -> queueSms(channel, application, notice, language));
		}
		if (applicant.email() != null && !applicant.email().isBlank() && !optOuts.optedOut(applicant.email())) {
			email.ifAvailable(channel -> queueEmail(channel, application, applicant, service, notice, language));
		}
	}

	private void queueSms(SmsChannel channel, Application application, Notice notice, String language) {
		String event = notice.event().key;
		String text;
		try {
			text = texts.sms(notice, application, language);
		}
		catch (NoSuchMessageException missing) {
			unregistered(application, event, language, null, null, null, "no text notify.sms." + event + " in the bundles");
			return;
		}
		Optional<DltTemplates.Registered> template = dlt.forEvent(event, language);
		if (template.isEmpty()) {
			unregistered(application, event, language, null, null, text,
					"no DLT template is registered for " + event + " in " + language);
			return;
		}
		Optional<String> refusal = template.get().refusal(text);
		if (refusal.isPresent()) {
			unregistered(application, event, language, template.get().templateId(), template.get().entityId(), text,
					"does not fit DLT template " + template.get().templateId() + ": " + refusal.get());
			return;
		}
		long id = notifications.queued(application.id(), SmsChannel.CHANNEL, event, language,
				template.get().templateId(), template.get().entityId(), SmsSegments.of(text), text);
		outbox.enqueue(application, SmsChannel.CHANNEL, notice.status(), channel.message(
				new SmsChannel.Payload(id, template.get().templateId(), template.get().entityId(), text)));
		meters.counter("sevahub.notify.queued", "channel", SmsChannel.CHANNEL, "event", event).increment();
	}

	private void queueEmail(EmailChannel channel, Application application, Applicant applicant,
			ServiceDefinition service, Notice notice, String language) {
		String event = notice.event().key;
		NotificationTexts.Email mail;
		try {
			mail = texts.email(notice, application, applicant, service, language);
		}
		catch (NoSuchMessageException missing) {
			log.warn("No e-mail text for {} in {}: application {} is not written to", event, language,
					application.applicationNo());
			return;
		}
		long id = notifications.queued(application.id(), EmailChannel.CHANNEL, event, language, null, null, null,
				mail.subject());
		outbox.enqueue(application, EmailChannel.CHANNEL, notice.status(), channel.message(new EmailChannel.Payload(id,
				language, mail.subject(), mail.text(), mail.html(), mail.oneClickOptOut())));
		meters.counter("sevahub.notify.queued", "channel", EmailChannel.CHANNEL, "event", event).increment();
	}

	private void unregistered(Application application, String event, String language, String templateId,
			String entityId, String text, String reason) {
		notifications.unregistered(application.id(), event, language, templateId, entityId, text, reason);
		meters.counter("sevahub.notify.unregistered", "event", event, "language", language).increment();
		log.warn("SMS {} ({}) for application {} not sent: {}", event, language, application.applicationNo(), reason);
	}

	private int appealsFiled(Application application) {
		return (int) history.of(application.id())
			.stream()
			.filter(entry -> ApplicationStatus.APPEAL_FILED.name().equals(entry.status()))
			.count();
	}

	private static String fee(DelegateExecution execution, ServiceDefinition service) {
		Object amount = execution.getVariable(Variables.FEE_AMOUNT);
		return amount != null ? amount.toString() : service.fee().toPlainString();
	}

	/** The post that decides next, as the catalog names it; a catalog entry may leave it out. */
	private static String post(ServiceDefinition service,
			Function<ServiceDefinition.Officers, ServiceDefinition.Officer> which) {
		return Optional.ofNullable(service.officers()).map(which).map(ServiceDefinition.Officer::role).orElse(null);
	}

}
