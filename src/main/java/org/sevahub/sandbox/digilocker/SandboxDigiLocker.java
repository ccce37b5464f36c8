package org.sevahub.sandbox.digilocker;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.sevahub.application.EngineClock;
import org.sevahub.delivery.ServerBaseUrl;
import org.sevahub.portal.digilocker.DigiLockerHmac;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The sandbox DigiLocker: pulls a certificate from SevaHub the way DigiLocker does, over HTTP, with
 * DigiLocker's XML, its HMAC header and the API key the department gave it. It remembers the last pulls for
 * the demo page and tests.
 */
@Component
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.digilocker.enabled" }, havingValue = "true")
public class SandboxDigiLocker {

	/** What a DigiLocker user asks for: a document type and the search fields DigiLocker sends for it. */
	public record PullAsk(String docType, String certificateNo, String uid, String fullName, String dob, String format) {
	}

	/** What came back: both calls' status, the URI, the reason when refused, and the sizes of what was pulled. */
	public record Pull(String txn, String uriStatus, String uri, String docStatus, String message, int pdfBytes,
			int xmlBytes, String pdfBase64) {
	}

	private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final RestClient http;

	private final ServerBaseUrl baseUrl;

	private final String orgId;

	private final DigiLockerHmac hmac;

	private final Deque<Pull> recent = new ArrayDeque<>();

	SandboxDigiLocker(RestClient.Builder http, ServerBaseUrl baseUrl,
			@Value("${sevahub.portals.digilocker.org-id}") String orgId,
			@Value("${sevahub.portals.digilocker.api-key}") String apiKey) {
		this.http = http.build();
		this.baseUrl = baseUrl;
		this.orgId = orgId;
		this.hmac = new DigiLockerHmac(apiKey);
	}

	/** Pull URI, then (when found) Pull Doc for that URI: a DigiLocker user saving a certificate. */
	public Pull pull(PullAsk ask) {
		String txn = UUID.randomUUID().toString();
		String format = ask.format() == null || ask.format().isBlank() ? "pdf" : ask.format();
		Map<String, String> uriDetails = new LinkedHashMap<>();
		uriDetails.put("DocType", ask.docType());
		uriDetails.put("DigiLockerId", "123e4567-e89b-12d3-a456-426655440000");
		uriDetails.put("UID", ask.uid());
		uriDetails.put("FullName", ask.fullName());
		uriDetails.put("DOB", ask.dob());
		uriDetails.put("UDF1", ask.certificateNo());
		Map<String, String> uriAnswer = post("/digilocker/pull-uri", request("PullURIRequest", txn, "pdf", uriDetails));
		String uri = uriAnswer.get("URI");
		Pull pull;
		if (!"1".equals(uriAnswer.get("Status")) || uri == null) {
			pull = new Pull(txn, uriAnswer.get("Status"), null, null, uriAnswer.get("Message"), 0, 0, null);
		}
		else {
			Map<String, String> docDetails = new LinkedHashMap<>();
			docDetails.put("URI", uri);
			docDetails.put("DigiLockerId", uriDetails.get("DigiLockerId"));
			docDetails.put("UID", ask.uid());
			docDetails.put("FullName", ask.fullName());
			docDetails.put("DOB", ask.dob());
			Map<String, String> doc = post("/digilocker/pull-doc", request("PullDocRequest", txn, format, docDetails));
			String pdf = doc.get("DocContent");
			String xml = doc.get("DataContent");
			pull = new Pull(txn, uriAnswer.get("Status"), uri, doc.get("Status"), doc.get("Message"),
					pdf == null ? 0 : Base64.getDecoder().decode(pdf).length,
					xml == null ? 0 : Base64.getDecoder().decode(xml).length, pdf);
		}
		synchronized (recent) {
			recent.addFirst(new Pull(pull.txn(), pull.uriStatus(), pull.uri(), pull.docStatus(), pull.message(),
					pull.pdfBytes(), pull.xmlBytes(), null));
			while (recent.size() > 50) {
				recent.removeLast();
			}
		}
		return pull;
	}

	public List<Pull> recent() {
		synchronized (recent) {
			return List.copyOf(recent);
		}
	}

	private Map<String, String> post(String path, byte[] body) {
		return http.post()
			.uri(baseUrl.localUrl() + path)
			.contentType(MediaType.APPLICATION_XML)
			.header("x-digilocker-hmac", hmac.sign(body))
			.body(body)
			.exchange((request, response) -> flatten(response.getBody().readAllBytes()));
	}

	/** DigiLocker's request: namespaced as in its samples, timestamped in IST. */
	private byte[] request(String root, String txn, String format, Map<String, String> details) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement(root);
			xml.writeNamespace("ns2", "http://tempuri.org/");
			xml.writeAttribute("ver", "1.0");
			xml.writeAttribute("ts", OffsetDateTime.ofInstant(EngineClock.now(), ZoneId.of("Asia/Kolkata"))
				.truncatedTo(ChronoUnit.SECONDS)
				.format(TS));
			xml.writeAttribute("txn", txn);
			xml.writeAttribute("orgId", orgId);
			xml.writeAttribute("format", format);
			xml.writeStartElement("DocDetails");
			for (Map.Entry<String, String> detail : details.entrySet()) {
				if (detail.getValue() != null && !detail.getValue().isBlank()) {
					xml.writeStartElement(detail.getKey());
					xml.writeCharacters(detail.getValue());
					xml.writeEndElement();
				}
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			return out.toString().getBytes(StandardCharsets.UTF_8);
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The answer's ResponseStatus/@Status and every DocDetails child, by name. */
	private static Map<String, String> flatten(byte[] answer) {
		Map<String, String> values = new LinkedHashMap<>();
		try {
			XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(answer));
			String element = null;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					element = reader.getLocalName();
					if ("ResponseStatus".equals(element)) {
						values.put("Status", reader.getAttributeValue(null, "Status"));
					}
				}
				else if (event == XMLStreamConstants.CHARACTERS && element != null && !"ResponseStatus".equals(element)) {
					values.merge(element, reader.getText(), String::concat);
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					element = null;
				}
			}
		}
		catch (XMLStreamException ex) {
			values.put("Status", "garbled");
			values.put("Message", "The issuer's answer is not XML: " + ex.getMessage());
		}
		return values;
	}

}
