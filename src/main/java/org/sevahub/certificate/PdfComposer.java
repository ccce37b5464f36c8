package org.sevahub.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.apache.fontbox.ttf.model.GsubData;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out simple one-page documents (receipts, certificates) in PDFBox with the shipped Noto fonts. Text is
 * split into runs by script and each run set in the font that has its glyphs; PDFBox applies the fonts' GSUB
 * rules for Devanagari and Bengali, so conjuncts and vowel signs print as a reader expects.
 */
public final class PdfComposer implements AutoCloseable {

	private static final float MARGIN = 56;

	private final PDDocument document = new PDDocument();

	private final PDPage page = new PDPage(PDRectangle.A4);

	private final PDPageContentStream content;

	private final Fonts regular;

	private final Fonts bold;

	private float y;

	public PdfComposer(String title) {
		try {
			document.addPage(page);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setProducer("SevaHub");
			regular = new Fonts(load("NotoSans-Regular"), load("NotoSansDevanagari-Regular"), load("NotoSansBengali-Regular"));
			bold = new Fonts(load("NotoSans-Bold"), load("NotoSansDevanagari-Bold"), load("NotoSansBengali-Bold"));
			content = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public PdfComposer heading(String text, float size) {
		y -= size + 6;
		write(text, MARGIN, y, size, bold);
		y -= 8;
		return this;
	}

	public PdfComposer paragraph(String text, float size) {
		y -= size + 6;
		write(text, MARGIN, y, size, regular);
		return this;
	}

	/** A paragraph broken into lines of at most {@code width} characters. */
	public PdfComposer wrapped(String text, float size, int width) {
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() + word.length() + 1 > width && line.length() > 0) {
				paragraph(line.toString(), size);
				line.setLength(0);
			}
			line.append(line.length() == 0 ? "" : " ").append(word);
		}
		if (line.length() > 0) {
			paragraph(line.toString(), size);
		}
		return this;
	}

	/** A label and its value on one line, the label in bold. */
	public PdfComposer field(String label, String value) {
		float size = 11;
		y -= size + 9;
		write(label, MARGIN, y, size, bold);
		write(value == null ? "" : value, MARGIN + 190, y, size, regular);
		return this;
	}

	/**
	 * A label in two languages (the state's in bold, English small beneath it) and its value: how a bilingual
	 * certificate reads.
	 */
	public PdfComposer field(String label, String englishLabel, String value) {
		if (label == null || label.equals(englishLabel)) {
			return field(englishLabel, value);
		}
		float size = 11;
		y -= size + 9;
		write(label, MARGIN, y, size, bold);
		write(value == null ? "" : value, MARGIN + 190, y, size, regular);
		y -= 10;
		write(englishLabel, MARGIN, y, 8, regular);
		return this;
	}

	public PdfComposer gap(float points) {
		y -= points;
		return this;
	}

	/** Places a PNG image (a QR code, a seal) at the right margin of the current line. */
	public PdfComposer imageRight(byte[] png, float width) {
		try {
			PDImageXObject image = PDImageXObject.createFromByteArray(document, png, "image");
			float x = page.getMediaBox().getWidth() - MARGIN - width;
			content.drawImage(image, x, y - width, width, width);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] toBytes() {
		try {
			content.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(String text, float x, float baseline, float size, Fonts fonts) {
		try {
			float cursor = x;
			for (Run run : runs(text)) {
				PDFont font = fonts.forScript(run.script());
				// Shaped Indic text draws ligature glyphs that have no Unicode of their own; /ActualText keeps
				// the run's real characters, so copying or extracting the text gives back exactly the name.
				COSDictionary span = new COSDictionary();
				span.setString(COSName.ACTUAL_TEXT, run.text());
				content.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(span));
				content.beginText();
				content.setFont(font, size);
				content.newLineAtOffset(cursor, baseline);
				content.showText(run.text());
				content.endText();
				content.endMarkedContent();
				cursor += width(font, run.text()) / 1000 * size;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The width of a run as drawn: PDFBox shapes Devanagari and Bengali with the font's GSUB rules, so a conjunct
	 * is one glyph where its characters would be three, and the unshaped width would leave a gap before the next
	 * run.
	 */
	private static float width(PDFont font, String text) throws IOException {
		if (font instanceof PDType0Font type0 && type0.getGsubData() != null
				&& type0.getGsubData() != GsubData.NO_DATA_FOUND) {
			CmapLookup cmap = type0.getCmapLookup();
			GsubWorker shaping = new GsubWorkerFactory().getGsubWorker(cmap, type0.getGsubData());
			List<Integer> glyphs = new ArrayList<>();
			text.codePoints().forEach(codePoint -> glyphs.add(cmap.getGlyphId(codePoint)));
			float width = 0;
			for (int glyph : shaping.applyTransforms(glyphs)) {
				width += type0.getWidthFromFont(glyph);
			}
			return width;
		}
		return font.getStringWidth(text);
	}

	/** Splits text into runs of one script; spaces, digits and punctuation stay with the run they are in. */
	static List<Run> runs(String text) {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Script script = null;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			Script next = Script.of(codePoint);
			if (next != Script.COMMON && script != null && next != script && current.length() > 0) {
				runs.add(new Run(script, current.toString()));
				current.setLength(0);
			}
			if (next != Script.COMMON) {
				script = next;
			}
			current.appendCodePoint(codePoint);
			i += Character.charCount(codePoint);
		}
		if (current.length() > 0) {
			runs.add(new Run(script == null ? Script.LATIN : script, current.toString()));
		}
		return runs;
	}

	private PDFont load(String name) throws IOException {
		try (InputStream in = PdfComposer.class.getResourceAsStream("/fonts/" + name + ".ttf")) {
			if (in == null) {
				throw new IOException("Font " + name + " is not on the classpath");
			}
			return PDType0Font.load(document, in, true);
		}
	}

	enum Script {

		LATIN, DEVANAGARI, BENGALI, COMMON;

		static Script of(int codePoint) {
			// The dandas (U+0964, U+0965) are shared by Devanagari and Bengali: they follow their run.
			if (codePoint == 0x0964 || codePoint == 0x0965) {
				return COMMON;
			}
			if (codePoint >= 0x0900 && codePoint <= 0x097F || codePoint >= 0xA8E0 && codePoint <= 0xA8FF) {
				return DEVANAGARI;
			}
			if (codePoint >= 0x0980 && codePoint <= 0x09FF) {
				return BENGALI;
			}
			if (Character.isLetter(codePoint)) {
				return LATIN;
			}
			return COMMON;
		}

	}

	record Run(Script script, String text) {
	}

	private record Fonts(PDFont latin, PDFont devanagari, PDFont bengali) {

		PDFont forScript(Script script) {
			return switch (script) {
				case DEVANAGARI -> devanagari;
				case BENGALI -> bengali;
				default -> latin;
			};
		}

	}

}
