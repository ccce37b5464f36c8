package org.sevahub.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.sevahub.testsupport.TestDocuments;

/**
 * The files a department must not take, made here from parts: the EICAR test string is assembled at run time
 * (never committed whole, so no anti-virus quarantines the sources), the PDFs are built with PDFBox.
 */
public final class SuspiciousFiles {

	/** The test marker of src/test/resources/clamd/sevahub-test.ndb. */
	public static final String MARKER = "SEVAHUB-TEST-" + "MALWARE-MARKER-7f3a";

	private SuspiciousFiles() {
	}

	/** The EICAR anti-virus test file (68 bytes), from its two halves. */
	public static byte[] eicar() {
		String first = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
		String second = "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*";
		return (first + second).getBytes(StandardCharsets.US_ASCII);
	}

	/** The first bytes of a Windows program (DOS header, PE signature), as a renamed setup.exe starts. */
	public static byte[] windowsProgram() {
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, exe, 0x4e, stub.length);
		return exe;
	}

	/** A PDF that runs JavaScript when opened. */
	public static byte[] pdfWithOpenActionScript() {
		return pdf(pdf -> pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('pwned')")));
	}

	/** A PDF whose page launches a program when shown: the action hides on a page, not the catalog. */
	public static byte[] pdfWithPageLaunchAction() {
		return pdf(pdf -> {
			PDPageAdditionalActions actions = new PDPageAdditionalActions();
			PDActionLaunch launch = new PDActionLaunch();
			launch.getCOSObject().setString(COSName.F, "cmd.exe");
			actions.setO(launch);
			pdf.getPage(0).setActions(actions);
		});
	}

	/** Document-level JavaScript in the catalog's name tree. */
	public static byte[] pdfWithDocumentScript() {
		return pdf(pdf -> {
			var scripts = new org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode();
			scripts.setNames(Map.of("init", new PDActionJavaScript("this.print()")));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
			names.setJavascript(scripts);
			pdf.getDocumentCatalog().setNames(names);
		});
	}

	/** A PDF carrying another file inside it. */
	public static byte[] pdfWithEmbeddedFile() {
		return pdf(pdf -> {
			try {
				PDEmbeddedFile file = new PDEmbeddedFile(pdf,
						new java.io.ByteArrayInputStream("MZ payload".getBytes(StandardCharsets.US_ASCII)));
				PDComplexFileSpecification spec = new PDComplexFileSpecification();
				spec.setFile("invoice.exe");
				spec.setEmbeddedFile(file);
				PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
				tree.setNames(Map.of("invoice.exe", spec));
				PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
				names.setEmbeddedFiles(tree);
				pdf.getDocumentCatalog().setNames(names);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Encrypted with an owner password only: it opens without a password, but SevaHub cannot vouch for it. */
	public static byte[] encryptedPdf(String userPassword) {
		return pdf(pdf -> {
			try {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				pdf.protect(policy);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** A valid one-page PDF with the scanner's test marker in its text: an accepted type, still malware. */
	public static byte[] pdfWithMarker() {
		return TestDocuments.pdf("Income statement " + MARKER);
	}

	private static byte[] pdf(java.util.function.Consumer<PDDocument> change) {
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			pdf.addPage(new PDPage());
			change.accept(pdf);
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A JPEG as a phone writes it: an EXIF block saying "turn 90° clockwise to view" (orientation 6) and a
	 * comment with where it was taken, in front of {@code jpeg}'s own segments.
	 */
	public static byte[] phoneJpeg(byte[] jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		// APP1 Exif: TIFF little-endian header, one IFD0 entry: Orientation (0x0112), SHORT, 1, value 6.
		byte[] tiff = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0 };
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff);
		segment(out, 0xE1, exif);
		segment(out, 0xFE, "Taken at 22.5726N 88.3639E by Sunita's phone".getBytes(StandardCharsets.US_ASCII));
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
		out.write(0xFF);
		out.write(marker);
		out.write((body.length + 2) >> 8);
		out.write((body.length + 2) & 0xFF);
		out.write(body, 0, body.length);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List.of(parts).forEach(p -> out.write(p, 0, p.length));
		return out.toByteArray();
	}

}
