package org.sevahub.sandbox.aaplesarkar;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.EngineClock;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.portal.aaplesarkar.AaplesarkarCodec;
import org.sevahub.portal.aaplesarkar.AaplesarkarSoap;
import org.sevahub.portal.aaplesarkar.AaplesarkarToken;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A faithful Aaple Sarkar for the demo and the tests, at /sandbox/aaplesarkar: the portal page a citizen applies
 * from, MahaIT's {@code Dept_Authentication.asmx} over SOAP (GetParameterNew, SetAppStatus), the payment's
 * ValidateRequest and Pay page, all with the document's TripleDES, checksums and field tables. It records every
 * call, decrypted, at /sandbox/records/aaplesarkar/... for tests and people to read.
 */
@Controller
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.aaplesarkar.enabled" }, havingValue = "true")
class SandboxAaplesarkarController {

	static final String SET_APP_STATUS = "SetAppStatus";

	static final String GET_PARAMETER_NEW = "GetParameterNew";

	private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final SandboxAaplesarkarRecords records;

	private final ServiceCatalog catalog;

	private final ObjectMapper json;

	private final AaplesarkarCodec codec;

	private final String clientCode;

	private final ZoneId zone;

	SandboxAaplesarkarController(SandboxAaplesarkarRecords records, ServiceCatalog catalog, ObjectMapper json,
			@Value("${sevahub.portals.aaplesarkar.encrypt-key}") String key,
			@Value("${sevahub.portals.aaplesarkar.encrypt-iv}") String iv,
			@Value("${sevahub.portals.aaplesarkar.checksum-key}") String checksumKey,
			@Value("${sevahub.portals.aaplesarkar.client-code}") String clientCode,
			@Value("${sevahub.portals.aaplesarkar.timestamp-zone:Asia/Kolkata}") ZoneId zone) {
		this.records = records;
		this.catalog = catalog;
		this.json = json;
		this.codec = new AaplesarkarCodec(key, iv, checksumKey);
		this.clientCode = clientCode;
		this.zone = zone;
	}

	// ----- the portal's page -----

	@GetMapping("/sandbox/aaplesarkar/")
	String portal(Model model) {
		model.addAttribute("services",
				catalog.all().stream().filter(s -> s.portalCode("aaplesarkar").isPresent()).toList());
		return "sandbox/aaplesarkar";
	}

	@PostMapping("/sandbox/aaplesarkar/apply")
	String apply(@RequestParam String serviceId) throws Exception {
		return "redirect:" + startSession(serviceId, null).get("landing");
	}

	// ----- pushWebService and pullWebService (SOAP) -----

	@PostMapping(path = "/sandbox/aaplesarkar/Dept_Authentication.asmx")
	ResponseEntity<byte[]> asmx(@RequestBody(required = false) byte[] envelope) {
		AaplesarkarSoap.Call call;
		try {
			call = AaplesarkarSoap.readCall(envelope == null ? new byte[0] : envelope);
		}
		catch (AaplesarkarSoap.AaplesarkarSoapException ex) {
			return fault("soap:Client", "Server was unable to read request. ---> " + ex.getMessage());
		}
		Optional<String> instead = records.takeAnswer(call.method());
		if (instead.isPresent() && instead.get().equals("SOAP_FAULT")) {
			records.record(call.method(), null, null, "SOAP_FAULT", "simulated");
			return fault("soap:Server", "Server was unable to process request. ---> Timeout expired.");
		}
		if (instead.isPresent() && instead.get().equals("CLIENT_FAULT")) {
			records.record(call.method(), null, null, "CLIENT_FAULT", "simulated");
			return fault("soap:Client", "Server was unable to read request. ---> Invalid EncyKey.");
		}
		return switch (call.method()) {
			case GET_PARAMETER_NEW -> soap(GET_PARAMETER_NEW, getParameterNew(call.parameters()));
			case SET_APP_STATUS -> soap(SET_APP_STATUS, setAppStatus(call.parameters(), instead.orElse(null)));
			default -> fault("soap:Client", "Server did not recognize the value of HTTP Header SOAPAction: "
					+ call.method() + ".");
		};
	}

