package org.sevahub.portal.isp;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.Application;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;
import org.sevahub.application.PortalLink;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.office.OfficeAssignments;
import org.sevahub.delivery.QueuedHistory;
import org.sevahub.delivery.OutboundMessage;
import org.sevahub.delivery.PortalConnector;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.delivery.ServerBaseUrl;
import org.sevahub.delivery.StatusChange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tells ISP of every status of an application it handed over: {@code returnApplicationAcknowledgement} once
 * at submission (S104), {@code returnDeliveredServiceStatus} at delivery (S112) with the certificate, and
 * {@code returnServiceStatus} for everything else. A code ISP's order rules would refuse is not sent: it is
 * recorded as "not sent: closed at the portal" (so a refusal never holds back the statuses after it). A
 * rejection is held or sent at once as {@code after-rejection} in the status map says.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.isp.enabled", havingValue = "true")
class IspConnector implements PortalConnector {

	static final String ACKNOWLEDGEMENT = "returnApplicationAcknowledgement";

	static final String STATUS = "returnServiceStatus";

	static final String DELIVERED = "returnDeliveredServiceStatus";

	/** ISP's answers that mean it has the message already: the resend did its job. */
	private static final Pattern ALREADY = Pattern.compile("(?i)already (received|submitted|exists|delivered)");

	/** ISP's answers about the message itself; sending it again unchanged cannot help. */
	private static final Pattern REFUSED = Pattern.compile("(?i)(not accepted|invalid|required|mismatch|not found)");

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final IspClient client;

	private final IspProperties properties;

	private final IspStatusMap statuses;

	private final QueuedHistory queued;

	private final IssuedDocuments documents;

	private final CitizenAccess access;

	private final ServerBaseUrl baseUrl;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final OfficeAssignments offices;

	IspConnector(IspClient client, IspProperties properties, QueuedHistory queued, IssuedDocuments documents,
			CitizenAccess access, ServerBaseUrl baseUrl, ObjectMapper json, @Value("${sevahub.time-zone}") ZoneId zone,
			OfficeAssignments offices) {
		this.offices = offices;
		this.client = client;
		this.properties = properties;
		this.statuses = IspStatusMap.load(properties.statusMap());
		this.queued = queued;
		this.documents = documents;
		this.access = access;
		this.baseUrl = baseUrl;
		this.json = json;
		this.zone = zone;
	}

	@Override
	public String portal() {
		return IspClient.PORTAL;
	}

	@Override
	public List<OutboundMessage> messagesFor(StatusChange change) {
		Optional<IspStatusMap.Entry> entry = statuses.entry(change.status());
		if (entry.isEmpty()) {
			return List.of();
		}
		String code = entry.get().code();
		List<String> sent = new ArrayList<>();
		for (OutboundMessage earlier : queued.of(change.application().id(), portal())) {
			sent.add(String.valueOf(read(earlier.payload()).get("status_code")));
		}
		List<OutboundMessage> messages = new ArrayList<>();
		IspStatusMap.AfterRejection afterRejection = statuses.afterRejection();
		boolean hold = afterRejection.holds() && REJECTED.equals(change.status()) && code.equals(IspOrderRules.REJECTED);
		if (hold && afterRejection.meanwhile() != null
				&& IspOrderRules.refusal(sent, afterRejection.meanwhile().code()) == null) {
			IspStatusMap.Entry meanwhile = afterRejection.meanwhile();
			messages.add(new OutboundMessage(STATUS, write(fields(STATUS, meanwhile.code(), meanwhile, change))));
			sent.add(meanwhile.code());
		}
		String kind = code.equals(IspOrderRules.SUBMITTED) ? ACKNOWLEDGEMENT
				: code.equals(IspOrderRules.DELIVERED) ? DELIVERED : STATUS;
		String refusal = IspOrderRules.refusal(sent, code);
		if (refusal != null) {
			messages.add(OutboundMessage.notSent(kind, code + " for " + change.status() + ": " + refusal
					+ " (ISP's order rules, Annexure A)"));
			return messages;
		}
		String payload = write(fields(kind, code, entry.get(), change));
		messages.add(hold ? OutboundMessage.heldUntil(kind, payload, firstAppealLapses(change)) : new OutboundMessage(kind, payload));
		return messages;
	}

	/** The canonical status whose S110 may be held: the designated officer's rejection, open to first appeal. */
	private static final String REJECTED = "REJECTED";

	/**
	 * When the first-appeal period after a rejection has lapsed: the end of the last day of the service's
	 * {@code first-filing-days}, counted in calendar days from the day of the order, in the department's time
	 * zone. This is the rule the appeal process's timer follows (Right to Services appeal windows run in
	 * calendar days), so S110 leaves when an appeal can no longer be filed.
	 */
	private Instant firstAppealLapses(StatusChange change) {
		return change.entry()
			.occurredAt()
			.atZone(zone)
			.toLocalDate()
			.plusDays(change.service().appeal().firstFilingDays())
			.atTime(java.time.LocalTime.of(23, 59, 59))
			.atZone(zone)
			.toInstant();
	}

