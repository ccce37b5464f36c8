package org.sevahub.document;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import org.sevahub.document.DocumentRefusedException.Reason;

/**
 * Looks inside a PDF (PDFBox) for what an officer's viewer must never meet: encryption (SevaHub could not check
 * what is inside), JavaScript or actions that launch programs, submit data or import it (as the document's open
 * action, a page's, an annotation's or a form field's), XFA forms (which carry scripts), and embedded or
 * attached files. Every indirect object is walked, not only the catalog's usual places, so a script hidden in
 * an unreferenced object or an odd spot is found as well. Stream contents are not decoded here (clamd reads
 * them).
 */
final class PdfInspector {

	private static final COSName JS = COSName.getPDFName("JS");

	private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");

	private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");

	private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");

	private PdfInspector() {
	}

	/** @return the number of pages, once the PDF has passed */
	static int inspect(byte[] content, DocumentRequirement requirement) {
		try (PDDocument pdf = Loader.loadPDF(content)) {
			if (pdf.isEncrypted()) {
				throw new DocumentRefusedException(Reason.PDF_ENCRYPTED, requirement.code());
			}
			Map<COSBase, Boolean> seen = new IdentityHashMap<>();
			Reason found = walk(pdf.getDocument().getTrailer(), seen);
			for (COSObjectKey key : pdf.getDocument().getXrefTable().keySet()) {
				if (found == Reason.PDF_ACTIVE_CONTENT) {
					break;
				}
				COSObject object = pdf.getDocument().getObjectFromPool(key);
				Reason here = walk(object == null ? null : object.getObject(), seen);
				found = worse(found, here);
			}
			if (found != null) {
				throw new DocumentRefusedException(found, requirement.code());
			}
			int pages = pdf.getNumberOfPages();
			if (pages < 1) {
				throw new DocumentRefusedException(Reason.UNREADABLE, requirement.code());
			}
			if (requirement.maxPages() != null && pages > requirement.maxPages()) {
				throw new DocumentRefusedException(Reason.TOO_MANY_PAGES, requirement.code(), pages,
						requirement.maxPages());
			}
			return pages;
		}
		catch (InvalidPasswordException ex) {
			throw new DocumentRefusedException(Reason.PDF_ENCRYPTED, requirement.code());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DocumentRefusedException refused) {
				throw refused;
			}
			throw new DocumentRefusedException(Reason.UNREADABLE, requirement.code());
		}
	}

	/** The worst thing in this object and what it holds directly (references are walked from the xref table). */
	private static Reason walk(COSBase base, Map<COSBase, Boolean> seen) {
		if (base == null || base instanceof COSObject || seen.put(base, Boolean.TRUE) != null) {
			return null;
		}
		Reason found = null;
		if (base instanceof COSDictionary dict) {
			found = judge(dict);
			for (COSName key : dict.keySet()) {
				found = worse(found, walk(dict.getItem(key), seen));
			}
		}
		else if (base instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				found = worse(found, walk(array.get(i), seen));
			}
		}
		return found;
	}

	private static Reason judge(COSDictionary dict) {
		COSName action = dict.getCOSName(COSName.S);
		if (dict.containsKey(JS) || JAVASCRIPT.equals(action) || COSName.getPDFName("Launch").equals(action)
				|| COSName.getPDFName("ImportData").equals(action) || COSName.getPDFName("SubmitForm").equals(action)
				|| COSName.getPDFName("RichMediaExecute").equals(action) || dict.containsKey(COSName.getPDFName("XFA"))
				|| RICH_MEDIA.equals(dict.getCOSName(COSName.SUBTYPE))) {
			return Reason.PDF_ACTIVE_CONTENT;
		}
		if (dict.getDictionaryObject(JAVASCRIPT) instanceof COSDictionary) {
			// The catalog's /Names /JavaScript tree: document-level scripts.
			return Reason.PDF_ACTIVE_CONTENT;
		}
		if (dict.containsKey(EMBEDDED_FILES) || dict.containsKey(COSName.EF)
				|| COSName.EMBEDDED_FILE.equals(dict.getCOSName(COSName.TYPE))
				|| COSName.getPDFName("FileAttachment").equals(dict.getCOSName(COSName.SUBTYPE))) {
			return Reason.PDF_EMBEDDED_FILES;
		}
		return null;
	}

	/** Active content outranks embedded files: it is what the citizen most needs to hear about. */
	private static Reason worse(Reason a, Reason b) {
		if (a == Reason.PDF_ACTIVE_CONTENT || b == Reason.PDF_ACTIVE_CONTENT) {
			return Reason.PDF_ACTIVE_CONTENT;
		}
		return a != null ? a : b;
	}

}
