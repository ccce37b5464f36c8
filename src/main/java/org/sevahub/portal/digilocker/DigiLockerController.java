package org.sevahub.portal.digilocker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;
import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DigiLocker's Pull URI and Pull Doc, the two APIs an issuer implements. Every request is authenticated by
 * its body's HMAC before it is parsed, and must be recent; every refusal is the spec's own answer
 * ({@code ResponseStatus Status="0"}) with the reason in {@code DocDetails/Message}.
 */
@RestController
@RequestMapping("/digilocker")
@ConditionalOnProperty(name = "sevahub.portals.digilocker.enabled", havingValue = "true")
class DigiLockerController {

	static final String HMAC_HEADER = "x-digilocker-hmac";

	private static final Logger log = LoggerFactory.getLogger(DigiLockerController.class);

	private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	private final DigiLockerProperties properties;

	private final DigiLockerHmac hmac;

	private final DigiLockerSearch search;

	private final IssuedDocuments documents;

	private final AuditTrail audit;

	DigiLockerController(DigiLockerProperties properties, DigiLockerSearch search, IssuedDocuments documents,
			AuditTrail audit) {
		this.properties = properties;
		this.hmac = new DigiLockerHmac(properties.apiKey());
		this.search = search;
		this.documents = documents;
		this.audit = audit;
	}

	@PostMapping("/pull-uri")
	ResponseEntity<String> pullUri(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = HMAC_HEADER, required = false) String signature) {
		return answer("PullURIRequest", "PullURIResponse", body, signature, request -> {
			IssuedDocument doc = search.forUri(request);
			Map<String, String> details = new LinkedHashMap<>();
			details.put("DocType", doc.docType());
			details.put("DigiLockerId", request.detail("DigiLockerId").orElse(null));
			details.put("UID", request.detail("UID").orElse(null));
			details.put("FullName", request.detail("FullName").orElse(null));
			details.put("DOB", request.detail("DOB").orElse(null));
			details.put("UDF1", request.detail("UDF1").orElse(null));
			details.put("UDF2", request.detail("UDF2").orElse(null));
			details.put("URI", search.uriOf(doc));
			content(request, doc, details);
			return details;
		});
	}

	@PostMapping("/pull-doc")
	ResponseEntity<String> pullDoc(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = HMAC_HEADER, required = false) String signature) {
		return answer("PullDocRequest", "PullDocResponse", body, signature, request -> {
			IssuedDocument doc = search.forDoc(request);
			Map<String, String> details = new LinkedHashMap<>();
			content(request, doc, details);
			return details;
		});
	}

	private ResponseEntity<String> answer(String requestRoot, String responseRoot, byte[] body, String signature,
			java.util.function.Function<PullRequest, Map<String, String>> handler) {
		PullRequest request = null;
		try {
			if (body == null || body.length == 0) {
				throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "The request body is empty");
			}
			if (!hmac.verifies(body, signature)) {
				throw new DigiLockerRefusal(HttpStatus.UNAUTHORIZED,
						signature == null ? HMAC_HEADER + " is missing" : HMAC_HEADER + " does not match the body");
			}
			request = DigiLockerXml.parse(body, requestRoot);
			checkEnvelope(request);
			Map<String, String> details = handler.apply(request);
			String uri = details.getOrDefault("URI", request.detail("URI").orElse(""));
			log.info("DigiLocker {} txn {} answered {}", requestRoot, request.txn(), uri);
			audit.record(AuditTrail.Direction.IN, "digilocker", requestRoot, uri, "FOUND", "txn " + request.txn());
			return xml(HttpStatus.OK, DigiLockerXml.answer(responseRoot, "1", request.ts(), request.txn(), details));
		}
		catch (DigiLockerRefusal refusal) {
			return refused(requestRoot, responseRoot, request, refusal.status(), refusal.getMessage());
		}
		catch (RuntimeException fault) {
			log.error("DigiLocker {} failed", requestRoot, fault);
			return refused(requestRoot, responseRoot, request, HttpStatus.INTERNAL_SERVER_ERROR,
					"The issuer could not answer just now; try again later");
		}
	}

	/**
	 * The spec's error answer. A request refused before it was read (no HMAC, garbage) has no ts or txn to echo,
	 * yet the schema wants both: the answer then carries this server's time and a transaction id of its own.
	 */
	private ResponseEntity<String> refused(String requestRoot, String responseRoot, PullRequest request,
			HttpStatus status, String reason) {
		String ts = request != null && request.ts() != null ? request.ts()
				: OffsetDateTime.ofInstant(EngineClock.now(), IST).truncatedTo(ChronoUnit.SECONDS).toString();
		String txn = request != null && request.txn() != null && !request.txn().isBlank() ? request.txn()
				: "sevahub-" + UUID.randomUUID();
		log.info("DigiLocker {} txn {} refused: {}", requestRoot, txn, reason);
		audit.record(AuditTrail.Direction.IN, "digilocker", requestRoot, txn, "REFUSED", reason);
		return xml(status, DigiLockerXml.answer(responseRoot, "0", ts, txn, Map.of("Message", reason)));
	}

	private void checkEnvelope(PullRequest request) {
		// Nothing DigiLocker sends (ids, names, dates) holds control characters; NUL cannot even be looked up.
		if (ControlCharacters.in(request.txn()) || ControlCharacters.in(request.ts()) || ControlCharacters.in(request.orgId())
				|| ControlCharacters.in(request.format())
				|| request.details().values().stream().anyMatch(ControlCharacters::in)) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "The request contains control characters");
		}
		if (request.txn() == null || request.txn().isBlank()) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "The txn attribute is required");
		}
		if (!properties.orgId().equals(request.orgId())) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST,
					"orgId " + request.orgId() + " is not this issuer (" + properties.orgId() + ")");
		}
		if (request.format() != null && !request.format().isBlank() && !request.wantsPdf() && !request.wantsXml()) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "format must be pdf, xml or both, got " + request.format());
		}
		Instant sent = timestamp(request.ts());
		Duration skew = Duration.between(sent, EngineClock.now()).abs();
		if (skew.compareTo(properties.maxClockSkew()) > 0) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "ts " + request.ts() + " is more than "
					+ properties.maxClockSkew().toMinutes() + " minutes from this server's time; the request is stale");
		}
	}

	/** DigiLocker writes {@code YYYY-MM-DDThh:mm:ss+05:30}; a timestamp without an offset is read as IST. */
	private static Instant timestamp(String ts) {
		if (ts == null || ts.isBlank()) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "The ts attribute is required");
		}
		try {
			return OffsetDateTime.parse(ts.strip()).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(ts.strip()).atZone(IST).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "ts " + ts + " is not an ISO-8601 timestamp");
			}
		}
	}

	private void content(PullRequest request, IssuedDocument doc, Map<String, String> details) {
		Base64.Encoder base64 = Base64.getEncoder();
		if (request.wantsPdf()) {
			details.put("DocContent", base64.encodeToString(documents.pdf(doc.number()).orElseThrow()));
		}
		if (request.wantsXml()) {
			details.put("DataContent", base64.encodeToString(
					documents.xml(doc.number()).orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
	}

	private static ResponseEntity<String> xml(HttpStatus status, String body) {
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.APPLICATION_XML, java.nio.charset.StandardCharsets.UTF_8)).body(body);
	}

}
