package org.sevahub.document;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * A file's type from its bytes, by Apache Tika's magic-number detection: never from its name or the type the
 * browser claimed, which anyone can set. Tika's core detector alone, no parsers: nothing here interprets the
 * file.
 */
final class FileTypes {

	private static final Tika TIKA = new Tika();

	private FileTypes() {
	}

	/** The detected media type without parameters ({@code application/x-msdownload}, not {@code ...; format=pe32}). */
	static String detect(byte[] content) {
		return MediaType.parse(TIKA.detect(content)).getBaseType().toString();
	}

	/** Whether the bytes are a program, so the citizen is told that rather than a bare media type. */
	static boolean isProgram(String mediaType) {
		return mediaType.equals("application/x-msdownload") || mediaType.equals("application/x-dosexec")
				|| mediaType.equals("application/x-executable") || mediaType.equals("application/x-sharedlib")
				|| mediaType.equals("application/x-mach-o-executable") || mediaType.equals("application/x-sh")
				|| mediaType.equals("application/java-archive") || mediaType.equals("application/x-elf")
				|| mediaType.equals("application/x-msi") || mediaType.equals("application/x-bat");
	}

}
