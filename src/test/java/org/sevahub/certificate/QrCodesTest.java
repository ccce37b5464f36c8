package org.sevahub.certificate;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

	/** Verification addresses whose symbol with ZXing's own mask (2) no ZXing reader finds, found by a scan. */
	static final List<String> UNREADABLE_WITH_ZXINGS_MASK = List.of("http://127.0.0.1:34329/verify/IC-2026-000003",
			"http://127.0.0.1:36036/verify/IC-2026-000063", "http://127.0.0.1:50713/verify/IC-2026-000210");

	@Test
	void anAddressWhoseSymbolZxingCannotFindGetsAnotherMaskThatReads() {
		for (String address : UNREADABLE_WITH_ZXINGS_MASK) {
			assertThat(QrCodes.reads(QrCodes.encode(address, null), address)).as("ZXing's own choice for " + address)
				.isFalse();
			assertThat(QrCodes.reads(QrCodes.modules(address), address)).as(address).isTrue();
		}
	}

	@Test
	void everyCertificatesCodeScansFromItsPrintedPage() throws Exception {
		List<String> addresses = new ArrayList<>(UNREADABLE_WITH_ZXINGS_MASK);
		Random random = new Random(16);
		for (int i = 0; i < 40; i++) {
			addresses.add("https://seva.example.gov.in:" + (1024 + random.nextInt(60000)) + "/verify/IC-2026-"
					+ String.format("%06d", random.nextInt(1_000_000)));
		}
		for (String address : addresses) {
			byte[] pdf;
			try (PdfComposer page = new PdfComposer("QR")) {
				page.paragraph("Revenue Department", 12).qrRight(address, 96).paragraph("Income Certificate", 20);
				pdf = page.toBytes();
			}
			try (PDDocument document = Loader.loadPDF(pdf)) {
				BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
				assertThat(new MultiFormatReader()
					.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
					.getText()).isEqualTo(address);
			}
		}
	}

}