	private String getParameterNew(Map<String, String> p) {
		if (!clientCode.equals(p.get("ClientCode"))) {
			records.record(GET_PARAMETER_NEW, null, null, "FAILED", "Invalid ClientCode");
			return codec.encrypt(xml(Map.of("Response", "Error", "Message", "Invalid ClientCode")));
		}
		AaplesarkarToken token;
		try {
			token = AaplesarkarToken.parse(codec.decrypt(p.getOrDefault("str", "")));
			token.verify(codec, EngineClock.now(), java.time.Duration.ofMinutes(15), zone);
		}
		catch (RuntimeException ex) {
			records.record(GET_PARAMETER_NEW, null, null, "FAILED", "Invalid str: " + ex.getMessage());
			return codec.encrypt(xml(Map.of("Response", "Failed", "Message", "Invalid request parameter")));
		}
		Optional<SandboxAaplesarkarRecords.Session> session = records.useSession(token.sessionId());
		if (session.isEmpty() || !session.get().userId().equals(token.userId())) {
			records.record(GET_PARAMETER_NEW, null, null, "FAILED", "Invalid or already used session");
			return codec.encrypt(xml(Map.of("Response", "Failed", "Message", "Session expired or already used")));
		}
		records.record(GET_PARAMETER_NEW, session.get().trackId(), null, "Success", null);
		return codec.encrypt(xml(read(session.get().profile())));
	}

	private String setAppStatus(Map<String, String> p, String instead) {
		if (!clientCode.equals(p.get("DeptCode"))) {
			return refuse(null, null, "error", "Invalid DeptCode");
		}
		String plain;
		try {
			plain = codec.decrypt(p.getOrDefault("EncyKey", ""));
		}
		catch (AaplesarkarCodec.AaplesarkarCryptoException ex) {
			return refuse(null, null, "error", "Invalid EncyKey: " + ex.getMessage());
		}
		String[] f = plain.split("\\|", -1);
		if (f.length != 21) {
			return refuse(null, plain, "error", "Invalid request string: " + f.length + " fields, not 21");
		}
		String trackId = f[0];
		String expected = codec.keyedChecksum(List.of(f).subList(0, 20));
		if (!AaplesarkarCodec.sameChecksum(expected, f[20])) {
			return refuse(trackId, plain, "error", "Invalid CheckSum");
		}
		String problem = SandboxAaplesarkarValidation.problem(f, clientCode);
		if (problem != null) {
			return refuse(trackId, plain, "error", problem);
		}
		if ("FAIL".equals(instead)) {
			return refuse(trackId, plain, "status", "Fail");
		}
		Optional<SandboxAaplesarkarRecords.Session> session = records.byTrackId(trackId);
		if (session.isEmpty() || !session.get().userId().equals(f[2])) {
			return refuse(trackId, plain, "status", "Fail");
		}
		records.record(SET_APP_STATUS, trackId, plain, "Success", null);
		return "<ResMessage><status>Success</status></ResMessage>";
	}

	private String refuse(String trackId, String body, String element, String message) {
		records.record(SET_APP_STATUS, trackId, body, element.equals("status") ? message : "error", message);
		return xml(Map.of(element, message));
	}

	// ----- payment -----

