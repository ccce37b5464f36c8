package org.sevahub.certificate;

import java.awt.image.BufferedImage;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfComposerTest {

	/** The page's margin, in points (PdfComposer's), less a point for anti-aliasing. */
	static final int MARGIN = 55;

	/** What a citizen may give: the forms take an address of up to 500 characters. */
	static final String ADDRESS = ("Flat 12B, Sunrise Apartments, 221 Jessore Road, near the old water tank, "
			+ "Dum Dum Cantonment, ").repeat(5).trim();

	static final String ADDRESS_BN = ("ফ্ল্যাট ১২বি, সানরাইজ অ্যাপার্টমেন্টস, ২২১ যশোর রোড, "
			+ "পুরনো জলের ট্যাঙ্কের কাছে, দমদম ক্যান্টনমেন্ট, ").repeat(4).trim();

	static final String VERIFY = "https://seva.example.gov.in/verify/IC-2026-000001";

	static final String ONE_WORD = "SHA-256:"
			+ "0a14fd1a94c35701fc2983b9da875d841cff6a21b44c166c2de122fc6d808ea0".repeat(2);

	@Test
	void longValuesWrapWithinThePageAndBesideTheQrCodeAndWhatDoesNotFitGoesOnTheNextPage() throws Exception {
		byte[] bytes;
		try (PdfComposer pdf = new PdfComposer("Long values")) {
			pdf.paragraph("Revenue Department", 12).qrRight(VERIFY, 96);
			pdf.heading("Income Certificate", 20);
			for (int i = 0; i < 6; i++) {
				pdf.field("ঠিকানা", "Address", ADDRESS).field("ঠিকানা (বাংলায়)", "Address in Bengali", ADDRESS_BN);
			}
			pdf.field("Digest", ONE_WORD);
			bytes = pdf.toBytes();
		}
		try (PDDocument document = Loader.loadPDF(bytes)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			for (int p = 0; p < document.getNumberOfPages(); p++) {
				BufferedImage page = new PDFRenderer(document).renderImageWithDPI(p, 72);
				assertThat(inkOutside(page)).as("ink in the right or bottom margin of page " + (p + 1)).isZero();
			}
			// The first values stand beside the QR code and wrap before it: it still scans.
			assertThat(new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(
						new BufferedImageLuminanceSource(new PDFRenderer(document).renderImageWithDPI(0, 150)))))
				.getText()).isEqualTo(VERIFY);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(occurrences(text, ADDRESS)).isEqualTo(6);
			assertThat(occurrences(text, ADDRESS_BN)).isEqualTo(6);
			assertThat(text.replace(" ", "")).contains(ONE_WORD);
		}
	}

	/** Pixels not white to the right of the right margin or below the bottom one. */
	static int inkOutside(BufferedImage page) {
		int ink = 0;
		for (int y = 0; y < page.getHeight(); y++) {
			for (int x = 0; x < page.getWidth(); x++) {
				boolean margin = x > page.getWidth() - MARGIN || y > page.getHeight() - MARGIN;
				if (margin && (page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
					ink++;
				}
			}
		}
		return ink;
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
