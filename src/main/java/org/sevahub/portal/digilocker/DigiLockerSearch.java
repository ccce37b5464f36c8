package org.sevahub.portal.digilocker;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
		if (!properties.docTypes().contains(docType)) {
			throw DigiLockerRefusal.notFound("Document type " + docType + " is not issued by " + properties.orgId());
		}
		List<IssuedDocument> candidates = switch (properties.search()) {
			case CERTIFICATE_NUMBER -> documents.find(required(request, "UDF1")).stream().toList();
			case AADHAAR -> documents.forAadhaar(required(request, "UID"));
		};
		return candidates.stream()
			.filter(doc -> docType.equals(doc.docType()))
			.filter(doc -> heldBy(doc, request))
			.findFirst()
			.map(DigiLockerSearch::notRevoked)
			.orElseThrow(() -> DigiLockerRefusal.notFound("No " + docType + " certificate matches the details given"));
	}

	/** Pull Doc: the URI names the document; the holder check repeats for whatever identity DigiLocker sends. */
	IssuedDocument forDoc(PullRequest request) {
		String uri = required(request, "URI");
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
			.filter(doc -> request.detail("FullName").isEmpty() || heldBy(doc, request))
			.map(DigiLockerSearch::notRevoked)
			.orElseThrow(() -> DigiLockerRefusal.notFound("No document " + uri + " for the details given"));
	}

	String uriOf(IssuedDocument doc) {
		return properties.orgId() + "-" + doc.docType() + "-" + doc.number();
	}

	private static boolean heldBy(IssuedDocument doc, PullRequest request) {
		String name = normalised(required(request, "FullName"));
		boolean nameMatches = name.equals(normalised(doc.holderName())) || name.equals(normalised(doc.holderNameLocal()));
		if (!nameMatches) {
			return false;
		}
		if (doc.holderDob() == null) {
			return true;
		}
		Optional<String> dob = request.detail("DOB");
		return dob.isPresent() && doc.holderDob().equals(dateOfBirth(dob.get()));
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
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "DOB must be DD-MM-YYYY, got " + value);
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
