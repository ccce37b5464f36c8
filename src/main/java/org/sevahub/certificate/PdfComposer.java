package org.sevahub.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import com.google.zxing.common.BitMatrix;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out simple documents (receipts, certificates, reports) in PDFBox with the shipped Noto fonts. Text is
 * split into runs by script and each run set in the font that has its glyphs. Every run is shaped by the JDK's text
 * layout ({@link ShapedText}: conjuncts, the reph after its consonant, the i-matra before it) and its glyphs placed
 * as that layout says; PDFBox only embeds the fonts and writes the glyph ids. A field's value wraps within its
 * column, and what does not fit above the bottom margin goes on a new page: a citizen may give a 500-character
 * address, and a report may have many rows.
 */
public final class PdfComposer implements AutoCloseable {

	private static final float MARGIN = 56;

	/** The labels' column: values start this far right of the margin. */
	private static final float LABEL_COLUMN = 190;

	/** White kept between a value and the QR code beside it, in points: the symbol's quiet zone and more. */
	private static final float QR_CLEARANCE = 12;

	/** How far below a bilingual label its English beneath it stands. */
	private static final float ENGLISH_LABEL_DROP = 10;

	private static final int IDLE_SETS = 4;

	/**
	 * Parsed fonts, lent to one PDF at a time. Parsing the six Noto fonts (their GSUB tables included) for every PDF
	 * was most of PDFBox's share of issuing a certificate. A parsed TrueTypeFont reads its tables lazily from one
	 * buffer, so it is never used by two PDFs at once; at most {@code IDLE_SETS} sets wait between PDFs, so a burst
	 * of receipts on many web threads leaves no more behind. Fonts loaded this way are not closed with the document.
	 */
	private static final BlockingDeque<Map<String, TrueTypeFont>> IDLE = new LinkedBlockingDeque<>(IDLE_SETS);

	private static final Fonts REGULAR = new Fonts("NotoSans-Regular", "NotoSansDevanagari-Regular",
			"NotoSansBengali-Regular");

	private static final Fonts BOLD = new Fonts("NotoSans-Bold", "NotoSansDevanagari-Bold", "NotoSansBengali-Bold");

	private final PDDocument document = new PDDocument();

	private PDPage page = new PDPage(PDRectangle.A4);

	private PDPageContentStream content;

	/** This PDF's parsed fonts, borrowed from {@link #IDLE} (or parsed now) and given back at {@link #close}. */
	private final Map<String, TrueTypeFont> parsed = Objects.requireNonNullElseGet(IDLE.pollFirst(), HashMap::new);

	/**
	 * The faces this PDF has used, each embedded at its first run of text: a certificate in English and Hindi never
	 * embeds, nor subsets at save, the two Bengali faces.
	 */
	private final Map<String, Face> faces = new HashMap<>();

	private float y;

	/** Runs shaped in this document, by font and text ({@link #shape}). */
	private final Map<String, ShapedText> shaped = new HashMap<>();

	/** Where the QR code is, if there is one: values beside it wrap before it. */
	private PDPage qrPage;

	private float qrLeft;

	private float qrBottom;

