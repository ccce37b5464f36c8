package org.sevahub.portal.bsk;

import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.IssuedDocuments.IssuedDocument;
import org.sevahub.application.SmsGateway;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.delivery.ServerBaseUrl;
import org.sevahub.platform.TrustedProxies;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * BSK's calls to the department: API-1 (initiate), API-3 (status), API-4 (document), API-5A/5B (OTP). Each is
 * checked the same way before anything is read: the caller's address against the allow-list, the passcode,
 * the HS256 token. Every refusal is BSK's {@code statusCode: 400} answer with a message saying what was wrong,
 * and leaves nothing written but its audit record. Answers use the field names of the document's tables.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskApiController {

	private static final Logger log = LoggerFactory.getLogger(BskApiController.class);

	private final BskInitiation initiation;

	private final BskDocuments documents;

	private final BskOtps otps;

	private final BskClient client;

	private final BskStatusMap statuses;

	private final BskCallers callers;

	private final ApplicationService applications;

	private final StatusHistory history;

	private final ServiceCatalog catalog;

	private final SmsGateway sms;

	private final AuditTrail audit;

	private final ServerBaseUrl baseUrl;

	private final PortalLinks links;

	private final ZoneId zone;

	private final java.time.Duration maxSkew;

	private final TransactionTemplate transactions;

	BskApiController(BskInitiation initiation, BskDocuments documents, BskOtps otps, BskClient client,
			BskStatusMap statuses, BskProperties properties, ApplicationService applications, StatusHistory history, ServiceCatalog catalog,
			SmsGateway sms, AuditTrail audit, ServerBaseUrl baseUrl, PortalLinks links,
			TrustedProxies proxies, @Value("${sevahub.time-zone}") ZoneId zone,
			PlatformTransactionManager transactionManager) {
		this.initiation = initiation;
		this.documents = documents;
		this.otps = otps;
		this.client = client;
		this.statuses = statuses;
		this.callers = new BskCallers(properties.allowedIps(), proxies);
		this.maxSkew = properties.ticketMaxSkew();
		this.applications = applications;
		this.history = history;
		this.catalog = catalog;
		this.sms = sms;
		this.audit = audit;
		this.baseUrl = baseUrl;
		this.links = links;
		this.zone = zone;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	// ----- API-1 -----

	@PostMapping(path = "/bsk/api/initiate", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> initiate(@RequestBody(required = false) String body, HttpServletRequest request) {
		return handle("api1", body, request, false, (fields, noted) -> {
			BskInitiation.Initiated done;
			try {
				done = initiation.initiate(fields);
			}
			catch (DuplicateKeyException raced) {
				// The same ticket arrived twice at once and the other request won: answer with its application.
				done = initiation.initiate(fields);
			}
			catch (FormInvalidException ex) {
				throw new BskRefusal("The citizen's data is not valid for this service: "
						+ String.join("; ", ex.fieldErrors().values()));
			}
			noted.put("applicationNo", done.application().applicationNo());
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("userId", fields.userid());
			answer.put("ticketNo", fields.number("ticketNo"));
			answer.put("serviceCode", fields.text("serviceCode"));
			answer.put("appSubTime", done.appSubTime());
			answer.put("message", "initiated");
			answer.put("applicationStatus", 1);
			answer.put("statusCode", 200);
			answer.put("redirectUrl", baseUrl.publicUrl() + "/bsk/landing?h=" + done.handover());
			return answer;
		});
	}

	// ----- API-3 -----

	@PostMapping(path = "/bsk/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> status(@RequestBody(required = false) String body, HttpServletRequest request) {
		return handle("api3", body, request, false, (fields, noted) -> {
			long ticketNo = ticket(fields);
			Application app = bskApplication(application(fields.text("applicationNo")));
			noted.put("applicationNo", app.applicationNo());
			ServiceDefinition service = checkService(fields, app);
			List<Map<String, Object>> stages = history.of(app.id()).stream().map(this::stage).toList();
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("userid", fields.userid());
			answer.put("ticketNo", ticketNo);
			answer.put("applicationNo", app.applicationNo());
			answer.put("serviceName", service.nameEn());
			answer.put("ServiceCode", fields.text("serviceCode"));
			answer.put("applicationStage", stages);
			answer.put("applicationStatus", 4);
			answer.put("statusCode", 200);
			return answer;
		});
	}

	// ----- API-4 -----

	@PostMapping(path = "/bsk/api/document", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> document(@RequestBody(required = false) String body, HttpServletRequest request) {
		return handle("api4", body, request, false, (fields, noted) -> {
			long userid = fields.userid();
			long ticketNo = ticket(fields);
			BskDocuments.Found found = documents.find(fields.text("documentNo"));
			bskApplication(found.application());
			noted.put("applicationNo", found.application().applicationNo());
			ServiceDefinition service = checkService(fields, found.application());
			IssuedDocument document = issued(found);
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("userid", userid);
			answer.put("ticketNo", ticketNo);
			answer.put("serviceCode", fields.text("serviceCode"));
			answer.put("serviceName", service.nameEn());
			putDocument(answer, fields, document);
			answer.put("applicationStatus", 5);
			answer.put("statusCode", 200);
			return answer;
		});
	}

	// ----- API-5A / 5B -----

	@PostMapping(path = "/bsk/api/otp/generate", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> generateOtp(@RequestBody(required = false) String body,
			HttpServletRequest request) {
		return handle("api5a", body, request, true, (fields, noted) -> {
			long otpId = fields.number("otpId");
			BskDocuments.Found found = documents.find(fields.text("documentNo"));
			bskApplication(found.application());
			noted.put("applicationNo", found.application().applicationNo());
			IssuedDocument document = issued(found);
			Applicant citizen = applications.applicantOf(found.application());
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("otpld", otpId);
			if (citizen.mobile() == null || citizen.mobile().isBlank()) {
				answer.put("otpGenStatus", 2);
				answer.put("message", "The application has no mobile number to send an OTP to");
			}
			else {
				String otp = otps.create(otpId, found.application().id(), document.number());
				try {
					// The last step of the call's transaction: the OTP is kept only if the SMS went, and the SMS
					// goes only once everything else about the answer is settled.
					sms.send(citizen.mobile(), "OTP " + otp + " to download " + document.number() + " (" + found
						.application()
						.applicationNo() + ") at Bangla Sahayata Kendra. Valid for a few minutes; do not share it.");
					answer.put("otpGenStatus", 1);
				}
				catch (RuntimeException failed) {
					// No OTP reached the citizen: the row goes, so BSK may try again with the same otpld.
					log.warn("BSK API-5A: the SMS gateway failed for otpld {} ({})", otpId, failed.getClass().getSimpleName());
					otps.discard(otpId);
					answer.put("otpGenStatus", 2);
					answer.put("message", "OTP sent unsuccessful");
				}
			}
			answer.put("statusCode", 200);
			return answer;
		});
	}

	@PostMapping(path = "/bsk/api/otp/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> verifyOtp(@RequestBody(required = false) String body,
			HttpServletRequest request) {
		return handle("api5b", body, request, true, (fields, noted) -> {
			long otpId = fields.number("otpId");
			long typed = fields.number("userTypedOtp");
			BskOtps.Verified verified = otps.verify(otpId, typed);
			Application app = applications.byId(verified.applicationId());
			noted.put("applicationNo", app.applicationNo());
			IssuedDocument document = issued(new BskDocuments.Found(app, documents.store().find(verified.documentNo())));
			ServiceDefinition service = catalog.get(app.serviceCode());
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("otpld", otpId);
			answer.put("ServiceCode", service.portalCode(BskClient.PORTAL).orElse(service.code()));
			answer.put("serviceName", service.nameEn());
			putDocument(answer, fields, document);
			answer.put("statusCode", 200);
			return answer;
		});
	}

	// ----- the checks every call shares -----

	/**
	 * @param atomic whether the call's writes form one transaction (API-5A/5B: the OTP is created, sent, or spent
	 *               only by a call that answers success). API-1 keeps its own transactions, which retry a race.
	 */
	private ResponseEntity<Map<String, Object>> handle(String api, String body, HttpServletRequest request,
			boolean atomic, BiFunction<BskFields, Map<String, String>, Map<String, Object>> work) {
		String caller = null;
		Map<String, Object> claims = null;
		BskFields fields = null;
		Map<String, String> noted = new LinkedHashMap<>();
		try {
			caller = callers.check(request);
			claims = client.envelope().open(body);
			BskFields read = new BskFields(claims);
			fields = read;
			read.checkLengths();
			Map<String, Object> answer = atomic ? transactions.execute(status -> work.apply(read, noted))
					: work.apply(read, noted);
			// The audit keeps the reference and the names of the fields, never the citizen's data or the live
			// hand-over link (which opens the citizen's form to whoever reads it).
			try {
				audit.record(AuditTrail.Direction.IN, BskClient.PORTAL, api, reference(fields), "SUCCESS",
						summary(noted, claims) + " -> " + new java.util.TreeSet<>(answer.keySet()));
			}
			catch (RuntimeException notRecorded) {
				// What was done is committed and the citizen may have had an SMS: the answer must say so.
				log.error("BSK {}: the audit record of a successful call could not be written", api, notRecorded);
			}
			return ResponseEntity.ok(answer);
		}
		catch (BskRefusal refusal) {
			audit.record(AuditTrail.Direction.IN, BskClient.PORTAL, api, fields == null ? caller : reference(fields),
					"REFUSED", refusal.getMessage() + (claims == null ? "" : " | " + summary(noted, claims)));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("statusCode", 400);
			answer.put("message", refusal.getMessage());
			return ResponseEntity.status(refusal.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(answer);
		}
		catch (RuntimeException fault) {
			// BSK reads only its own shape; the details stay in the log, where the department can act on them.
			log.error("BSK {} failed", api, fault);
			// Unforeseen means a fault of ours, not BSK's: 500, still in BSK's shape.
			audit.record(AuditTrail.Direction.IN, BskClient.PORTAL, api, fields == null ? caller : reference(fields),
					"ERROR", fault.getClass().getSimpleName());
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("statusCode", 400);
			answer.put("message", "The department could not process the request; please try again later");
			return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_JSON).body(answer);
		}
	}

	/**
	 * API-3 and API-4 carry the ticket of the service they concern, which may be weeks old; it must still be a
	 * real moment, and not one in the future.
	 */
	private long ticket(BskFields fields) {
		long ticketNo = fields.number("ticketNo");
		BskTicket.checkNotFuture(ticketNo, EngineClock.now(), maxSkew, zone, "");
		return ticketNo;
	}

	/** userid/ticketNo where the call carries a ticket, else the application or document number, else otpld. */
	private static String reference(BskFields fields) {
		try {
			return referenceOf(fields);
		}
		catch (BskRefusal unreadable) {
			// A reference that is itself malformed (an object for ticketNo) names nothing; the refusal says why.
			return null;
		}
	}

	private static String referenceOf(BskFields fields) {
		Optional<String> ticket = fields.optionalText("ticketNo");
		if (ticket.isPresent()) {
			return fields.optionalText("userid").map(user -> user + "/").orElse("") + ticket.get();
		}
		return fields.optionalText("applicationNo")
			.or(() -> fields.optionalText("otpId").map(id -> "otpld " + id))
			.orElse(null);
	}

	/** The application the call concerned (when known) and the names, not the values, of the fields sent. */
	private static String summary(Map<String, String> noted, Map<String, Object> claims) {
		String application = noted.containsKey("applicationNo") ? "application " + noted.get("applicationNo") + "; " : "";
		return application + "fields " + new java.util.TreeSet<>(claims.keySet());
	}

	/** API-3/4/5A answer only for applications BSK opened: another channel's application is not BSK's to read. */
	private Application bskApplication(Application app) {
		if (links.find(app.id(), BskClient.PORTAL).isEmpty()) {
			throw new BskRefusal("Application " + app.applicationNo() + " was not made through BSK");
		}
		return app;
	}

	private Application application(String applicationNo) {
		try {
			return applications.get(applicationNo);
		}
		catch (org.sevahub.application.ApplicationNotFoundException ex) {
			throw new BskRefusal("No application numbered " + applicationNo);
		}
	}

	/** The serviceCode BSK sent must name the application's service (under either of BSK's spellings). */
	private ServiceDefinition checkService(BskFields fields, Application app) {
		String bskCode = fields.text("serviceCode");
		ServiceDefinition service = BskInitiation.service(catalog, bskCode)
			.orElseThrow(() -> new BskRefusal("serviceCode " + bskCode + " is not a service of this department"));
		if (!service.code().equals(app.serviceCode())) {
			throw new BskRefusal("Application " + app.applicationNo() + " is not for serviceCode " + bskCode);
		}
		return service;
	}

	private IssuedDocument issued(BskDocuments.Found found) {
		Optional<IssuedDocument> document = found.document();
		if (document.isEmpty()) {
			throw new BskRefusal("No certificate has been issued yet for application "
					+ found.application().applicationNo() + " (" + statuses.stage(found.application().status()) + ")");
		}
		if (document.get().revoked()) {
			throw new BskRefusal("Certificate " + document.get().number() + " has been revoked");
		}
		return document.get();
	}

	/** documentType 1 (the default, BSK's preference): the link; 2: the signed PDF in base64. */
	private void putDocument(Map<String, Object> answer, BskFields fields, IssuedDocument document) {
		long type = fields.optionalNumber("documentType").orElse(1L);
		if (type == 2) {
			byte[] pdf = documents.store().pdf(document.number())
				.orElseThrow(() -> new BskRefusal("The PDF of " + document.number() + " is not available"));
			answer.put("documentType", 2);
			answer.put("documentValue", Base64.getEncoder().encodeToString(pdf));
		}
		else if (type == 1 || type == 0) {
			answer.put("documentType", 1);
			answer.put("documentValue", document.downloadUrl());
		}
		else {
			throw new BskRefusal("documentType " + type + " is not offered: 1 (link) or 2 (base64)");
		}
	}

	private Map<String, Object> stage(StatusHistoryEntry entry) {
		Map<String, Object> stage = new LinkedHashMap<>();
		stage.put("responseTime", BskTicket.stamp(entry.occurredAt(), zone));
		String remarks = entry.remarks() == null || entry.remarks().isBlank() ? "" : ": " + entry.remarks();
		stage.put("message", statuses.stage(entry.status()) + remarks);
		return stage;
	}

}
