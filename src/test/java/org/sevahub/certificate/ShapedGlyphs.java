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
		Map<String, Integer> glyphs = new HashMap<>();
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

	private static void count(Map<String, Integer> glyphs, String span, COSBase shown) {
		if (span != null && shown instanceof COSString text) {
			glyphs.merge(span, text.getBytes().length / 2, Integer::sum);
		}
	}

}
