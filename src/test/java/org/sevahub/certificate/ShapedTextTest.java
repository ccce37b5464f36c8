package org.sevahub.certificate;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indic text in SevaHub's PDFs is drawn as the JDK's layout (HarfBuzz) shapes it: the glyphs written are the
 * layout's, the reph follows the consonant it is written before, the i-matra precedes its consonant, and the page
 * looks like the same word drawn by Java 2D, not like the misordered "वाषर्कि" PDFBox's own GSUB gave.
 */
class ShapedTextTest {

	private static final String HINDI = "वार्षिक";

	private static final String BENGALI = "বার্ষিক";

	private static final String BENGALI_OFFICE = "কার্যালয়";

	@Test
	void theGlyphsWrittenAreTheJdkLayoutsWithTheRephAfterItsConsonant() throws Exception {
		byte[] pdf;
		try (PdfComposer composer = new PdfComposer("shaping")) {
			pdf = composer.paragraph("परिवार की " + HINDI + " आय", 12)
				.paragraph(HINDI, 12)
				.paragraph(BENGALI, 12)
				.paragraph(BENGALI_OFFICE, 12)
				.toBytes();
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Map<String, List<Integer>> written = ShapedGlyphs.glyphIds(document.getPage(0));
			assertThat(written.get(HINDI)).containsExactlyElementsOf(jdkLayout("NotoSansDevanagari-Regular", HINDI));
			assertThat(written.get(BENGALI)).containsExactlyElementsOf(jdkLayout("NotoSansBengali-Regular", BENGALI));
			assertThat(written.get(BENGALI_OFFICE))
				.containsExactlyElementsOf(jdkLayout("NotoSansBengali-Regular", BENGALI_OFFICE));

			// By the fonts' glyph names: व ा ि(with the reph's room) ष reph क. Noto Sans Devanagari draws the reph
			// through a mark glyph placed after ष and widens the i-matra over both.
			assertThat(names("NotoSansDevanagari-Regular", written.get(HINDI))).containsExactly("vadeva",
					"aavowelsigndeva", "ivowelsignreph03deva", "ssadeva", "dummymarkdeva", "kadeva");
			// ব া ি ষ reph ক: the reph is written first (র্ষ) and drawn after ষ.
			assertThat(names("NotoSansBengali-Regular", written.get(BENGALI))).containsExactly("babeng", "aavowelsignbeng",
					"ivowelsignbeng", "ssabeng", "rephbeng", "kabeng");
			// কা র্য া ল য়: the reph sits on য.
			List<String> office = names("NotoSansBengali-Regular", written.get(BENGALI_OFFICE));
			assertThat(office.indexOf("rephbeng")).isEqualTo(office.indexOf("yabeng") + 1);

			assertThat(new PDFTextStripper().getText(document)).as("extraction reads /ActualText")
				.contains("परिवार की " + HINDI + " आय", HINDI, BENGALI, BENGALI_OFFICE);
		}
	}

	/**
	 * The page as PDFBox renders it against Java 2D drawing the word with the same font: close to the word, far from
	 * the misordered spelling. Compared on the ink's bounding box, so the page layout does not matter.
	 */
	@Test
	void theRenderedWordLooksLikeJava2dDrawingIt() throws Exception {
		float size = 60;
		byte[] pdf;
		try (PdfComposer composer = new PdfComposer("shaping")) {
			pdf = composer.paragraph(HINDI, size).toBytes();
		}
		BufferedImage page;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			page = new PDFRenderer(document).renderImageWithDPI(0, 72);
		}
		boolean[][] rendered = ink(page);
		double right = difference(rendered, ink(drawn("NotoSansDevanagari-Regular", HINDI, size)));
		double wrong = difference(rendered, ink(drawn("NotoSansDevanagari-Regular", "वाषर्कि", size)));
		assertThat(right).as("share of ink pixels that differ from Java 2D's वार्षिक").isLessThan(0.15);
		assertThat(wrong).as("against the misordered spelling").isGreaterThan(right * 2);
	}

	private static List<Integer> jdkLayout(String font, String text) throws Exception {
		char[] chars = text.toCharArray();
		GlyphVector layout = awtFont(font, 1000).layoutGlyphVector(new FontRenderContext(new AffineTransform(), true, true),
				chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
		return Arrays.stream(layout.getGlyphCodes(0, layout.getNumGlyphs(), null)).boxed().toList();
	}

	private static List<String> names(String font, List<Integer> glyphs) throws Exception {
		try (InputStream in = ShapedTextTest.class.getResourceAsStream("/fonts/" + font + ".ttf")) {
			TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
			List<String> names = new java.util.ArrayList<>();
			for (int glyph : glyphs) {
				names.add(ttf.getPostScript().getName(glyph));
			}
			return names;
		}
	}

	private static Font awtFont(String name, float size) throws Exception {
		try (InputStream in = ShapedTextTest.class.getResourceAsStream("/fonts/" + name + ".ttf")) {
			return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
		}
	}

	private static BufferedImage drawn(String font, String text, float size) throws Exception {
		BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		g.setFont(awtFont(font, size));
		g.drawString(text, 20, 120);
		g.dispose();
		return image;
	}

	/** The dark pixels inside their bounding box. */
	private static boolean[][] ink(BufferedImage image) {
		int top = Integer.MAX_VALUE, left = Integer.MAX_VALUE, bottom = -1, right = -1;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if (dark(image, x, y)) {
					top = Math.min(top, y);
					bottom = Math.max(bottom, y);
					left = Math.min(left, x);
					right = Math.max(right, x);
				}
			}
		}
		assertThat(bottom).as("something was drawn").isNotNegative();
		boolean[][] ink = new boolean[bottom - top + 1][right - left + 1];
		for (int y = top; y <= bottom; y++) {
			for (int x = left; x <= right; x++) {
				ink[y - top][x - left] = dark(image, x, y);
			}
		}
		return ink;
	}

	private static boolean dark(BufferedImage image, int x, int y) {
		int rgb = image.getRGB(x, y);
		return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 < 128;
	}

	/** Pixels inked in one image and not the other, over the ink of both, the boxes aligned at the top left. */
	private static double difference(boolean[][] a, boolean[][] b) {
		int height = Math.max(a.length, b.length);
		int width = Math.max(a[0].length, b[0].length);
		int differ = 0;
		int inked = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				boolean p = y < a.length && x < a[0].length && a[y][x];
				boolean q = y < b.length && x < b[0].length && b[y][x];
				if (p || q) {
					inked++;
				}
				if (p != q) {
					differ++;
				}
			}
		}
		return (double) differ / inked;
	}

}
