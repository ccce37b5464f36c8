package org.sevahub.certificate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.NumberSequences;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues and revokes certificates. Issuing twice for one application returns the certificate it already has. */
@Service
public class CertificateService {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final CertificateRepository certificates;

	private final ApplicationRepository applications;

	private final NumberSequences numbers;

	private final ServiceCatalog catalog;

	private final ZoneId zone;

	CertificateService(CertificateRepository certificates, ApplicationRepository applications, NumberSequences numbers,
			ServiceCatalog catalog, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.certificates = certificates;
		this.applications = applications;
		this.numbers = numbers;
		this.catalog = catalog;
		this.zone = zone;
	}

	@Transactional
	public Certificate issue(Application app) {
		var existing = certificates.findForApplication(app.id());
		if (existing.isPresent() && existing.get().status() == CertificateStatus.VALID) {
			return existing.get();
		}
		ServiceDefinition service = catalog.get(app.serviceCode());
		Applicant holder = applications.applicantOf(app);
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		String series = service.initials() + "-" + today.getYear();
		String number = series + "-" + String.format("%06d", numbers.next("certificate:" + series));
		Integer years = service.certificate() == null ? null : service.certificate().validityYears();
		LocalDate validUntil = years == null ? null : today.plusYears(years).minusDays(1);
		Certificate certificate = new Certificate(null, number, app.id(), service.code(), holder.displayName(),
				EngineClock.now(), validUntil, CertificateStatus.VALID, null, null);
		certificates.insert(certificate, render(certificate, service, holder, app));
		return certificates.findByNo(number).orElseThrow();
	}

	@Transactional
	public boolean revoke(Application app, String reason) {
		return certificates.findForApplication(app.id())
			.map(c -> certificates.revoke(c.id(), reason) == 1)
			.orElse(false);
	}

	private byte[] render(Certificate c, ServiceDefinition service, Applicant holder, Application app) {
		Map<String, String> title = service.certificate() == null ? Map.of() : service.certificate().title();
		try (PdfComposer pdf = new PdfComposer(title.getOrDefault("en", service.nameEn()))) {
			pdf.paragraph(service.departmentNames().getOrDefault("en", service.department()), 12);
			pdf.heading(title.getOrDefault("en", service.nameEn()), 20);
			String local = title.get(service.stateLanguage());
			if (local != null) {
				pdf.heading(local, 18);
			}
			pdf.gap(10)
				.field("Certificate No.", c.certificateNo())
				.field("Application No.", app.applicationNo())
				.field("Name", holder.nameEn())
				.field("Name (" + service.stateLanguage() + ")", holder.nameLocal());
			app.formData().forEach((key, value) -> {
				if (!value.isBlank()) {
					pdf.field(key, value);
				}
			});
			pdf.field("Date of issue", DATE.format(c.issuedAt().atZone(zone)))
				.field("Valid until", c.validUntil() == null ? "Lifetime" : DATE.format(c.validUntil()));
			return pdf.toBytes();
		}
	}

}