	public PdfComposer(String title) {
		try {
			document.addPage(page);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setProducer("SevaHub");
			content = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public PdfComposer heading(String text, float size) {
		lineDown(size + 6, 8);
		write(text, MARGIN, y, size, BOLD);
		y -= 8;
		return this;
	}

	public PdfComposer paragraph(String text, float size) {
		lineDown(size + 6, 0);
		write(text, MARGIN, y, size, REGULAR);
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

	/**
	 * Pieces one after another, each but the last followed by {@code mark} and a space, in lines as wide as the text
	 * column as shaped, a line breaking only between pieces: a report's "Received 5; Disposed within time 2; …" never
	 * leaves a figure's name on one line and its value, or the rest of its name, on the next. A piece wider than the
	 * column goes on over more lines.
	 */
	public PdfComposer pieces(List<String> pieces, String mark, float size) {
		float width = page.getMediaBox().getWidth() - 2 * MARGIN;
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < pieces.size(); i++) {
			String piece = pieces.get(i) + (i < pieces.size() - 1 ? mark : "");
			if (line.length() > 0 && width(line + " " + piece, size, REGULAR) > width) {
				lines(line.toString(), size, REGULAR, width).forEach(part -> paragraph(part, size));
				line.setLength(0);
			}
			line.append(line.length() == 0 ? "" : " ").append(piece);
		}
		if (line.length() > 0) {
			lines(line.toString(), size, REGULAR, width).forEach(part -> paragraph(part, size));
		}
		return this;
	}

	/** A label and its value, the label in bold; a value too wide for its column goes on over more lines. */
	public PdfComposer field(String label, String value) {
		float size = 11;
		lineDown(size + 9, 0);
		write(label, MARGIN, y, size, BOLD);
		valueLines(lines(value == null ? "" : value, size, REGULAR, valueWidth(size)), size);
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
		lineDown(size + 9, ENGLISH_LABEL_DROP);
		PDPage labelled = page;
		float top = y;
		write(label, MARGIN, top, size, BOLD);
		write(englishLabel, MARGIN, top - ENGLISH_LABEL_DROP, 8, REGULAR);
		valueLines(lines(value == null ? "" : value, size, REGULAR, valueWidth(size)), size);
		if (page == labelled) {
			y = Math.min(y, top - ENGLISH_LABEL_DROP);
		}
		return this;
	}

	public PdfComposer gap(float points) {
		y -= points;
		return this;
	}

	/** A QR code of {@code text}, {@code width} points square, at the right margin from the current line down. */
	public PdfComposer qrRight(String text, float width) {
		if (y - width < MARGIN) {
			newPage();
		}
		BitMatrix modules = QrCodes.modules(text);
		float module = width / modules.getWidth();
		float left = page.getMediaBox().getWidth() - MARGIN - width;
		qrPage = page;
		qrLeft = left;
		qrBottom = y - width;
		try {
			content.saveGraphicsState();
			content.setNonStrokingColor(0f);
			// One rectangle per run of dark modules in a row: a few hundred path operators, not one per module.
			for (int row = 0; row < modules.getHeight(); row++) {
				int column = 0;
				while (column < modules.getWidth()) {
					if (!modules.get(column, row)) {
						column++;
						continue;
					}
					int start = column;
					while (column < modules.getWidth() && modules.get(column, row)) {
						column++;
					}
					content.addRect(left + start * module, y - (row + 1) * module, (column - start) * module, module);
				}
			}
			content.fill();
			content.restoreGraphicsState();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Moves down a line {@code height} high, first to a new page if it and {@code keep} more would pass the margin. */
	private void lineDown(float height, float keep) {
		if (y - height - keep < MARGIN) {
			newPage();
		}
		y -= height;
	}

	private void newPage() {
		try {
			content.close();
			page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A value's lines in the value column, the first on the current line. */
	private void valueLines(List<String> lines, float size) {
		for (int i = 0; i < lines.size(); i++) {
			if (i > 0) {
				lineDown(size + 4, 0);
			}
			write(lines.get(i), MARGIN + LABEL_COLUMN, y, size, REGULAR);
		}
	}

	/** The value column's width on the current line: narrower beside the QR code, which keeps its white around it. */
	private float valueWidth(float size) {
		float right = page == qrPage && y + size > qrBottom ? qrLeft - QR_CLEARANCE
				: page.getMediaBox().getWidth() - MARGIN;
		return right - MARGIN - LABEL_COLUMN;
	}

	/**
	 * {@code text} broken at spaces into lines at most {@code width} points wide, as shaped; a word wider than that
	 * is broken between its characters (grapheme clusters, so a conjunct stays whole).
	 */
	private List<String> lines(String text, float size, Fonts fonts, float width) {
		// No glyph of these fonts is wider than an em: a text this short fits without being measured. A longer one
		// that fits is shaped once, and drawn from that shaping.
		if (text.length() * size <= width || width(text, size, fonts) <= width) {
			return List.of(text);
		}
		// Words are measured one by one and a line is their widths and its spaces': shaping every longer start of
		// the line instead made a long address cost as many shapings as it has words, each longer than the last.
		float space = width(" ", size, fonts);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float used = 0;
		for (String word : text.trim().split("\\s+")) {
			float wide = width(word, size, fonts);
			if (line.length() > 0 && used + space + wide <= width) {
				line.append(' ').append(word);
				used += space + wide;
				continue;
			}
			if (line.length() > 0) {
				lines.add(line.toString());
				line.setLength(0);
			}
			String rest = word;
			while (wide > width) {
				String fits = longestFittingStart(rest, size, fonts, width);
				lines.add(fits);
				rest = rest.substring(fits.length());
				wide = width(rest, size, fonts);
			}
			line.append(rest);
			used = wide;
		}
		if (line.length() > 0 || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** The longest start of {@code word}, whole grapheme clusters and at least one, that fits {@code width}. */
	private String longestFittingStart(String word, float size, Fonts fonts, float width) {
		BreakIterator clusters = BreakIterator.getCharacterInstance();
		clusters.setText(word);
		int end = clusters.next();
		for (int next = clusters.next(); next != BreakIterator.DONE
				&& width(word.substring(0, next), size, fonts) <= width; next = clusters.next()) {
			end = next;
		}
		return word.substring(0, end);
	}

	/** How wide {@code text} is set in {@code fonts} at {@code size}, in points, as the JDK's layout shapes it. */
	private float width(String text, float size, Fonts fonts) {
		float advance = 0;
		for (Run run : runs(text)) {
			advance += shape(fonts.forScript(run.script()), run.text()).advance();
		}
		return advance / 1000 * size;
	}

	/**
	 * A run shaped once for this document: a value measured to fit its column is drawn as measured, so wrapping
	 * costs a shaping only for the candidate lines that did not fit.
	 */
	private ShapedText shape(String fontName, String text) {
		return shaped.computeIfAbsent(fontName + '\u0000' + text, key -> ShapedText.shape(fontName, text));
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
			IDLE.offerFirst(parsed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(String text, float x, float baseline, float size, Fonts fonts) {
		try {
			float cursor = x;
			for (Run run : runs(text)) {
				Face face = face(fonts.forScript(run.script()));
				ShapedText shaped = shape(face.name(), run.text());
				// Shaped Indic text draws ligature glyphs that have no Unicode of their own; /ActualText keeps
				// the run's real characters, so copying or extracting the text gives back exactly the name.
				COSDictionary span = new COSDictionary();
				span.setString(COSName.ACTUAL_TEXT, run.text());
				content.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(span));
				content.beginText();
				content.setFont(face.pdf(), size);
				content.newLineAtOffset(cursor, baseline);
				showGlyphs(face.pdf(), shaped, size, run.text());
				content.endText();
				content.endMarkedContent();
				cursor += shaped.advance() / 1000 * size;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the glyphs the JDK's layout chose, each where the layout put it: one TJ array whose numbers move a glyph
	 * from where the font's own advance would leave it to the layout's position (a mark over a consonant, a reph
	 * after it), and a text rise (Ts) for a glyph the layout raised or lowered.
	 */
	// appendRawCommands: PDFBox's showText takes characters and shapes them itself (wrongly, for Indic scripts);
	// its content stream has no other way to write a string of glyph ids.
	@SuppressWarnings("deprecation")
	private void showGlyphs(PDType0Font font, ShapedText shaped, float size, String text) throws IOException {
		// The characters too: the subset's ToUnicode then covers every glyph a character maps to directly.
		text.codePoints().forEach(font::addToSubset);
		Set<Integer> used = new HashSet<>();
		ByteArrayOutputStream ops = new ByteArrayOutputStream();
		ops.write('[');
		float pen = 0;
		float rise = 0;
		for (int i = 0; i < shaped.glyphs().length; i++) {
			int glyph = shaped.glyphs()[i];
			if (shaped.y()[i] != rise) {
				rise = shaped.y()[i];
				ops.writeBytes(("] TJ " + number(rise / 1000 * size) + " Ts [").getBytes(StandardCharsets.US_ASCII));
			}
			float shift = shaped.x()[i] - pen;
			if (Math.abs(shift) > 0.01f) {
				// A TJ number moves the next glyph left by thousandths of an em.
				ops.writeBytes((" " + number(-shift) + " ").getBytes(StandardCharsets.US_ASCII));
			}
			COSWriter.writeString(font.encodeGlyphId(glyph), ops);
			used.add(glyph);
			pen = shaped.x()[i] + font.getWidthFromFont(glyph);
		}
		ops.writeBytes("] TJ\n".getBytes(StandardCharsets.US_ASCII));
		if (rise != 0) {
			// The text rise outlives the text object: put it back for the next run.
			ops.writeBytes("0 Ts\n".getBytes(StandardCharsets.US_ASCII));
		}
		font.addGlyphsToSubset(used);
		content.appendRawCommands(ops.toByteArray());
	}

	private static String number(float value) {
		return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
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

	private Face face(String name) throws IOException {
		Face face = faces.get(name);
		if (face == null) {
			face = load(name);
			faces.put(name, face);
		}
		return face;
	}

	private Face load(String name) throws IOException {
		TrueTypeFont font = parsed.get(name);
		if (font == null) {
			try (InputStream in = PdfComposer.class.getResourceAsStream("/fonts/" + name + ".ttf")) {
				if (in == null) {
					throw new IOException("Font " + name + " is not on the classpath");
				}
				font = new TTFParser().parse(new RandomAccessReadBuffer(in));
			}
			parsed.put(name, font);
		}
		return new Face(name, PDType0Font.load(document, font, true));
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

	/** A shipped font: its name for the JDK's layout, and the same TTF embedded (subset) in this document. */
	private record Face(String name, PDType0Font pdf) {
	}

	/** The shipped fonts of one weight, by script. */
	private record Fonts(String latin, String devanagari, String bengali) {

		String forScript(Script script) {
			return switch (script) {
				case DEVANAGARI -> devanagari;
				case BENGALI -> bengali;
				default -> latin;
			};
		}

	}

}
