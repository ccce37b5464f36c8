package org.sevahub.portal.digilocker;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the certificate a DigiLocker user asks for, and only if it is theirs: the name (and date of birth,
 * where the certificate has one) DigiLocker sends from Aadhaar must match the certificate before anything is
 * returned, as the spec recommends. An unknown number and a mismatched name get the same answer, so the API
 * cannot be used to learn who holds which certificate.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.digilocker.enabled", havingValue = "true")
class DigiLockerSearch {

	static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);

	private final IssuedDocuments documents;

	private final DigiLockerProperties properties;

	DigiLockerSearch(IssuedDocuments documents, DigiLockerProperties properties) {
		this.documents = documents;
		this.properties = properties;
	}

	/** Pull URI: by the configured search parameters, then the holder check. */
	IssuedDocument forUri(PullRequest request) {
		String docType = required(request, "DocType");
		Holder holder = holder(request, true);
		if (!properties.docTypes().contains(docType)) {
			throw DigiLockerRefusal.notFound("Document type " + docType + " is not issued by " + properties.orgId());
		}
		List<IssuedDocument> candidates = switch (properties.search()) {
			case CERTIFICATE_NUMBER -> documents.find(required(request, "UDF1")).stream().toList();
			// Found by the applicant's Aadhaar: certificates whose holder is the applicant (an income certificate),
			// not a child's birth certificate, whose holder check then fails; those are found by number.
			case AADHAAR -> documents.forAadhaar(required(request, "UID"));
		};
		List<IssuedDocument> held = candidates.stream()
			.filter(doc -> docType.equals(doc.docType()))
			.filter(holder::holds)
			.toList();
		return held.stream()
			.filter(doc -> !doc.revoked())
			.findFirst()
			.orElseGet(() -> held.stream()
				.findFirst()
				.map(DigiLockerSearch::notRevoked)
				.orElseThrow(() -> DigiLockerRefusal.notFound("No " + docType + " certificate matches the details given")));
	}

	/** Pull Doc: the URI names the document; the holder check repeats for whatever identity DigiLocker sends. */
	IssuedDocument forDoc(PullRequest request) {
		String uri = required(request, "URI");
		Holder holder = holder(request, false);
		String prefix = properties.orgId() + "-";
		if (!uri.startsWith(prefix) || uri.indexOf('-', prefix.length()) < 0) {
			throw DigiLockerRefusal.notFound("URI " + uri + " is not one of " + properties.orgId() + "'s");
		}
		// Certificate numbers contain hyphens themselves: the doc type ends at the first one after the org id.
		int typeEnd = uri.indexOf('-', prefix.length());
		String docType = uri.substring(prefix.length(), typeEnd);
		String number = uri.substring(typeEnd + 1);
		return documents.find(number)
			.filter(doc -> docType.equals(doc.docType()) && properties.docTypes().contains(docType))
			.filter(doc -> holder.name() == null || holder.holds(doc))
			.map(DigiLockerSearch::notRevoked)
			.orElseThrow(() -> DigiLockerRefusal.notFound("No document " + uri + " for the details given"));
	}

	String uriOf(IssuedDocument doc) {
		return properties.orgId() + "-" + doc.docType() + "-" + doc.number();
	}

	/**
	 * The identity DigiLocker vouches for, read and checked before any lookup: a malformed request is refused
	 * the same way whether or not the certificate exists, so the answers reveal nothing about the register.
	 */
	private static Holder holder(PullRequest request, boolean nameRequired) {
		String name = nameRequired ? required(request, "FullName") : request.detail("FullName").orElse(null);
		return new Holder(name == null ? null : normalised(name), request.detail("DOB").map(DigiLockerSearch::dateOfBirth).orElse(null));
	}

	/** @param name normalised; {@code dob} null when DigiLocker sent none */
	private record Holder(String name, LocalDate dob) {

		boolean holds(IssuedDocument doc) {
			boolean nameMatches = name.equals(normalised(doc.holderName())) || name.equals(normalised(doc.holderNameLocal()));
			return nameMatches && (doc.holderDob() == null || doc.holderDob().equals(dob));
		}

	}

	private static IssuedDocument notRevoked(IssuedDocument doc) {
		if (doc.revoked()) {
			throw DigiLockerRefusal.notFound("Certificate " + doc.number() + " has been revoked by the department");
		}
		return doc;
	}

	private static LocalDate dateOfBirth(String value) {
		try {
			return LocalDate.parse(value, DOB);
		}
		catch (DateTimeParseException ex) {
			// The value stays out of the message: refusals are logged and audited.
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "DOB must be DD-MM-YYYY");
		}
	}

	/** Aadhaar and certificates may differ in case, dots and spacing ("S. Banerjee" vs "S Banerjee"). */
	static String normalised(String name) {
		if (name == null) {
			return "";
		}
		String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		return nfc.replaceAll("[.,]", " ").replaceAll("\\s+", " ").strip();
	}

	private static String required(PullRequest request, String name) {
		return request.detail(name)
			.orElseThrow(() -> new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "DocDetails/" + name + " is required"));
	}

}