	@PostMapping(path = "/sandbox/aaplesarkar/en/OutPayment/ValidateRequest", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, String> validateRequest(@RequestBody(required = false) String body) {
		JsonNode request;
		String plain;
		try {
			request = json.readTree(body == null ? "" : body);
			if (request == null || !clientCode.equals(request.path("deptcode").asText())) {
				return paymentRefusal(null, body, "Invalid deptcode");
			}
			plain = codec.decrypt(request.path("webstr").asText());
		}
		catch (AaplesarkarCodec.AaplesarkarCryptoException ex) {
			return paymentRefusal(null, body, "Invalid webstr: " + ex.getMessage());
		}
		catch (Exception ex) {
			return paymentRefusal(null, body, "Invalid request: not the expected JSON");
		}
		String[] f = plain.split("\\|", -1);
		if (f.length != 16) {
			return paymentRefusal(null, plain, "Invalid request string: " + f.length + " fields, not 16");
		}
		List<String> covered = new java.util.ArrayList<>(List.of(f));
		String checksum = covered.remove(1);
		if (!AaplesarkarCodec.sameChecksum(codec.keyedChecksum(covered), checksum)) {
			return paymentRefusal(f[6], plain, "Invalid CheckSum");
		}
		if (!clientCode.equals(f[0])) {
			return paymentRefusal(f[6], plain, "Invalid ClientCode");
		}
		Optional<SandboxAaplesarkarRecords.Session> session = records.byTrackId(f[6]);
		if (session.isEmpty() || !session.get().userId().equals(f[7])) {
			return paymentRefusal(f[6], plain, "Invalid TrackID or User ID");
		}
		Optional<ServiceDefinition> service = catalog.findByPortalCode("aaplesarkar", f[2]);
		if (service.isEmpty() || !service.get().hasFee()) {
			return paymentRefusal(f[6], plain, "Service " + f[2] + " takes no payment");
		}
		if (!f[10].matches("https?://\\S+")) {
			return paymentRefusal(f[6], plain, "Invalid Returnurl");
		}
		String key = records.randomHex(16).toUpperCase();
		records.newPayment(new SandboxAaplesarkarRecords.Payment(key, f[6], f[3], f[2], f[10],
				service.get().fee().setScale(2, RoundingMode.HALF_UP), null));
		records.record("ValidateRequest", f[6], plain, "KEY", null);
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("Key", key);
		answer.put("Errors", "");
		return answer;
	}

	private Map<String, String> paymentRefusal(String trackId, String body, String error) {
		records.record("ValidateRequest", trackId, body, "ERRORS", error);
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("Key", "");
		answer.put("Errors", error);
		return answer;
	}

	@GetMapping("/sandbox/aaplesarkar/en/OutPayment/Pay")
	String payPage(@RequestParam(required = false) String webstr, @RequestParam(name = "DeptCode", required = false) String deptCode,
			@RequestParam(name = "Authentication", required = false) String key, Model model) {
		Optional<SandboxAaplesarkarRecords.Payment> payment = key == null ? Optional.empty() : records.payment(key);
		if (payment.isEmpty() || !clientCode.equals(deptCode) || payment.get().transactionId() != null) {
			model.addAttribute("title", "Aaple Sarkar: invalid payment request");
			model.addAttribute("message", "This payment link is not valid or was used already.");
			return "problem";
		}
		model.addAttribute("payment", payment.get());
		return "sandbox/aaplesarkar-pay";
	}

	/**
	 * The citizen pays (or the bank declines) and the gateway sends them back to the department with the result.
	 * {@code amount} lets a test play a gateway that reports a sum other than the fee.
	 */
	@PostMapping("/sandbox/aaplesarkar/en/OutPayment/Pay")
	ResponseEntity<Void> pay(@RequestParam String key, @RequestParam(defaultValue = "success") String outcome,
			@RequestParam(required = false) BigDecimal amount) {
		Optional<SandboxAaplesarkarRecords.Payment> payment = records.payment(key);
		String transactionId = records.randomHex(10).toUpperCase();
		if (payment.isEmpty() || !records.settle(key, transactionId)) {
			return ResponseEntity.status(HttpStatus.GONE).build();
		}
		SandboxAaplesarkarRecords.Payment p = payment.get();
		BigDecimal paid = amount != null ? amount : p.amount();
		String result = String.join("|", clientCode, p.serviceId(), p.applicationId(), transactionId,
				"BR" + records.randomHex(5).toUpperCase(), Long.toString(Math.abs(transactionId.hashCode())),
				"Atom Bank", PAID_AT.format(EngineClock.now().atZone(zone)),
				outcome.equals("success") ? "True" : "False", paid.toPlainString());
		records.record("Pay", p.trackId(), result, outcome.equals("success") ? "True" : "False", null);
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(p.returnUrl() + "?str=" + codec.encrypt(result)))
			.build();
	}

