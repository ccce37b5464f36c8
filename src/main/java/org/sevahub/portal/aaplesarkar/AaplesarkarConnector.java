package org.sevahub.portal.aaplesarkar;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.Application;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;
import org.sevahub.application.PortalLink;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.delivery.OutboundMessage;
import org.sevahub.delivery.PortalConnector;
import org.sevahub.delivery.QueuedHistory;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.delivery.StatusChange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tells Aaple Sarkar of every status of an application it handed over, through pullWebService's
 * {@code SetAppStatus(EncyKey, DeptCode)} (document 3.3, 3.2): the 20 fields are decided when the status is
 * recorded (ApplicationStatus from the YAML map, payment and signature flags and dates, the SLA's estimate), the
 * checksum and encryption when it is sent. A push identical to the one before it is not queued twice.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.aaplesarkar.enabled", havingValue = "true")
class AaplesarkarConnector implements PortalConnector {

	static final String SET_APP_STATUS = "SetAppStatus";

	/** The request string's fields in the document's order (the 21st, CheckSum, is computed at send time). */
	static final List<String> FIELDS = List.of("TrackID", "ClientCode", "UserID", "ServiceID", "ApplicationID",
			"PaymentStatus", "PaymentDate", "DigitalSignStatus", "DigitalSignDate", "EstimatedServiceDays",
			"EstimatedServiceDate", "Amount", "RequestFlag", "ApplicationStatus", "Remark", "UD1", "UD2", "UD3", "UD4",
			"UD5");

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final AaplesarkarClient client;

	private final AaplesarkarPayments payments;

	private final AaplesarkarStatusMap statuses = AaplesarkarStatusMap.load();

	private final QueuedHistory queued;

	private final IssuedDocuments documents;

	private final ObjectMapper json;

	private final ZoneId zone;

	AaplesarkarConnector(AaplesarkarClient client, AaplesarkarPayments payments, QueuedHistory queued,
			IssuedDocuments documents, ObjectMapper json, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.client = client;
		this.payments = payments;
		this.queued = queued;
		this.documents = documents;
		this.json = json;
		this.zone = zone;
	}

	@Override
	public String portal() {
		return AaplesarkarClient.PORTAL;
	}

	@Override
	public List<OutboundMessage> messagesFor(StatusChange change) {
		Optional<AaplesarkarStatusMap.Entry> entry = statuses.entry(change.status());
		if (entry.isEmpty()) {
			return List.of();
		}
		Map<String, String> fields = fields(entry.get(), change);
		List<OutboundMessage> earlier = queued.of(change.application().id(), portal());
		if (!earlier.isEmpty() && read(earlier.get(earlier.size() - 1).payload()).equals(fields)) {
			return List.of();
		}
		return List.of(new OutboundMessage(SET_APP_STATUS, write(fields)));
	}

	@Override
	public SendResult send(QueuedMessage message) throws Exception {
		String finalString = finalString(read(message.payload()), client.codec());
		AaplesarkarClient.StatusAnswer answer;
		try {
			answer = client.setAppStatus(finalString, message.applicationNo());
		}
		catch (AaplesarkarSoap.AaplesarkarSoapException fault) {
			if (fault.clientFault()) {
				// soap:Client: MahaIT says the request is wrong; the same request again would be refused again.
				return new SendResult.Rejected("SOAP fault " + fault.faultCode() + ": " + fault.getMessage());
			}
			// soap:Server ("Server was unable to process request", ASMX's answer to any exception on MahaIT's side),
			// or an answer SevaHub could not read: worth another try.
			return new SendResult.TransientFailure("SOAP fault " + fault.faultCode() + ": " + fault.getMessage());
		}
		if (answer.success()) {
			return new SendResult.Delivered("Success");
		}
		if (answer.error() != null) {
			return new SendResult.Rejected("error: " + answer.error());
		}
		return new SendResult.Rejected("status " + answer.status());
	}

	/** The 21-field pipe string: the 20 fields and their checksum (the checksum key in its place while computing). */
	static String finalString(Map<String, String> fields, AaplesarkarCodec codec) {
		List<String> values = new ArrayList<>();
		for (String name : FIELDS) {
			values.add(fields.getOrDefault(name, "NA"));
		}
		String checksum = codec.keyedChecksum(values);
		return String.join("|", values) + "|" + checksum;
	}

	private Map<String, String> fields(AaplesarkarStatusMap.Entry entry, StatusChange change) {
		Application app = change.application();
		ServiceDefinition service = change.service();
		PortalLink link = change.link();
		LocalDate today = change.entry().occurredAt().atZone(zone).toLocalDate();
		Map<String, String> f = new LinkedHashMap<>();
		f.put("TrackID", link.externalRef());
		f.put("ClientCode", client.properties().clientCode());
		f.put("UserID", link.attributes().getOrDefault("UserID", "NA"));
		f.put("ServiceID", link.attributes().getOrDefault("ServiceID", service.portalCode(portal()).orElse("NA")));
		f.put("ApplicationID", app.applicationNo());
		Optional<AaplesarkarPayments.Payment> paid = payments.paid(app.applicationNo());
		f.put("PaymentStatus", paid.isPresent() ? "Y" : "N");
		f.put("PaymentDate", paid.map(p -> p.receivedAt().atZone(zone).toLocalDate().toString()).orElse("NA"));
		Optional<IssuedDocument> signed = documents.forApplication(app.id()).filter(d -> d.signed() && !d.revoked());
		f.put("DigitalSignStatus", signed.isPresent() ? "Y" : "N");
		f.put("DigitalSignDate", signed.map(d -> d.issuedAt().atZone(zone).toLocalDate().toString()).orElse("NA"));
		LocalDate due = app.slaDueAt() == null ? null : app.slaDueAt().atZone(zone).toLocalDate();
		f.put("EstimatedServiceDays", due == null ? "0" : Long.toString(Math.max(0, ChronoUnit.DAYS.between(today, due))));
		f.put("EstimatedServiceDate", due == null ? "NA" : due.toString());
		f.put("Amount", paid.map(AaplesarkarPayments.Payment::amount).orElse(service.fee())
			.setScale(2, RoundingMode.HALF_UP)
			.toPlainString());
		f.put("RequestFlag", entry.requestFlag());
		f.put("ApplicationStatus", entry.code());
		String remarks = change.entry().remarks();
		f.put("Remark", remark(remarks == null || remarks.isBlank()
				? entry.remark() == null ? change.status() : entry.remark() : remarks));
		// UD1/UD2 are compulsory for Urban Development only: MahaIT's ULB id and ULB district, when it gave them.
		f.put("UD1", link.attributes().getOrDefault("UD1", "NA"));
		f.put("UD2", link.attributes().getOrDefault("UD2", "NA"));
		f.put("UD3", "NA");
		f.put("UD4", "NA");
		f.put("UD5", "NA");
		return f;
	}

	/** A remark cannot carry the field separator or line breaks; Aaple Sarkar's column is taken as 500. */
	static String remark(String text) {
		String clean = text.replace('|', '/').replaceAll("[\\r\\n\\t]+", " ").strip();
		return clean.length() <= 500 ? clean : clean.substring(0, 500);
	}

	private Map<String, String> read(String payload) {
		try {
			return json.readValue(payload, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable Aaple Sarkar payload", ex);
		}
	}

	private String write(Map<String, String> fields) {
		try {
			return json.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
