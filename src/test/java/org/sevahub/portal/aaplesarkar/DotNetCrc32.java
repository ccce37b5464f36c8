package org.sevahub.portal.aaplesarkar;

/**
 * The document's .NET CRC32 (3.1.6), ported line by line, as an independent check on the JDK's
 * {@link java.util.zip.CRC32} that SevaHub uses, and as the benchmark's side-by-side comparison.
 */
final class DotNetCrc32 {

	private static final int[] TABLE = table(0xedb88320);

	private DotNetCrc32() {
	}

	static long compute(byte[] buffer) {
		int crc = 0xffffffff;
		for (int i = 0; i < buffer.length; i++) {
			crc = (crc >>> 8) ^ TABLE[(buffer[i] ^ crc) & 0xff];
		}
		return ~crc & 0xffffffffL;
	}

	private static int[] table(int polynomial) {
		int[] table = new int[256];
		for (int i = 0; i < 256; i++) {
			int entry = i;
			for (int j = 0; j < 8; j++) {
				entry = (entry & 1) == 1 ? (entry >>> 1) ^ polynomial : entry >>> 1;
			}
			table[i] = entry;
		}
		return table;
	}

}
