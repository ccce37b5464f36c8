package org.sevahub.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

import org.sevahub.application.form.Aadhaar;
import org.sevahub.document.DocumentRefusedException.Reason;

import org.springframework.stereotype.Component;

/**
 * Everything a file goes through before it is kept, in this order: its size against the document's limit, the
 * virus scan (first, so malware is called malware whatever it pretends to be), its type from its bytes, then a
 * PDF's inspection or an image's re-encoding, and the SHA-256 of exactly the bytes that will be kept.
 */
@Component
class DocumentChecks {

	private final VirusScanner scanner;

	private final long maxImagePixels;

	DocumentChecks(VirusScanner scanner, DocumentProperties properties) {
		this.scanner = scanner;
		this.maxImagePixels = properties.maxImagePixels();
	}

	/** A file that passed, as it will be kept. */
	record CleanFile(byte[] content, String mediaType, String fileName, Integer pages, String sha256,
			String scannedBy) {
	}

	CleanFile check(DocumentRequirement requirement, Upload upload) {
		String code = requirement.code();
		if (upload.size() > requirement.maxBytes()) {
			throw new DocumentRefusedException(Reason.TOO_LARGE, code, upload.size(), requirement.maxBytes());
		}
		byte[] content;
		try {
			content = upload.read(requirement.maxBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading an upload failed", ex);
		}
		if (content.length == 0) {
			throw new DocumentRefusedException(Reason.EMPTY, code);
		}
		if (content.length > requirement.maxBytes()) {
			throw new DocumentRefusedException(Reason.TOO_LARGE, code, (long) content.length, requirement.maxBytes());
		}
		ScanResult scan;
		try {
			scan = scanner.scan(content);
		}
		catch (VirusScanner.ScannerUnavailableException ex) {
			throw new DocumentRefusedException(Reason.SCANNER_UNAVAILABLE, code);
		}
		if (scan.infected()) {
			throw new DocumentRefusedException(Reason.INFECTED, code, scan.signature());
		}
		String detected = FileTypes.detect(content);
		AcceptedType type = AcceptedType.of(detected).filter(t -> requirement.accepts(t.mediaType)).orElse(null);
		if (type == null) {
			// The kinds it takes in words (PDF, JPEG, PNG): a citizen does not read "text/plain".
			String accepted = String.join(", ", requirement.types()
				.stream()
				.map(t -> AcceptedType.of(t).map(a -> a.label).orElse(t))
				.toList());
			throw new DocumentRefusedException(Reason.WRONG_TYPE, code, detected, FileTypes.isProgram(detected), accepted);
		}
		Integer pages = null;
		byte[] kept = content;
		if (type == AcceptedType.PDF) {
			pages = PdfInspector.inspect(content, requirement);
		}
		else {
			kept = ImageSanitizer.reencode(content, type, maxImagePixels, code);
		}
		return new CleanFile(kept, type.mediaType, fileName(upload.fileName(), code, type), pages, sha256(kept),
				scan.scanner());
	}

	/**
	 * The device's name for the file, for people to recognise it: no folders, no control, markup or bidirectional
	 * override characters, no Aadhaar number in clear, at most 100 characters, and the extension of what the file
	 * really is.
	 */
	static String fileName(String original, String code, AcceptedType type) {
		String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
		// Bidirectional overrides make "x\u202Egpj.pdf" read as "xfdp.jpg" to the officer; Indic scripts need
		// only the zero-width joiners among the format characters, which stay.
		name = name.replaceAll("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "");
		// Citizens name the scan of their card after its number; the name is shown, listed on the certificate and
		// sent to DigiLocker.
		name = Aadhaar.maskedIn(name);
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot).strip() : name;
		if (base.isEmpty()) {
			base = code;
		}
		if (base.codePointCount(0, base.length()) > 100) {
			base = base.substring(0, base.offsetByCodePoints(0, 100));
		}
		return base + "." + type.extension;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
