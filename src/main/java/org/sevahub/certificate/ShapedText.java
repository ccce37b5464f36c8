package org.sevahub.certificate;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run of text shaped by the JDK's own text layout: the glyph ids of the font and where each goes, in thousandths
 * of an em (the unit of a PDF font's widths).
 *
 * <p>
 * Why this glue is written by hand: PDFBox applies a font's GSUB substitutions but has no Indic shaping engine (it
 * neither moves the reph behind its consonant nor places the i-matra before it, and ignores GPOS), so "वार्षिक"
 * printed as "वाषर्कि". The JDK has run HarfBuzz behind {@link Font#layoutGlyphVector} since JDK 11; it shapes the
 * very TTF that is embedded in the PDF, so its glyph ids are the PDF font's glyph ids and {@link PdfComposer} only
 * places them. Nothing here draws: it works with {@code java.awt.headless=true} on a server without a display.
 */
record ShapedText(int[] glyphs, float[] x, float[] y, float advance) {

	/** One em is 1000 units, as in PDF text space, so the layout's positions need no scaling. */
	private static final float EM = 1000f;

	/** Unhinted, fractional advances: a PDF is drawn at any resolution, never on the pixel grid of a screen. */
	private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);

	/** The JDK's glyph id for characters that draw nothing (ZWJ, ZWNJ) and 0xFFFE, its companion. */
	private static final int INVISIBLE = 0xFFFE;

	/** Parsed once per JVM: a java.awt.Font is immutable and its layout is thread-safe. */
	private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

	/** Shapes {@code text} in the shipped font {@code name} ({@code src/main/resources/fonts/<name>.ttf}). */
	static ShapedText shape(String fontName, String text) {
		Font font = FONTS.computeIfAbsent(fontName, ShapedText::load);
		char[] chars = text.toCharArray();
		GlyphVector layout = font.layoutGlyphVector(CONTEXT, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
		int count = layout.getNumGlyphs();
		int[] codes = layout.getGlyphCodes(0, count, null);
		float[] positions = layout.getGlyphPositions(0, count + 1, null);
		int[] glyphs = new int[count];
		float[] x = new float[count];
		float[] y = new float[count];
		int kept = 0;
		for (int i = 0; i < count; i++) {
			if (codes[i] >= INVISIBLE) {
				continue;
			}
			glyphs[kept] = codes[i];
			x[kept] = positions[2 * i];
			// Java 2D's y grows downwards, a PDF's upwards.
			y[kept] = -positions[2 * i + 1];
			kept++;
		}
		return new ShapedText(Arrays.copyOf(glyphs, kept), Arrays.copyOf(x, kept), Arrays.copyOf(y, kept),
				positions[2 * count]);
	}

	private static Font load(String name) {
		try (InputStream in = ShapedText.class.getResourceAsStream("/fonts/" + name + ".ttf")) {
			if (in == null) {
				throw new IOException("Font " + name + " is not on the classpath");
			}
			return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(EM);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("Font " + name + " is not a TrueType font", ex);
		}
	}

}
