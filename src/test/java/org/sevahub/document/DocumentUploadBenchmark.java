package org.sevahub.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;


import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.NewApplication;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubBenchmark;
import org.sevahub.testsupport.TestClamd;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads a second of a 1 MB scanned PDF over real HTTP: through the whole document path (size, clamd's INSTREAM
 * scan, Tika's type, PDFBox's inspection, SHA-256, the database store, the row and its record) against a plain
 * multipart endpoint that only stores the bytes in the same store. Alternating rounds in one run; medians and
 * their ratio. Run: {@code ./mvnw -Pbench test -Dtest=DocumentUploadBenchmark}. Figures: BENCHMARKS.md.
 */
@SevaHubBenchmark
@Import(DocumentUploadBenchmark.PlainUpload.class)
class DocumentUploadBenchmark {

	static final int ROUNDS = 7;

	static final int PER_ROUND = 20;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationService applications;

	@Autowired
	CitizenAccess citizens;

	/** The baseline: a multipart upload that keeps the bytes and nothing else. */
	@TestConfiguration
	@RestController
	static class PlainUpload {

		@Autowired
		DocumentStore store;

		@PostMapping("/api/bench/plain-upload")
		ResponseEntity<String> upload(@RequestParam("file") MultipartFile file) throws IOException {
			return ResponseEntity.status(HttpStatus.CREATED).body(store.put(file.getBytes(), file.getContentType()));
		}

	}

	@Test
	void uploadsPerSecond() throws Exception {
		TestClamd.requireRunning();
		Application app = applications.create(NewApplication.direct("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT")));
		String grant = "sevahub_app_" + app.applicationNo() + "=" + citizens.sign("application", app.applicationNo());
		byte[] pdf = scannedPdf(1024 * 1024);
		HttpClient http = HttpClient.newHttpClient();
		String whole = "http://127.0.0.1:" + port + "/api/v1/applications/" + app.applicationNo() + "/documents/income-proof";
		String plain = "http://127.0.0.1:" + port + "/api/bench/plain-upload";
		List<Double> checked = new ArrayList<>();
		List<Double> stored = new ArrayList<>();
		for (int round = 0; round <= ROUNDS; round++) {
			double c = perSecond(http, whole, grant, pdf);
			double s = perSecond(http, plain, grant, pdf);
			if (round > 0) {
				checked.add(c);
				stored.add(s);
			}
		}
		System.out.printf("DOCUMENTS %d-byte PDF over HTTP, medians of %d rounds of %d: whole path (scan, type, "
				+ "inspection, SHA-256, store, record) %.1f/s, plain multipart store %.1f/s, ratio %.2f%n", pdf.length,
				ROUNDS, PER_ROUND, median(checked), median(stored), median(checked) / median(stored));
	}

	private static double perSecond(HttpClient http, String url, String cookie, byte[] pdf) throws Exception {
		long t0 = System.nanoTime();
		for (int n = 0; n < PER_ROUND; n++) {
			String boundary = "----sevahub" + UUID.randomUUID();
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers
					.ofByteArray(TestDocuments.multipart(boundary, "file", "scan.pdf", "application/pdf", pdf)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 201) {
				throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
			}
		}
		return PER_ROUND / ((System.nanoTime() - t0) / 1e9);
	}

	/** A one-page PDF holding a noisy scan, about {@code size} bytes: what a phone's scanner app makes. */
	static byte[] scannedPdf(int size) throws IOException {
		Random random = new Random(13);
		int side = 700;
		while (true) {
			BufferedImage scan = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					scan.setRGB(x, y, random.nextInt(0xFFFFFF));
				}
			}
			try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				PDPage page = new PDPage();
				pdf.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.drawImage(JPEGFactory.createFromImage(pdf, scan, 0.9f), 20, 100, 560, 560);
				}
				pdf.save(out);
				if (out.size() >= size) {
					return out.toByteArray();
				}
			}
			side += 100;
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