	@Override
	public SendResult send(QueuedMessage message) throws IOException {
		IspClient.Answer answer = client.call("isp/v1/" + message.kind(), read(message.payload()), message.applicationNo());
		if (answer.successful()) {
			return new SendResult.Delivered(message.kind() + " SUCCESSFUL");
		}
		if (ALREADY.matcher(answer.error()).find()) {
			return new SendResult.AlreadyReceived(answer.error());
		}
		if (answer.httpStatus() < 500 && REFUSED.matcher(answer.error()).find()) {
			return new SendResult.Rejected(answer.error());
		}
		// The manual asks for retries "till it is finally delivered" whatever the failure, 400s included.
		return new SendResult.TransientFailure("ISP answered " + answer.httpStatus() + " FAILED: " + answer.error());
	}

	/** The fields of ISP's tables for this service call, in the order the manual lists them. */
	private Map<String, Object> fields(String kind, String code, IspStatusMap.Entry entry, StatusChange change) {
		Application app = change.application();
		ServiceDefinition service = change.service();
		PortalLink link = change.link();
		Map<String, Object> isp = service.portalSettings(portal());
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("request_id", link.externalRef());
		f.put("applicant_id", link.attributes().getOrDefault("applicant_id", ""));
		f.put("service_code", link.attributes().getOrDefault("service_code", service.portalCode(portal()).orElse("")));
		f.put("application_id", app.applicationNo());
		String remarks = change.entry().remarks() == null ? "" : change.entry().remarks();
		String time = timestamp(change.entry().occurredAt());
		if (kind.equals(DELIVERED)) {
			Optional<IssuedDocument> document = documents.forApplication(app.id());
			f.put("certificate_url", document.map(IssuedDocument::downloadUrl).orElse(""));
			f.put("certificate_no", document.map(IssuedDocument::number).orElse(""));
			f.put("status_code", code);
			f.put("action_taken_time", time);
			f.put("dbt_amount", service.dbt() && app.sanctionedAmount() != null
					? app.sanctionedAmount().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() : "");
			f.put("remarks", truncate(remarks));
			f.put("certificate_expiry_date", document.map(IssuedDocument::validUntil)
				.map(date -> date.toString())
				.orElse("999999"));
			blanks(f, 1);
			return f;
		}
		if (kind.equals(ACKNOWLEDGEMENT)) {
			f.put("application_url", baseUrl.publicUrl() + "/applications/" + app.applicationNo() + "/receipt.pdf?key="
					+ access.sign("receipt", app.applicationNo()));
		}
		f.put("status_code", code);
		f.put("remarks", truncate(remarks));
		f.put("pendency_level", statuses.pendencyLevel(entry.pendingWith()));
		f.put("pending_with_officer", officer(entry.pendingWith(), service));
		f.put("action_taken_time", time);
		if (kind.equals(ACKNOWLEDGEMENT)) {
			// Where the application is processed and where each officer sits come from the office it was routed
			// to (offices.yml); the catalog's codes stand in for an office without ISP codes.
			f.put("selected_district_for_processing_application", offices.portalSetting(app, null, "isp", "district")
				.orElse(link.attributes().getOrDefault("residential_district", setting(isp, "district-code"))));
			f.put("designated_code", setting(isp, "designated-code"));
			f.put("designated_location_code", location(app, OfficeAssignments.DESIGNATED, isp, "designated-location-code"));
			f.put("designated_target_date", app.slaDueAt() == null ? "" : app.slaDueAt().atZone(zone).toLocalDate().toString());
			f.put("first_appellate_code", setting(isp, "first-appellate-code"));
			f.put("first_appellate_location_code",
					location(app, OfficeAssignments.FIRST_APPELLATE, isp, "first-appellate-location-code"));
			f.put("first_appellate_days", String.valueOf(service.officers().firstAppellate().days()));
			f.put("second_appellate_code", setting(isp, "second-appellate-code"));
			f.put("second_appellate_location_code",
					location(app, OfficeAssignments.SECOND_APPELLATE, isp, "second-appellate-location-code"));
			f.put("second_appellate_days", String.valueOf(service.officers().secondAppellate().days()));
		}
		f.put("d1", entry.pendingWith().equals("citizen") || entry.pendingWith().equals("none") ? "NA"
				: setting(isp, "officer-contact", "NA"));
		blanks(f, 2);
		return f;
	}

	private String location(Application app, String post, Map<String, Object> isp, String catalogKey) {
		return offices.portalSetting(app, post, "isp", "location-code").orElse(setting(isp, catalogKey));
	}

	private static String officer(String pendingWith, ServiceDefinition service) {
		return switch (pendingWith) {
			case "assistant" -> "Dealing Assistant";
			case "designated" -> service.officers().designated().role();
			case "first-appellate" -> service.officers().firstAppellate().role();
			case "second-appellate" -> service.officers().secondAppellate().role();
			default -> "NA";
		};
	}

	private static void blanks(Map<String, Object> fields, int from) {
		for (int i = from; i <= 20; i++) {
			fields.put("d" + i, "");
		}
	}

	private static String setting(Map<String, Object> isp, String key) {
		return setting(isp, key, "");
	}

	private static String setting(Map<String, Object> isp, String key, String fallback) {
		Object value = isp.get(key);
		return value == null ? fallback : value.toString();
	}

	private String timestamp(Instant at) {
		return DateTimeFormatter.ofPattern(properties.timestampFormat()).format(at.atZone(zone));
	}

	private static String truncate(String text) {
		return text.length() <= 2000 ? text : text.substring(0, 2000);
	}

	private Map<String, Object> read(String payload) {
		try {
			return json.readValue(payload, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable ISP payload", ex);
		}
	}

	private String write(Map<String, Object> fields) {
		try {
			return json.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
