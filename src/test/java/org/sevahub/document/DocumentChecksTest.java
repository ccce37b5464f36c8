package org.sevahub.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sevahub.document.DocumentRefusedException.Reason;
import org.sevahub.testsupport.TestClamd;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every check a file goes through, against a real clamd ({@link TestClamd}, the tests' own signatures) and
 * real files made with PDFBox and ImageIO: what is refused, why, and what is kept of what passes.
 */
class DocumentChecksTest {

	static final DocumentRequirement PROOF = new DocumentRequirement("income-proof", Map.of("en", "Proof of income"),
			true, null, Map.of(), List.of("application/pdf", "image/jpeg", "image/png"), 2 * 1024 * 1024, 4);

	static DocumentChecks checks;

	@BeforeAll
	static void clamd() {
		TestClamd.requireRunning();
		checks = checks(new ClamdScanner("127.0.0.1", TestClamd.port(), Duration.ofSeconds(30)));
	}

	static DocumentChecks checks(VirusScanner scanner) {
		return new DocumentChecks(scanner, new DocumentProperties("clamd", null, "database", null,
				DurationStyle.detectAndParse("5m"), 40_000_000, null));
	}

	@Test
	void theEicarTestFileIsCalledMalwareWhateverItsNameSays() {
		assertThat(assertRefused(Upload.of("salary-slip.pdf", SuspiciousFiles.eicar()), Reason.INFECTED).arguments()[0])
			.asString()
			.startsWith("SevaHub.Test.EICAR");
	}

	@Test
	void malwareInsideAValidPdfIsFoundByTheScanner() {
		byte[] pdf = SuspiciousFiles.pdfWithMarker();
		assertThat(FileTypes.detect(pdf)).isEqualTo("application/pdf");
		assertThat(assertRefused(Upload.of("statement.pdf", pdf), Reason.INFECTED).arguments()[0]).asString()
			.startsWith("SevaHub.Test.Marker");
	}

	@Test
	void aRenamedWindowsProgramIsToldApartFromADocumentByItsBytes() {
		assertThat(assertRefused(Upload.of("income-proof.pdf", SuspiciousFiles.windowsProgram()), Reason.WRONG_TYPE)
			.arguments()).containsExactly("application/x-msdownload", true, "PDF, JPEG, PNG");
	}

	@Test
	void textIsNotADocumentEvenNamedLikeOne() {
		assertThat(assertRefused(Upload.of("proof.jpg", "just some words".getBytes(StandardCharsets.UTF_8)),
				Reason.WRONG_TYPE).arguments()).containsExactly("text/plain", false, "PDF, JPEG, PNG");
	}

	@Test
	void aPdfThatRunsScriptsOrProgramsIsRefused() {
		assertRefused(Upload.of("a.pdf", SuspiciousFiles.pdfWithOpenActionScript()), Reason.PDF_ACTIVE_CONTENT);
		assertRefused(Upload.of("b.pdf", SuspiciousFiles.pdfWithDocumentScript()), Reason.PDF_ACTIVE_CONTENT);
		assertRefused(Upload.of("c.pdf", SuspiciousFiles.pdfWithPageLaunchAction()), Reason.PDF_ACTIVE_CONTENT);
	}

	@Test
	void aPdfCarryingFilesIsRefused() {
		assertRefused(Upload.of("d.pdf", SuspiciousFiles.pdfWithEmbeddedFile()), Reason.PDF_EMBEDDED_FILES);
	}

	@Test
	void anEncryptedPdfIsRefusedWithOrWithoutAPasswordToOpenIt() {
		assertRefused(Upload.of("e.pdf", SuspiciousFiles.encryptedPdf("")), Reason.PDF_ENCRYPTED);
		assertRefused(Upload.of("f.pdf", SuspiciousFiles.encryptedPdf("citizen")), Reason.PDF_ENCRYPTED);
	}

	@Test
	void aPdfLongerThanTheServiceTakesIsRefused() {
		assertThat(assertRefused(Upload.of("g.pdf", TestDocuments.pdf("Payslips", 5)), Reason.TOO_MANY_PAGES)
			.arguments()).containsExactly(5, 4);
	}

	@Test
	void anOversizeFileIsRefusedOnItsDeclaredSizeWithoutReadingIt() {
		Upload huge = new Upload("scan.pdf", 3L * 1024 * 1024, () -> {
			throw new AssertionError("a file over the limit must not be read");
		});
		assertRefused(huge, Reason.TOO_LARGE);
	}

	@Test
	void aFileLongerThanItSaidIsStillCut() {
		byte[] big = new byte[(int) PROOF_SMALL.maxBytes() + 10];
		Upload liar = new Upload("x.pdf", 10, () -> new ByteArrayInputStream(big));
		assertThatThrownBy(() -> checks.check(PROOF_SMALL, liar)).isInstanceOfSatisfying(DocumentRefusedException.class,
				e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
	}

	static final DocumentRequirement PROOF_SMALL = new DocumentRequirement("photo", Map.of(), false, null, Map.of(),
			List.of("image/jpeg"), 1000, null);

	@Test
	void anEmptyFileIsRefused() {
		assertRefused(Upload.of("empty.pdf", new byte[0]), Reason.EMPTY);
	}

	@Test
	void aPdfIsKeptAsItCameWithItsPagesAndDigest() {
		byte[] pdf = TestDocuments.pdf("Salary slip, March", 2);
		DocumentChecks.CleanFile clean = checks.check(PROOF, Upload.of("C:\\Users\\sunita\\Salary <March>.PDF", pdf));
		assertThat(clean.content()).isEqualTo(pdf);
		assertThat(clean.mediaType()).isEqualTo("application/pdf");
		assertThat(clean.pages()).isEqualTo(2);
		assertThat(clean.fileName()).isEqualTo("Salary March.pdf");
		assertThat(clean.sha256()).isEqualTo(DocumentChecks.sha256(pdf)).hasSize(64);
		assertThat(clean.scannedBy()).startsWith("ClamAV ");
	}

	@Test
	void aPhonePhotoLosesItsMetadataButKeepsItsOrientation() throws IOException {
		byte[] phone = SuspiciousFiles.phoneJpeg(TestDocuments.jpeg(640, 480));
		assertThat(new String(phone, StandardCharsets.ISO_8859_1)).contains("Exif", "22.5726N");
		DocumentChecks.CleanFile clean = checks.check(PROOF, Upload.of("IMG_2041.jpeg", phone));
		String kept = new String(clean.content(), StandardCharsets.ISO_8859_1);
		assertThat(kept).doesNotContain("Exif").doesNotContain("22.5726N");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean.content()));
		// EXIF orientation 6: the camera was held upright, so the kept picture stands 480 wide and 640 high.
		assertThat(image.getWidth()).isEqualTo(480);
		assertThat(image.getHeight()).isEqualTo(640);
		assertThat(clean.mediaType()).isEqualTo("image/jpeg");
		assertThat(clean.fileName()).isEqualTo("IMG_2041.jpg");
		assertThat(clean.sha256()).isEqualTo(DocumentChecks.sha256(clean.content()));
	}

	@Test
	void aFileNameKeepsNoAadhaarNorAnOverrideThatDisguisesItsExtension() throws IOException {
		byte[] png = TestDocuments.png(200, 100);
		assertThat(checks.check(PROOF, Upload.of("Aadhaar 7264 8135 9209.png", png)).fileName())
			.isEqualTo("Aadhaar XXXX XXXX 9209.png");
		assertThat(checks.check(PROOF, Upload.of("invoice\u202Egpj.png", png)).fileName()).isEqualTo("invoicegpj.png");
		// The joiners Bengali and Devanagari need among the format characters stay.
		assertThat(checks.check(PROOF, Upload.of("র\u200D্যাশন কার্ড.png", png)).fileName()).isEqualTo("র\u200D্যাশন কার্ড.png");
	}

	@Test
	void bytesHiddenAfterAPngAreNotKept() throws IOException {
		byte[] png = SuspiciousFiles.concat(TestDocuments.png(200, 100),
				"<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII));
		DocumentChecks.CleanFile clean = checks.check(PROOF, Upload.of("card.png", png));
		assertThat(new String(clean.content(), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
		assertThat(ImageIO.read(new ByteArrayInputStream(clean.content())).getWidth()).isEqualTo(200);
	}

	@Test
	void aPictureThatWouldUnpackToGigabytesIsRefusedBeforeDecoding() throws IOException {
		assertRefused(Upload.of("bomb.png", pngHeader(60_000, 60_000)), Reason.IMAGE_TOO_BIG);
	}

	@Test
	void theEmbeddedDefaultKeepsFilesMarkedNotScanned() {
		DocumentChecks.CleanFile clean = checks(new NotScanned()).check(PROOF,
				Upload.of("p.pdf", TestDocuments.pdf("x")));
		assertThat(clean.scannedBy()).isNull();
	}

	@Test
	void whenClamdCannotBeAskedNothingIsTaken() throws IOException {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		DocumentChecks unreachable = checks(new ClamdScanner("127.0.0.1", closed, Duration.ofSeconds(2)));
		assertThatThrownBy(() -> unreachable.check(PROOF, Upload.of("p.pdf", TestDocuments.pdf("x"))))
			.isInstanceOfSatisfying(DocumentRefusedException.class,
					e -> assertThat(e.reason()).isEqualTo(Reason.SCANNER_UNAVAILABLE));
	}

	private static DocumentRefusedException assertRefused(Upload upload, Reason reason) {
		try {
			checks.check(PROOF, upload);
		}
		catch (DocumentRefusedException refused) {
			assertThat(refused.reason()).isEqualTo(reason);
			assertThat(refused.documentCode()).isEqualTo("income-proof");
			return refused;
		}
		throw new AssertionError("expected " + reason + " for " + upload.fileName());
	}

	/** A PNG whose header claims {@code width} × {@code height}, with a little valid-looking data after it. */
	private static byte[] pngHeader(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		ihdr.write("IHDR".getBytes(StandardCharsets.US_ASCII));
		ihdr.write(new byte[] { (byte) (width >> 24), (byte) (width >> 16), (byte) (width >> 8), (byte) width,
				(byte) (height >> 24), (byte) (height >> 16), (byte) (height >> 8), (byte) height, 8, 2, 0, 0, 0 });
		byte[] chunk = ihdr.toByteArray();
		out.write(new byte[] { 0, 0, 0, 13 });
		out.write(chunk);
		CRC32 crc = new CRC32();
		crc.update(chunk);
		long c = crc.getValue();
		out.write(new byte[] { (byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c });
		out.write(new byte[64]);
		return out.toByteArray();
	}

}
