package org.sevahub.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sevahub.application.PersonNames;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.Lifecycle.Messages;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.catalog.ChannelLanguages;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.certificate.Certificate;
import org.sevahub.certificate.CertificateRepository;
import org.sevahub.delivery.Delivery;
import org.sevahub.delivery.DeliveryAdmin;

import org.springframework.stereotype.Component;

/** Builds {@link ApplicationView}s: the one way the pages and the API describe an application. */
@Component
public class ApplicationViews {

	private final ApplicationService applications;

	private final StatusHistory history;

	private final ServiceCatalog catalog;

	private final ChannelLanguages languages;

	private final CertificateRepository certificates;

	private final DeliveryAdmin deliveries;

	ApplicationViews(ApplicationService applications, StatusHistory history, ServiceCatalog catalog,
			CertificateRepository certificates, ChannelLanguages languages, DeliveryAdmin deliveries) {
		this.deliveries = deliveries;
		this.languages = languages;
		this.applications = applications;
		this.history = history;
		this.catalog = catalog;
		this.certificates = certificates;
	}

	public ApplicationView of(Application app) {
		ServiceDefinition service = catalog.get(app.serviceCode());
		Applicant applicant = applications.applicantOf(app);
		Certificate certificate = certificates.findForApplication(app.id()).orElse(null);
		return new ApplicationView(app.applicationNo(), service.code(), service.nameEn(),
				languages.serviceName(service, app.channel()),
				app.status(), PersonNames.mask(applicant.nameEn() != null ? applicant.nameEn() : applicant.nameLocal()),
				app.createdAt(), app.submittedAt(), app.slaDueAt(), service.fee(), app.sanctionedAmount(),
				certificate == null ? null : certificate.certificateNo(),
				certificate == null ? null : certificate.status().name(),
				stages(app),
				nextActions(app));
	}

	private List<ApplicationView.Stage> stages(Application app) {
		Map<Long, List<Delivery>> notSent = deliveries.notSentByHistoryEntry(app.id());
		return history.of(app.id())
			.stream()
			.map(h -> new ApplicationView.Stage(h.status(), h.stage(), h.processKey(), h.activityId(), h.remarks(), h.actor(), h.occurredAt(),
					notSent.getOrDefault(h.id(), List.of())
						.stream()
						.map(d -> new ApplicationView.NotSent(d.portal(), d.lastError()))
						.toList()))
			.toList();
	}

	private Set<String> nextActions(Application app) {
		Set<String> awaited = applications.awaitedMessages(app.applicationNo());
		Set<String> actions = new LinkedHashSet<>();
		if (awaited.contains(Messages.APPLICATION_SUBMITTED)) {
			actions.add("save-draft");
			actions.add("submit");
		}
		if (awaited.contains(Messages.FEE_PAID)) {
			actions.add("pay-fee");
		}
		if (awaited.contains(Messages.CLARIFICATION_REPLIED)) {
			actions.add("reply-clarification");
		}
		if (awaited.contains(Messages.FIRST_APPEAL_FILED)) {
			actions.add("first-appeal");
		}
		if (awaited.contains(Messages.SECOND_APPEAL_FILED)) {
			actions.add("second-appeal");
		}
		if (awaited.contains(Messages.APPLICATION_WITHDRAWN)) {
			actions.add("withdraw");
		}
		return actions;
	}

}
