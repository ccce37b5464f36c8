package org.sevahub.certificate;

import java.awt.image.BufferedImage;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate a citizen gets: opens, says the names as given, verifies, breaks when touched, scans. */
@SevaHubTest
class CertificateTest {

	@Autowired
	ApplicationService applications;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRepository repository;

	@Autowired
	TestRestTemplate http;

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void thePdfOpensWithTheNamesInTheirScriptsAndASignatureThatVerifies() throws Exception {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("BIRTH-CERT"));
		form.put("childNameLocal", "ঋদ্ধি বন্দ্যোপাধ্যায়");
		Certificate birth = issue("BIRTH-CERT", form);
		Map<String, String> income = new LinkedHashMap<>(ProcessDriver.validForm("INCOME-CERT"));
		income.put("applicant.nameLocal", "सुनीता क्षत्रिय बनर्जी");
		Certificate incomeCertificate = issue("INCOME-CERT", income);

		byte[] pdf = repository.pdf(birth.certificateNo()).orElseThrow();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Certificate of Birth", "जन्म दाखला", birth.certificateNo(), "Rahul Banerjee",
					"ঋদ্ধি বন্দ্যোপাধ্যায়", "SSKM Hospital, Kolkata", "For life");
		}
		try (PDDocument document = Loader.loadPDF(repository.pdf(incomeCertificate.certificateNo()).orElseThrow())) {
			assertThat(new PDFTextStripper().getText(document)).contains("सुनीता क्षत्रिय बनर्जी", "आय प्रमाणपत्र", "240000");
			// Extraction reads /ActualText; the glyphs drawn show the text was shaped: each conjunct
			// (क्ष, त्र, र्जी) is fewer glyphs than characters, where unshaped text draws one glyph a character.
			Map<String, Integer> glyphs = ShapedGlyphs.perSpan(document.getPage(0));
			String name = "सुनीता क्षत्रिय बनर्जी";
			assertThat(glyphs).containsKey(name);
			assertThat(glyphs.get(name)).isLessThan(name.codePointCount(0, name.length()) - 3);
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Map<String, Integer> glyphs = ShapedGlyphs.perSpan(document.getPage(0));
			String bengali = "ঋদ্ধি বন্দ্যোপাধ্যায়";
			assertThat(glyphs).containsKey(bengali);
			assertThat(glyphs.get(bengali)).isLessThan(bengali.codePointCount(0, bengali.length()) - 3);
		}
		assertThat(birth.holderName()).as("a birth certificate is the child's").isEqualTo("Rahul Banerjee");
		assertThat(birth.holderNameLocal()).isEqualTo("ঋদ্ধি বন্দ্যোপাধ্যায়");
		assertThat(birth.docType()).isEqualTo("BTCER");
		assertThat(repository.xml(birth.certificateNo())).get().asString()
			.contains("<Certificate", "type=\"BTCER\"", "number=\"" + birth.certificateNo() + "\"", "ঋদ্ধি বন্দ্যোপাধ্যায়");

		List<PdfSignatures.Result> signatures = PdfSignatures.verify(pdf);
		assertThat(signatures).hasSize(1);
		assertThat(signatures.get(0).intact()).isTrue();
		assertThat(signatures.get(0).coversAll()).isTrue();
		assertThat(signatures.get(0).subFilter()).isEqualTo("ETSI.CAdES.detached");
		assertThat(signatures.get(0).signer()).isEqualTo(certificates.signingIdentity().certificate());
	}

	@Test
	void aLongAddressIsPrintedWholeAndTheCertificateStaysSignedAndScannable() throws Exception {
		Map<String, String> income = new LinkedHashMap<>(ProcessDriver.validForm("INCOME-CERT"));
		String address = ("Flat 12B, Sunrise Apartments, 221 Jessore Road, near the old water tank, Dum Dum "
				+ "Cantonment, ").repeat(5).trim();
		assertThat(address.length()).isBetween(450, 500);
		income.put("applicant.address", address);
		Certificate c = issue("INCOME-CERT", income);
		byte[] pdf = repository.pdf(c.certificateNo()).orElseThrow();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(address);
			for (int p = 0; p < document.getNumberOfPages(); p++) {
				assertThat(PdfComposerTest.inkOutside(new PDFRenderer(document).renderImageWithDPI(p, 72)))
					.as("ink in the right or bottom margin of page " + (p + 1))
					.isZero();
			}
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
			assertThat(new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
				.getText()).endsWith("/verify/" + c.certificateNo());
		}
		assertThat(PdfSignatures.verify(pdf)).singleElement().satisfies(r -> {
			assertThat(r.intact()).isTrue();
			assertThat(r.coversAll()).isTrue();
		});
	}

	@Test
	void oneChangedByteBreaksTheSignature() throws Exception {
		Certificate c = issue("BIRTH-CERT", ProcessDriver.validForm("BIRTH-CERT"));
		byte[] pdf = repository.pdf(c.certificateNo()).orElseThrow();
		byte[] tampered = pdf.clone();
		String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
		// A byte inside the first content stream: the document still parses, only its signed bytes differ.
		int at = text.indexOf("stream\n");
		assertThat(at).isPositive();
		tampered[at + 20] ^= 0x01;
		assertThat(PdfSignatures.verify(tampered)).singleElement().satisfies(r -> {
			assertThat(r.intact()).isFalse();
			assertThat(r.signer()).as("the signature was read and checked, not merely unreadable")
				.isEqualTo(certificates.signingIdentity().certificate());
		});
		assertThat(PdfSignatures.intactSigner(tampered)).isEmpty();
		assertThat(PdfSignatures.intactSigner(pdf)).contains(certificates.signingIdentity().certificate());
	}

	@Test
	void theQrCodeDecodesToTheVerificationPage() throws Exception {
		Certificate c = issue("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		try (PDDocument document = Loader.loadPDF(repository.pdf(c.certificateNo()).orElseThrow())) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
			String decoded = new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
				.getText();
			assertThat(decoded).endsWith("/verify/" + c.certificateNo()).startsWith("http://127.0.0.1:");
		}
	}

	@Test
	void verifyTellsValidRevokedExpiredAndUnknownApart() {
		Certificate c = issue("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		String valid = http.getForObject("/verify/" + c.certificateNo(), String.class);
		assertThat(valid).contains("Valid: issued by the department", "Su**** Ba******", "सु**** बन****",
				"Key fingerprint (SHA-256) " + certificates.signingIdentity().fingerprint())
			.doesNotContain("Sunita Banerjee");

		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(1).plusDays(2).toInstant()));
		assertThat(http.getForObject("/verify/" + c.certificateNo(), String.class)).contains("Expired");
		ClockUtil.reset();

		ResponseEntity<Map> unauthenticated = http.postForEntity("/api/v1/admin/certificates/" + c.certificateNo() + "/revoke",
				json(Map.of("reason", "x")), Map.class);
		assertThat(unauthenticated.getStatusCode().value()).isEqualTo(401);
		ResponseEntity<Map> revoked = http.withBasicAuth("demo", "demo")
			.postForEntity("/api/v1/admin/certificates/" + c.certificateNo() + "/revoke",
					json(Map.of("reason", "Income concealed: enquiry report 14/2026")), Map.class);
		assertThat(revoked.getBody()).containsEntry("status", "REVOKED");
		assertThat(http.getForObject("/verify/" + c.certificateNo(), String.class)).contains("Revoked", "Revoked on")
			.as("the reason stays with the department").doesNotContain("Income concealed");
		assertThat(repository.findByNo(c.certificateNo()).orElseThrow().revokedReason())
			.isEqualTo("Income concealed: enquiry report 14/2026");
		assertThat(http.withBasicAuth("demo", "demo")
			.postForEntity("/api/v1/admin/certificates/" + c.certificateNo() + "/revoke", json(Map.of("reason", "again")),
					Map.class)
			.getStatusCode()
			.value()).isEqualTo(409);

		assertThat(http.getForObject("/verify/XX-2026-999999", String.class)).contains("Unknown");
	}

	/**
	 * A reason longer than revoked_reason (500) was a 500 from the database; a NUL one a 500 under PostgreSQL. Both
	 * are the admin's invalid input, and the certificate stays valid. A second revocation is the documented 409.
	 */
	@Test
	void anOverlongOrControlCharacterReasonIsRefusedAndTheCertificateStaysValid() {
		Certificate c = issue("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		String url = "/api/v1/admin/certificates/" + c.certificateNo() + "/revoke";
		for (String reason : new String[] { "x".repeat(501), "a\u0000", "a\u001b[2J", "a\u007f" }) {
			ResponseEntity<Map> answer = http.withBasicAuth("demo", "demo")
				.postForEntity(url, json(Map.of("reason", reason)), Map.class);
			assertThat(answer.getStatusCode().value()).as(reason).isEqualTo(400);
			assertThat(answer.getBody()).containsEntry("error", "invalid").containsKey("message");
		}
		assertThat(repository.findByNo(c.certificateNo()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
		assertThat(http.withBasicAuth("demo", "demo")
			.postForEntity(url, json(Map.of("reason", "x".repeat(500))), Map.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		ResponseEntity<Map> again = http.withBasicAuth("demo", "demo")
			.postForEntity(url, json(Map.of("reason", "again")), Map.class);
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody()).containsEntry("error", "not-allowed");
	}

	@Autowired
	org.sevahub.application.IssuedDocuments documents;

	@Test
	void thePdfIsServedOnlyForItsSignedLinkAndIsTheStoredBytes() {
		Certificate c = issue("BIRTH-CERT", ProcessDriver.validForm("BIRTH-CERT"));
		String url = documents.find(c.certificateNo()).orElseThrow().downloadUrl();
		assertThat(http.getForObject(url, byte[].class)).isEqualTo(repository.pdf(c.certificateNo()).orElseThrow());
		assertThat(http.getForEntity("/certificates/" + c.certificateNo() + ".pdf", byte[].class).getStatusCode().value())
			.isEqualTo(403);
		ResponseEntity<String> forged = http.exchange("/certificates/" + c.certificateNo() + ".pdf?key=forged",
				HttpMethod.GET, new HttpEntity<>(headersInBengali()), String.class);
		assertThat(forged.getStatusCode().value()).isEqualTo(403);
		// A page that says so in the reader's language, not an empty answer the browser shows as its own error.
		assertThat(forged.getBody()).contains("id=\"problem-title\"", "অনুমতি নেই");
	}

	@Autowired
	org.springframework.core.env.Environment environment;

	@Test
	void theCitizensPageLinksTheCertificateOnTheSiteThatServedIt() {
		Map<String, String> form = ProcessDriver.validForm("BIRTH-CERT");
		Application app = applications.create(NewApplication.direct("BIRTH-CERT", form));
		certificates.issue(app);
		jakarta.servlet.http.Cookie citizen = org.sevahub.testsupport.CitizenLogin.cookie(environment,
				form.get("applicant.mobile"));
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, citizen.getName() + "=" + citizen.getValue());
		String page = http.exchange("/applications/" + app.applicationNo(), HttpMethod.GET, new HttpEntity<>(headers),
				String.class).getBody();
		String href = org.jsoup.Jsoup.parse(page).getElementById("download-certificate").attr("href");
		// With no public address configured, the whole address was the server's loopback one: dead from a phone.
		assertThat(href).startsWith("/certificates/").doesNotContain("127.0.0.1");
		ResponseEntity<byte[]> pdf = http.getForEntity(href, byte[].class);
		assertThat(pdf.getStatusCode().value()).isEqualTo(200);
		assertThat(pdf.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();
	}

	private static HttpHeaders headersInBengali() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "bn");
		return headers;
	}

	private Certificate issue(String service, Map<String, String> form) {
		Application app = applications.create(NewApplication.direct(service, form));
		return certificates.issue(app);
	}

	private static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
