package org.sevahub.delivery;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.SmsGateway;
import org.sevahub.application.catalog.ChannelLanguages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the citizen by SMS that a portal will not show their application's progress any more: its own rules
 * closed the application there (ISP takes nothing after a rejection), so it goes on showing an older status.
 * Once per application and portal, in the language of the portal's citizens, after the status's transaction
 * has committed (a status rolled back tells nobody anything). The one place this SMS is sent from.
 */
@Component
class PortalClosedNotice {

	private static final Logger log = LoggerFactory.getLogger(PortalClosedNotice.class);

	private final SmsGateway sms;

	private final ApplicationRepository applications;

	private final MessageSource messages;

	private final ServerBaseUrl baseUrl;

	private final ChannelLanguages languages;

	PortalClosedNotice(SmsGateway sms, ApplicationRepository applications, MessageSource messages,
			ServerBaseUrl baseUrl, ChannelLanguages languages) {
		this.sms = sms;
		this.applications = applications;
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.languages = languages;
	}

	void tell(Application application, String portal) {
		Applicant applicant = applications.applicantOf(application);
		if (applicant.mobile() == null || applicant.mobile().isBlank()) {
			return;
		}
		Locale locale = Locale.forLanguageTag(languages.channelLanguages().getOrDefault(application.channel(), "en"));
		String portalName = messages.getMessage("portalclosed.portal." + portal, null, portal.toUpperCase(Locale.ROOT),
				locale);
		String text = messages.getMessage("portalclosed.sms", new Object[] { application.applicationNo(), portalName,
				baseUrl.publicUrl() + "/applications/" + application.applicationNo() }, locale);
		Runnable send = () -> {
			try {
				sms.send(applicant.mobile(), text);
			}
			catch (RuntimeException failed) {
				// The record stays on the history and the deliveries page; an SMS that did not go is logged.
				log.warn("SMS to {} about application {} closed at {} failed: {}", SmsGateway.mask(applicant.mobile()),
						application.applicationNo(), portal, failed.getMessage());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

}