	// ----- records for tests and the demo -----

	@PostMapping("/sandbox/records/aaplesarkar/sessions")
	@ResponseBody
	Map<String, String> newSession(@RequestBody Map<String, Object> request) throws Exception {
		@SuppressWarnings("unchecked")
		Map<String, String> overrides = (Map<String, String>) request.get("profile");
		return startSession(String.valueOf(request.get("serviceId")), overrides);
	}

	@GetMapping("/sandbox/records/aaplesarkar/calls")
	@ResponseBody
	List<Map<String, Object>> calls(@RequestParam String trackId) {
		return records.calls(trackId);
	}

	/**
	 * Answers the next {@code count} calls of {@code api} with {@code mode} instead of the truth: SOAP_FAULT (a
	 * soap:Server fault), CLIENT_FAULT (a soap:Client fault) or FAIL.
	 */
	@PutMapping("/sandbox/records/aaplesarkar/answers")
	@ResponseBody
	Map<String, Object> answerInstead(@RequestBody Map<String, Object> request) {
		records.answerInstead(String.valueOf(request.get("api")), String.valueOf(request.get("mode")),
				((Number) request.getOrDefault("count", 1)).intValue());
		return request;
	}

	private Map<String, String> startSession(String serviceId, Map<String, String> overrides) throws Exception {
		catalog.findByPortalCode("aaplesarkar", serviceId)
			.orElseThrow(() -> new IllegalArgumentException("No service with Aaple Sarkar ServiceID " + serviceId));
		String userId = java.util.UUID.randomUUID().toString();
		String sessionId = records.randomHex(12);
		String trackId = records.newTrackId();
		Map<String, String> profile = SandboxAaplesarkarCitizens.sunita(userId, trackId);
		if (overrides != null) {
			profile.putAll(overrides);
		}
		// The profile carries an Aaple Sarkar user's Aadhaar number: even the simulator keeps it encrypted at rest.
		records.newSession(sessionId, trackId, userId, codec.encrypt(json.writeValueAsString(profile)));
		String token = AaplesarkarToken.issue(codec, userId, AaplesarkarToken.ticks(EngineClock.now(), zone), sessionId,
				java.util.UUID.randomUUID().toString());
		String str = codec.encrypt(token);
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("str", str);
		answer.put("trackId", trackId);
		answer.put("userId", userId);
		answer.put("sessionId", sessionId);
		answer.put("landing", "/aaplesarkar/landing?ServiceID=" + serviceId + "&str=" + str);
		return answer;
	}

	private Map<String, String> read(String profile) {
		try {
			return json.readValue(codec.decrypt(profile), MAP);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code <ResMessage>} with one element per field, written by the JDK's serializer (escaping included). */
	private static String xml(Map<String, String> fields) {
		try {
			Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
			Element root = document.createElement("ResMessage");
			document.appendChild(root);
			fields.forEach((name, value) -> root.appendChild(document.createElement(name))
				.setTextContent(value == null ? "" : value));
			var transformer = TransformerFactory.newDefaultInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ResponseEntity<byte[]> soap(String method, String result) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(AaplesarkarSoap.CONTENT_TYPE))
			.body(AaplesarkarSoap.response(method, result));
	}

	private static ResponseEntity<byte[]> fault(String code, String message) {
		return ResponseEntity.status(500)
			.contentType(MediaType.parseMediaType(AaplesarkarSoap.CONTENT_TYPE))
			.body(AaplesarkarSoap.fault(code.substring(code.indexOf(':') + 1), message));
	}

}
