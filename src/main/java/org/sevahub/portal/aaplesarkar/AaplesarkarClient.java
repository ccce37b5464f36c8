package org.sevahub.portal.aaplesarkar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.AuditTrail;
import org.sevahub.delivery.ServerBaseUrl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls Aaple Sarkar: the two ASMX web methods over SOAP (GetParameterNew for the hand-over, SetAppStatus for
 * statuses) and the payment's ValidateRequest over JSON. Every call is audited by its TrackID, ApplicationID and
 * outcome only: the request strings carry the citizen's name, mobile number and officers' remarks.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.aaplesarkar.enabled", havingValue = "true")
class AaplesarkarClient {

	static final String PORTAL = "aaplesarkar";

	private final AaplesarkarProperties properties;

	private final AaplesarkarCodec codec;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final ObjectMapper json;

	private final AuditTrail audit;

	AaplesarkarClient(AaplesarkarProperties properties, ServerBaseUrl baseUrl, RestClient.Builder http,
			ClientHttpRequestFactoryBuilder<?> requestFactories, ObjectMapper json, AuditTrail audit) {
		this.properties = properties;
		this.codec = properties.codec();
		this.baseUrl = baseUrl;
		// Every call waits on a citizen's request (landing, pay button) or a delivery worker: never without a limit.
		this.http = http.requestFactory(requestFactories.build(ClientHttpRequestFactorySettings.defaults()
				.withConnectTimeout(properties.connectTimeout())
				.withReadTimeout(properties.readTimeout())))
			.build();
		this.json = json;
		this.audit = audit;
	}

	AaplesarkarCodec codec() {
		return codec;
	}

	AaplesarkarProperties properties() {
		return properties;
	}

	/**
	 * pushWebService: {@code GetParameterNew(str, ClientCode)}; the answer decrypted and read as {@code <ResMessage>}'s
	 * fields. The MD5 password it carries is dropped here, before anything else sees the answer.
	 */
	Map<String, String> getParameterNew(String str, String reference) throws IOException {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("str", str);
		parameters.put("ClientCode", properties.clientCode());
		String result = soap("GetParameterNew", parameters, reference);
		Map<String, String> fields = resMessage(codec.decrypt(result.strip()));
		fields.remove("Password");
		audit.record(AuditTrail.Direction.OUT, PORTAL, "GetParameterNew", reference, fields.getOrDefault("Response", "?"),
				"TrackId " + fields.get("TrackId") + ", UserID " + fields.get("UserID"));
		return fields;
	}

	/** pullWebService: {@code SetAppStatus(EncyKey, DeptCode)}; the plain answer's {@code status} or {@code error}. */
	StatusAnswer setAppStatus(String finalString, String reference) throws IOException {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("EncyKey", codec.encrypt(finalString));
		parameters.put("DeptCode", properties.clientCode());
		String result = soap("SetAppStatus", parameters, reference);
		Map<String, String> answer = resMessage(result.strip());
		StatusAnswer status = new StatusAnswer(answer.get("status"), answer.get("error"));
		String[] f = finalString.split("\\|", -1);
		audit.record(AuditTrail.Direction.OUT, PORTAL, "SetAppStatus", reference,
				status.success() ? "Success" : status.status() != null ? status.status() : "error",
				(status.error() == null ? "" : status.error() + " | ") + "TrackID " + field(f, 0) + ", ApplicationID "
						+ field(f, 4) + ", ApplicationStatus " + field(f, 13));
		return status;
	}

	/** ValidateRequest: {@code {webstr, deptcode}}, answered with a key or errors. */
	PaymentKey validateRequest(String finalString, String reference) {
		String webstr = codec.encrypt(finalString);
		Map<String, String> body = new LinkedHashMap<>();
		body.put("webstr", webstr);
		body.put("deptcode", properties.clientCode());
		JsonNode answer = http.post()
			.uri(paymentUrl() + "/ValidateRequest")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> {
				byte[] bytes = response.getBody().readAllBytes();
				try {
					return json.readTree(bytes);
				}
				catch (IOException notJson) {
					return json.createObjectNode().put("Errors", "HTTP " + response.getStatusCode().value()
							+ ": not Aaple Sarkar's JSON answer");
				}
			});
		String key = text(answer, "Key");
		String errors = text(answer, "Errors");
		if (errors == null) {
			errors = text(answer, "Error");
		}
		String[] f = finalString.split("\\|", -1);
		audit.record(AuditTrail.Direction.OUT, PORTAL, "ValidateRequest", reference, key != null ? "KEY" : "ERRORS",
				(errors == null ? "" : errors + " | ") + "TrackID " + field(f, 6) + ", ApplicationID " + field(f, 3));
		return new PaymentKey(webstr, key, errors);
	}

	String payPageUrl(PaymentKey key) {
		return paymentUrl() + "/Pay?webstr=" + key.webstr() + "&DeptCode=" + encode(properties.clientCode())
				+ "&Authentication=" + encode(key.key());
	}

	private String soap(String method, Map<String, String> parameters, String reference) throws IOException {
		byte[] envelope = AaplesarkarSoap.request(method, parameters);
		byte[] answer = http.post()
			.uri(baseUrl.resolve(properties.serviceUrl(), PORTAL, "/Dept_Authentication.asmx"))
			.contentType(MediaType.parseMediaType(AaplesarkarSoap.CONTENT_TYPE))
			.header("SOAPAction", AaplesarkarSoap.action(method))
			.body(envelope)
			.exchange((request, response) -> {
				int status = response.getStatusCode().value();
				byte[] bytes = response.getBody().readAllBytes();
				if (status != 200 && status != 500) {
					throw new IOException("Aaple Sarkar answered HTTP " + status + " to " + method);
				}
				return bytes;
			});
		try {
			return AaplesarkarSoap.readResult(answer, method);
		}
		catch (AaplesarkarSoap.AaplesarkarSoapException fault) {
			audit.record(AuditTrail.Direction.OUT, PORTAL, method, reference, "SOAP FAULT",
					fault.faultCode() + ": " + fault.getMessage());
			throw fault;
		}
	}

	/** The children of a {@code <ResMessage>} as name to text. */
	static Map<String, String> resMessage(String xml) {
		Document document = AaplesarkarSoap.parse(xml);
		Element root = document.getDocumentElement();
		if (!"ResMessage".equals(root.getLocalName() != null ? root.getLocalName() : root.getNodeName())) {
			throw new AaplesarkarSoap.AaplesarkarSoapException(AaplesarkarSoap.AaplesarkarSoapException.UNREADABLE,
					"not a ResMessage");
		}
		Map<String, String> fields = AaplesarkarSoap.childTexts(root);
		fields.replaceAll((name, text) -> text.strip());
		return fields;
	}

	private String paymentUrl() {
		return baseUrl.resolve(properties.paymentUrl(), PORTAL, "/en/OutPayment");
	}

	/**
	 * One field of a request string, for the audit record: the strings carry the citizen's name and mobile number
	 * and the officer's remark, which the audit must not keep.
	 */
	private static String field(String[] fields, int index) {
		return index < fields.length ? fields[index] : "?";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			value = node.get(field.toLowerCase());
		}
		return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** SetAppStatus's answer: {@code <status>Success|Fail</status>} or {@code <error>…</error>}. */
	record StatusAnswer(String status, String error) {

		boolean success() {
			return "Success".equalsIgnoreCase(status) && error == null;
		}

	}

	/** @param key null when Aaple Sarkar refused the request ({@code errors} says why) */
	record PaymentKey(String webstr, String key, String errors) {
	}

}
