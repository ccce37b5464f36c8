package org.sevahub.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.document.DocumentService;
import org.sevahub.document.DocumentSlots;
import org.sevahub.document.Upload;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;

/**
 * Files as citizens send them, made here (PDFBox, ImageIO) rather than committed, and the documents an
 * application needs, attached the way the citizen's form does it.
 */
@Component
public class TestDocuments {

	private final DocumentService documents;

	private final ApplicationService applications;

	private final DocumentSlots slots;

	TestDocuments(DocumentService documents, ApplicationService applications, DocumentSlots slots) {
		this.slots = slots;
		this.documents = documents;
		this.applications = applications;
	}

	/** Sends a PDF for every document the application needs (a JPEG where a PDF is not taken). */
	public void attachNeeded(Application app) {
		attachNeeded(app, Map.of());
	}

	public void attachNeeded(String applicationNo) {
		attachNeeded(applications.get(applicationNo), Map.of());
	}

	/** As the citizen's form does before {@code posted} is submitted: the documents those answers make needed. */
	public void attachNeeded(Application given, Map<String, String> posted) {
		// The application as it stands now: a draft saved since may have changed what it needs.
		Application app = applications.get(given.applicationNo());
		Map<String, String> answers = new LinkedHashMap<>(applications.formValues(app));
		answers.putAll(posted);
		for (DocumentSlots.Slot slot : slots.of(app.serviceCode(), app, answers)) {
			if (slot.needed() && slot.document() == null) {
				attach(app, slot.requirement().code());
			}
		}
	}

	/** The files a new form with {@code answers} needs, as the form's file fields send them. */
	public List<MockMultipartFile> files(String serviceCode, Map<String, String> answers) {
		return slots.of(serviceCode, null, answers)
			.stream()
			.filter(DocumentSlots.Slot::needed)
			.map(slot -> new MockMultipartFile(Upload.PART_PREFIX + slot.requirement().code(),
					slot.requirement().code() + ".pdf", "application/pdf", pdf(slot.requirement().nameEn())))
			.toList();
	}

	public void attach(Application app, String code) {
		boolean pdf = documents.requirement(app.serviceCode(), code).accepts("application/pdf");
		documents.upload(app.applicationNo(), code,
				pdf ? Upload.of(code + ".pdf", pdf(code)) : Upload.of(code + ".jpg", jpeg(640, 480)),
				ApplicationService.CITIZEN);
	}

	/** A multipart/form-data body with one file part, for clients that speak plain HTTP; the name in UTF-8, as browsers send it. */
	public static byte[] multipart(String boundary, String part, String fileName, String type, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	/** A one-page PDF saying {@code text}: what a scanner's "save as PDF" gives. */
	public static byte[] pdf(String text) {
		return pdf(text, 1);
	}

	public static byte[] pdf(String text, int pages) {
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				pdf.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
					content.newLineAtOffset(72, 760);
					content.showText(text + (pages > 1 ? " - page " + (i + 1) : ""));
					content.endText();
				}
			}
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A photo-like JPEG: a gradient with a dark band, so re-encoding has something to keep. */
	public static byte[] jpeg(int width, int height) {
		return image(width, height, "jpeg");
	}

	public static byte[] png(int width, int height) {
		return image(width, height, "png");
	}

	private static byte[] image(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int y = 0; y < height; y++) {
			g.setColor(new Color(80 + 150 * y / height, 120, 200 - 120 * y / height));
			g.drawLine(0, y, width, y);
		}
		g.setColor(Color.DARK_GRAY);
		g.fillRect(width / 8, height / 3, width * 3 / 4, height / 6);
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
