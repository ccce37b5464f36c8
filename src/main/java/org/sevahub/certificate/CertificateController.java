package org.sevahub.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.PersonNames;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.EngineClock;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.language.Words;
import org.sevahub.platform.doors.ControlCharacters;
import org.sevahub.platform.doors.Doors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The certificate's public faces: /verify/{number}, the page a QR code opens, saying valid, revoked, expired or
 * unknown with the holder's name partly masked; the PDF itself for whoever holds its signed link; and the
 * admin's revocation.
 */
@Controller
class CertificateController {

	enum Verdict {

		VALID, REVOKED, EXPIRED, UNKNOWN

	}

	/** The width of certificate.revoked_reason. */
	private static final int REASON_LENGTH = 500;

	private final CertificateRepository certificates;

	private final CertificateService service;

	private final ServiceCatalog catalog;

	private final CitizenAccess access;

	private final ZoneId zone;

	private final Words words;

	private final MessageSource messages;

	private final Doors doors;

	CertificateController(CertificateRepository certificates, CertificateService service, ServiceCatalog catalog,
			CitizenAccess access, @Value("${sevahub.time-zone}") ZoneId zone, Words words, MessageSource messages,
			Doors doors) {
		this.doors = doors;
		this.words = words;
		this.messages = messages;
		this.certificates = certificates;
		this.service = service;
		this.catalog = catalog;
		this.access = access;
		this.zone = zone;
	}

	@GetMapping("/verify/{certificateNo}")
	String verify(@PathVariable String certificateNo, Model model) {
		Optional<Certificate> found = certificates.findByNo(certificateNo);
		Verdict verdict = found.map(this::verdict).orElse(Verdict.UNKNOWN);
		model.addAttribute("certificateNo", certificateNo);
		model.addAttribute("verdict", verdict.name());
		found.ifPresent(c -> {
			model.addAttribute("certificate", c);
			model.addAttribute("holder", PersonNames.mask(c.holderName()));
			model.addAttribute("holderLocal", PersonNames.mask(c.holderNameLocal()));
			String language = LocaleContextHolder.getLocale().getLanguage();
			model.addAttribute("serviceName", catalog.find(c.serviceCode())
				.map(s -> s.name(language))
				.orElse(c.serviceCode()));
			model.addAttribute("issued", words.date(c.issuedAt()));
			model.addAttribute("validUntil", c.validUntil() == null
					? messages.getMessage("certificate.for-life", null, LocaleContextHolder.getLocale())
					: words.day(c.validUntil()));
			// The reason stays with the department (the admin API answers it): numbers are sequential, and a
			// public page listing allegations against masked names invites walking them.
			model.addAttribute("revokedOn", c.revokedAt() == null ? null : words.date(c.revokedAt()));
			// The key that signed this PDF, which after a key change is not the one signing today.
			model.addAttribute("fingerprint", certificates.pdf(certificateNo)
				.flatMap(PdfSignatures::intactSigner)
				.map(SigningIdentity::fingerprint)
				.orElse(null));
		});
		return "verify";
	}

	@GetMapping("/certificates/{certificateNo}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String certificateNo, @RequestParam(required = false) String key,
			HttpServletRequest request, HttpServletResponse response) {
		boolean allowed = key != null && MessageDigest.isEqual(
				access.sign("certificate", certificateNo).getBytes(StandardCharsets.US_ASCII),
				key.getBytes(StandardCharsets.US_ASCII));
		Optional<byte[]> pdf = allowed ? certificates.pdf(certificateNo) : Optional.empty();
		if (pdf.isEmpty()) {
			// A page in the reader's language, not an empty 403 the browser shows as its own "access denied".
			doors.refuse(request, response, allowed ? 404 : 403, null);
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(certificateNo + ".pdf").build().toString())
			.body(pdf.get());
	}

	/** An admin revokes a certificate (found false, a court order): /verify says so at once. */
	@PostMapping(path = "/api/v1/admin/certificates/{certificateNo}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> revoke(@PathVariable String certificateNo,
			@RequestBody(required = false) Map<String, String> body) {
		String reason = body == null ? null : body.get("reason");
		if (reason == null || reason.isBlank()) {
			return refused(HttpStatus.BAD_REQUEST, "invalid", "A reason is required");
		}
		// Checked against the column, not left to the database: the admin hears what to change, nothing is written.
		if (reason.strip().length() > REASON_LENGTH) {
			return refused(HttpStatus.BAD_REQUEST, "invalid", "The reason must be at most " + REASON_LENGTH + " characters");
		}
		if (ControlCharacters.in(reason)) {
			return refused(HttpStatus.BAD_REQUEST, "invalid", "The reason must not contain control characters");
		}
		if (certificates.findByNo(certificateNo).isEmpty()) {
			return refused(HttpStatus.NOT_FOUND, "not-found", "No certificate " + certificateNo);
		}
		if (!service.revoke(certificateNo, reason.strip())) {
			return refused(HttpStatus.CONFLICT, "not-allowed", "Certificate " + certificateNo + " is already revoked");
		}
		return ResponseEntity.ok(Map.of("certificateNo", certificateNo, "status", "REVOKED"));
	}

	private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String error, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", error, "message", message));
	}

	private Verdict verdict(Certificate c) {
		if (c.status() == CertificateStatus.REVOKED) {
			return Verdict.REVOKED;
		}
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		return c.isExpiredOn(today) ? Verdict.EXPIRED : Verdict.VALID;
	}

}
