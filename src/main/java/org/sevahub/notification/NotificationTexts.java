package org.sevahub.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.delivery.ServerBaseUrl;
import org.sevahub.language.Languages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a notice in the citizen's language from the message bundles ({@code notify.*}): the SMS text (short,
 * dates as dd-MM-yyyy, the shape its DLT template was registered with) and the e-mail (subject, plain text and
 * HTML, dates in words, with the links to the application, the certificate and the opt-out).
 */
@Component
class NotificationTexts {

	static final String OPT_OUT = "email-opt-out";

	/** The names citizens know the portals by, shared with the pages that show what a portal was not sent. */
	private static final String PORTAL_NAME = "portalclosed.portal.";

	private static final DateTimeFormatter SMS_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final MessageSource messages;

	private final ServerBaseUrl baseUrl;

	private final CitizenAccess access;

	private final ITemplateEngine templates;

	private final ZoneId zone;

	NotificationTexts(MessageSource messages, ServerBaseUrl baseUrl, CitizenAccess access, ITemplateEngine templates,
			@Value("${sevahub.time-zone}") ZoneId zone) {
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.access = access;
		this.templates = templates;
		this.zone = zone;
	}

	record Email(String subject, String text, String html, String oneClickOptOut) {
	}

	/** The SMS: {0} application number, {1} deadline, {2} link, {3} fee, {4} certificate number, {5} portal. */
	String sms(Notice notice, Application application, String language) {
		Locale locale = Languages.locale(language);
		String deadline = notice.deadline() == null ? messages.getMessage("notify.deadline.unknown", null, locale)
				: SMS_DATE.format(notice.deadline().atZone(zone));
		return messages.getMessage("notify.sms." + notice.event().key, new Object[] { application.applicationNo(),
				deadline, applicationLink(application), nullToEmpty(notice.amount()), nullToEmpty(notice.certificateNo()),
				portalName(notice, locale) }, locale);
	}

	/**
	 * The e-mail. Body: {0} application number, {1} service, {2} deadline in words, {3} fee, {4} certificate
	 * number, {5} the post that decides next, {6} the portal that closed the application.
	 */
	Email email(Notice notice, Application application, Applicant applicant, ServiceDefinition service,
			String language) {
		Locale locale = Languages.locale(language);
		String deadline = notice.deadline() == null ? messages.getMessage("notify.deadline.unknown", null, locale)
				: DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(notice.deadline().atZone(zone));
		Object[] facts = { application.applicationNo(), service.name(language),
				deadline, nullToEmpty(notice.amount()), nullToEmpty(notice.certificateNo()),
				nullToEmpty(notice.officerPost()), portalName(notice, locale) };
		String subject = messages.getMessage("notify.email." + notice.event().key + ".subject", facts, locale);
		String greeting = messages.getMessage("notify.email.greeting", new Object[] { name(applicant, language) }, locale);
		String body = messages.getMessage("notify.email." + notice.event().key + ".body", facts, locale);
		String remarks = notice.remarks() == null || notice.remarks().isBlank() ? null
				: messages.getMessage("notify.email.remarks", new Object[] { notice.remarks() }, locale);
		String link = applicationLink(application);
		String download = notice.certificateNo() == null ? null : certificateLink(notice.certificateNo());
		String optOut = optOutPage(application, language);

		List<String> text = new ArrayList<>();
		text.add(greeting);
		text.add(body);
		if (remarks != null) {
			text.add(remarks);
		}
		text.add(messages.getMessage("notify.email.link", new Object[] { link }, locale));
		if (download != null) {
			text.add(messages.getMessage("notify.email.download", new Object[] { download }, locale));
		}
		text.add("--\n" + messages.getMessage("notify.email.footer", null, locale) + "\n"
				+ messages.getMessage("notify.email.opt-out", new Object[] { optOut }, locale));

		Context html = new Context(locale);
		html.setVariable("lang", language);
		html.setVariable("subject", subject);
		html.setVariable("greeting", greeting);
		html.setVariable("body", body);
		html.setVariable("remarks", remarks);
		html.setVariable("link", link);
		html.setVariable("download", download);
		html.setVariable("optOut", optOut);
		return new Email(subject, String.join("\n\n", text), templates.process("notify/email", html),
				oneClickOptOut(application));
	}

	/** Whether citizens know the portal by a name (the department's own MIS has none): only those are told of it. */
	boolean namesPortal(String portal) {
		return messages.getMessage(PORTAL_NAME + portal, null, null, Locale.ENGLISH) != null;
	}

	private String portalName(Notice notice, Locale locale) {
		return notice.portal() == null ? "" : messages.getMessage(PORTAL_NAME + notice.portal(), null, locale);
	}

	String applicationLink(Application application) {
		return baseUrl.publicUrl() + "/applications/" + application.applicationNo();
	}

	private String certificateLink(String certificateNo) {
		return baseUrl.publicUrl() + "/certificates/" + certificateNo + ".pdf?key="
				+ access.sign("certificate", certificateNo);
	}

	/** The page that asks the citizen to confirm, in the e-mail's language. */
	private String optOutPage(Application application, String language) {
		return baseUrl.publicUrl() + "/notifications/email/opt-out?a=" + application.applicationNo() + "&k="
				+ access.sign(OPT_OUT, application.applicationNo()) + "&lang=" + encode(language);
	}

	/** RFC 8058's one-click address, which mail clients POST to. */
	private String oneClickOptOut(Application application) {
		return baseUrl.publicUrl() + "/api/v1/notifications/email/opt-out?a=" + application.applicationNo() + "&k="
				+ access.sign(OPT_OUT, application.applicationNo());
	}

	private static String name(Applicant applicant, String language) {
		boolean local = !"en".equals(language) && applicant.nameLocal() != null && !applicant.nameLocal().isBlank();
		String name = local ? applicant.nameLocal() : applicant.nameEn();
		return name == null ? "" : name;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
