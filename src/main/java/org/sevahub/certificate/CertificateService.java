package org.sevahub.certificate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.ApplicantFields;
import org.sevahub.application.form.FormRegistry;
import org.sevahub.delivery.ServerBaseUrl;
import org.sevahub.document.DocumentService;
import org.sevahub.language.ApplicationLanguages;
import org.sevahub.language.Words;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and revokes certificates: a number per service and year, the PDF from the service's template with the
 * holder's names in their scripts and a QR code to /verify/{number}, its XML twin, and a PAdES signature. Stored
 * once; issuing again for the same application returns the certificate it has.
 */
@Service
public class CertificateService {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final CertificateRepository certificates;

	private final ApplicationRepository applications;

	private final CertificateNumbers numbers;

	private final ServiceCatalog catalog;

	private final SigningKeys keys;

	private final ServerBaseUrl baseUrl;

	private final ZoneId zone;

	private final DocumentService documents;

	private final FormRegistry forms;

	private final Words words;

	private final ApplicationLanguages languages;

	CertificateService(CertificateRepository certificates, ApplicationRepository applications, CertificateNumbers numbers,
			ServiceCatalog catalog, SigningKeys keys, ServerBaseUrl baseUrl, @Value("${sevahub.time-zone}") ZoneId zone,
			DocumentService documents, FormRegistry forms, Words words, ApplicationLanguages languages) {
		this.forms = forms;
		this.words = words;
		this.languages = languages;
		this.documents = documents;
		this.certificates = certificates;
		this.applications = applications;
		this.numbers = numbers;
		this.catalog = catalog;
		this.keys = keys;
		this.baseUrl = baseUrl;
		this.zone = zone;
	}

	/** The signing key exists from the first start on, not from the first certificate. */
	@EventListener(ApplicationReadyEvent.class)
	void prepareSigningKey() {
		keys.identity();
	}

	@Transactional
	public Certificate issue(Application app) {
		var existing = certificates.findForApplication(app.id());
		if (existing.isPresent() && existing.get().status() == CertificateStatus.VALID) {
			return existing.get();
		}
		ServiceDefinition service = catalog.get(app.serviceCode());
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		String series = service.initials() + "-" + today.getYear();
		String number = numbers.reserve(app.id(), series);
		Draft draft = draft(app, number);
		certificates.insert(draft.certificate(), sign(draft, render(draft)), CertificateXml.of(draft.certificate(),
				service.nameEn(), service.departmentNames().getOrDefault("en", service.department()), draft.fields(),
				draft.documents(), zone));
		return certificates.findByNo(number).orElseThrow();
	}

	/**
	 * What a certificate will say, before it is laid out, signed and stored.
	 *
	 * @param fields    English label to value, for the XML twin
	 * @param lines     the same fields for the PDF, laid out in {@code state} and English
	 * @param documents the supporting documents the decision relied on, recorded on the certificate
	 */
	record Draft(Certificate certificate, ServiceDefinition service, CertificateTemplate template,
			Map<String, String> fields, List<CertificateRenderer.Line> lines, Locale state, String applicationNo,
			List<DocumentService.ReliedDocument> documents) {

		/** The same certificate laid out in another state's language (the screenshots' specimens). */
		Draft in(Locale language) {
			return new Draft(certificate, service, template, fields, lines, language, applicationNo, documents);
		}

	}

	Draft draft(Application app, String number) {
		ServiceDefinition service = catalog.get(app.serviceCode());
		CertificateTemplate template = CertificateTemplate.load(service.certificate().template());
		Map<String, String> values = values(app);
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		Integer years = service.certificate().validityYears();
		Certificate certificate = new Certificate(null, number, app.id(), service.code(),
				values.getOrDefault(template.holder().name(), ""), blankToNull(values.get(template.holder().nameLocal())),
				date(values.get(template.holder().dob())), service.portalCode("digilocker").orElse(null), EngineClock.now(),
				years == null ? null : today.plusYears(years).minusDays(1), CertificateStatus.VALID, null, null, true);
		List<CertificateRenderer.Line> lines = lines(template, values);
		Map<String, String> fields = new LinkedHashMap<>();
		lines.forEach(line -> fields.put(line.field().label(), line.value()));
		return new Draft(certificate, service, template, fields, lines, languages.stateLanguageOf(app, service.stateLanguage()),
				app.applicationNo(), documents.reliedOn(app));
	}

	byte[] render(Draft draft) {
		return CertificateRenderer.render(draft.certificate(), draft.service(), draft.template(), draft.lines(),
				draft.documents(), draft.applicationNo(), verifyUrl(draft.certificate().certificateNo()),
				new CertificateRenderer.Layout(forms.get(draft.service().form()), draft.state(), words));
	}

	byte[] sign(Draft draft, byte[] pdf) {
		ServiceDefinition service = draft.service();
		return PadesSigner.sign(pdf, keys.identity(), draft.certificate().issuedAt(),
				title(draft.template(), "en", service) + " " + draft.certificate().certificateNo(),
				service.departmentNames().getOrDefault("en", service.department()));
	}

	/**
	 * Revokes the application's certificate.
	 *
	 * @return the number of the certificate revoked; empty when it has none or it is revoked already
	 */
	@Transactional
	public Optional<String> revoke(Application app, String reason) {
		return certificates.findForApplication(app.id())
			.filter(c -> certificates.revoke(c.id(), reason) == 1)
			.map(Certificate::certificateNo);
	}

	/** Revokes a certificate by number (an admin's action); false when there is none or it is revoked already. */
	@Transactional
	public boolean revoke(String certificateNo, String reason) {
		return certificates.findByNo(certificateNo).map(c -> certificates.revoke(c.id(), reason) == 1).orElse(false);
	}

	String verifyUrl(String certificateNo) {
		return baseUrl.publicUrl() + "/verify/" + certificateNo;
	}

	SigningIdentity signingIdentity() {
		return keys.identity();
	}

	/** The form's values, the applicant's under applicant.*, and the sanctioned amount where there is one. */
	private Map<String, String> values(Application app) {
		Applicant applicant = applications.applicantOf(app);
		Map<String, String> values = new LinkedHashMap<>(ApplicantFields.values(applicant));
		values.putAll(app.formData());
		if (app.sanctionedAmount() != null) {
			values.put("sanctionedAmount", app.sanctionedAmount().stripTrailingZeros().toPlainString());
		}
		return values;
	}

	private static List<CertificateRenderer.Line> lines(CertificateTemplate template, Map<String, String> values) {
		List<CertificateRenderer.Line> lines = new ArrayList<>();
		for (CertificateTemplate.Field field : template.fields()) {
			String value = values.get(field.key());
			if (value == null || value.isBlank()) {
				continue;
			}
			lines.add(new CertificateRenderer.Line(field, field.mask() && value.length() > 4
					? "X".repeat(value.length() - 4) + value.substring(value.length() - 4) : value));
		}
		return lines;
	}

	static String title(CertificateTemplate template, String language, ServiceDefinition service) {
		return template.title().getOrDefault(language, service.nameEn());
	}

	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static String formatDate(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

}
