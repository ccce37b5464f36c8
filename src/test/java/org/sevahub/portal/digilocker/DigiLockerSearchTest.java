package org.sevahub.portal.digilocker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Aadhaar-seeded search, a configuration away from the default; and the schema check itself. */
class DigiLockerSearchTest {

	static final IssuedDocument SUNITA = new IssuedDocument("IC-2026-000042", 42, "INCOME-CERT", "INCER", "Sunita Banerjee",
			"सुनीता बनर्जी", LocalDate.of(1985, 4, 12), "u", "d", Instant.now(), null, false, true);

	static final IssuedDocument SUNITA_REVOKED = new IssuedDocument("IC-2026-000050", 50, "INCOME-CERT", "INCER",
			"Sunita Banerjee", "सुनीता बनर्जी", LocalDate.of(1985, 4, 12), "u", "d", Instant.now(), null, true, true);

	final IssuedDocuments documents = new IssuedDocuments() {
		@Override
		public Optional<IssuedDocument> forApplication(long applicationId) {
			return Optional.empty();
		}

		@Override
		public Optional<IssuedDocument> find(String documentNo) {
			return SUNITA.number().equals(documentNo) ? Optional.of(SUNITA) : Optional.empty();
		}

		@Override
		public List<IssuedDocument> forAadhaar(String aadhaarNumber) {
			// newest first, as the port promises
			return switch (aadhaarNumber) {
				case "234123412346" -> List.of(SUNITA);
				case "234123412353" -> List.of(SUNITA_REVOKED, SUNITA);
				case "234123412361" -> List.of(SUNITA_REVOKED);
				default -> List.of();
			};
		}

		@Override
		public Optional<byte[]> pdf(String documentNo) {
			return Optional.empty();
		}

		@Override
		public Optional<String> xml(String documentNo) {
			return Optional.empty();
		}
	};

	final DigiLockerSearch byAadhaar = new DigiLockerSearch(documents, new DigiLockerProperties(true, "in.gov.x", "k",
			List.of("INCER"), DigiLockerProperties.Search.AADHAAR, Duration.ofMinutes(5)));

	@Test
	void anAadhaarSeededSearchFindsByUidAndStillChecksNameAndDateOfBirth() {
		assertThat(byAadhaar.forUri(request(Map.of("DocType", "INCER", "UID", "234123412346", "FullName", "Sunita Banerjee",
				"DOB", "12-04-1985")))).isEqualTo(SUNITA);
		assertThat(byAadhaar.uriOf(SUNITA)).isEqualTo("in.gov.x-INCER-IC-2026-000042");
		assertThatThrownBy(() -> byAadhaar.forUri(request(Map.of("DocType", "INCER", "UID", "234123412346", "FullName",
				"Sunita Banerjee", "DOB", "12-05-1985")))).isInstanceOf(DigiLockerRefusal.class);
		assertThatThrownBy(() -> byAadhaar.forUri(request(Map.of("DocType", "INCER", "UID", "999999999999", "FullName",
				"Sunita Banerjee", "DOB", "12-04-1985")))).isInstanceOf(DigiLockerRefusal.class);
		assertThatThrownBy(() -> byAadhaar.forUri(request(Map.of("DocType", "INCER", "UDF1", "IC-2026-000042", "FullName",
				"Sunita Banerjee", "DOB", "12-04-1985"))))
			.as("the certificate number alone is not how this issuer searches")
			.hasMessage("DocDetails/UID is required");
	}

	@Test
	void aRevokedCertificateDoesNotHideAValidOneOfTheSameHolder() {
		Map<String, String> sunita = Map.of("DocType", "INCER", "UID", "234123412353", "FullName", "Sunita Banerjee",
				"DOB", "12-04-1985");
		assertThat(byAadhaar.forUri(request(sunita))).isEqualTo(SUNITA);
		assertThatThrownBy(() -> byAadhaar.forUri(request(Map.of("DocType", "INCER", "UID", "234123412361", "FullName",
				"Sunita Banerjee", "DOB", "12-04-1985")))).hasMessageContaining("has been revoked");
	}

	@Test
	void theSchemaCheckFailsForAnAnswerTheSpecDoesNotAllow() {
		byte[] noTimestamp = """
				<PullURIResponse><ResponseStatus Status="1" txn="t">1</ResponseStatus>
				<DocDetails><DocType>INCER</DocType><DigiLockerId>x</DigiLockerId><URI>u</URI></DocDetails></PullURIResponse>"""
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> DigiLockerSchemas.assertValid(noTimestamp, false)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("ts");
		byte[] noUri = """
				<PullURIResponse><ResponseStatus Status="1" ts="2026-01-01T10:00:00+05:30" txn="t">1</ResponseStatus>
				<DocDetails><DocType>INCER</DocType><DigiLockerId>x</DigiLockerId></DocDetails></PullURIResponse>"""
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> DigiLockerSchemas.assertValid(noUri, false)).hasMessageContaining("URI");
	}

	private static PullRequest request(Map<String, String> details) {
		return new PullRequest("PullURIRequest", "1.0", "ts", "txn", "in.gov.x", "pdf", details);
	}

}
