package org.sevahub.certificate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;

/**
 * How many glyphs each marked-content span of a page draws, by the span's /ActualText. Text extraction reads
 * /ActualText and so cannot tell shaped from unshaped Indic text; the glyphs drawn can: shaping turns a
 * conjunct such as क्ष (three characters) into one ligature glyph.
 */
final class ShapedGlyphs {

	private ShapedGlyphs() {
	}

	/** Glyph counts per /ActualText, for a page whose fonts are two-byte (Identity-H) Type 0 fonts. */
	static Map<String, Integer> perSpan(PDPage page) throws IOException {
		Map<String, Integer> counts = new HashMap<>();
		glyphIds(page).forEach((span, ids) -> counts.put(span, ids.size()));
		return counts;
	}

	/**
	 * The glyph ids each span draws, in the order written, by its /ActualText (Identity-H: a code is a glyph id of
	 * the embedded font before subsetting, which PDFBox keeps as the CID).
	 */
	static Map<String, List<Integer>> glyphIds(PDPage page) throws IOException {
		Map<String, List<Integer>> glyphs = new HashMap<>();
		List<COSBase> operands = new ArrayList<>();
		String span = null;
		for (Object token : new PDFStreamParser(page).parse()) {
			if (!(token instanceof Operator operator)) {
				operands.add((COSBase) token);
				continue;
			}
			switch (operator.getName()) {
				case "BDC" -> span = actualText(page, operands);
				case "EMC" -> span = null;
				case "Tj", "'", "\"" -> count(glyphs, span, operands.get(operands.size() - 1));
				case "TJ" -> {
					for (COSBase part : (COSArray) operands.get(0)) {
						count(glyphs, span, part);
					}
				}
				default -> {
				}
			}
			operands.clear();
		}
		return glyphs;
	}

	private static String actualText(PDPage page, List<COSBase> operands) {
		COSBase properties = operands.get(operands.size() - 1);
		COSDictionary dictionary = properties instanceof COSName name
				? page.getResources().getProperties(name).getCOSObject()
				: (COSDictionary) properties;
		return PDPropertyList.create(dictionary).getCOSObject().getString(COSName.ACTUAL_TEXT);
	}

	private static void count(Map<String, List<Integer>> glyphs, String span, COSBase shown) {
		if (span != null && shown instanceof COSString text) {
			byte[] codes = text.getBytes();
			List<Integer> ids = glyphs.computeIfAbsent(span, s -> new ArrayList<>());
			for (int i = 0; i + 1 < codes.length; i += 2) {
				ids.add((codes[i] & 0xFF) << 8 | codes[i + 1] & 0xFF);
			}
		}
	}

}
