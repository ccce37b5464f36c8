package org.sevahub.portal.aaplesarkar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aaple Sarkar's wire crypto as the .NET sample of document 3.3 does it (docs/portals/aaplesarkar.md: the Java sample is wrong):
 * TripleDES-CBC, the key and IV the UTF-8 bytes of MahaIT's strings, zero padding to 8 bytes, UTF-8 text,
 * uppercase hex on the wire, trailing NULs trimmed after decryption. Checksums are CRC-32 printed as unsigned
 * decimal over the bytes .NET's {@code ASCIIEncoding} gives (every non-ASCII character becomes '?').
 * <p>
 * Zero padding is done here by hand because no JDK or Bouncy Castle cipher mode pads with zeros the way .NET's
 * {@code PaddingMode.Zeros} does (nothing added to a full block); the cipher itself is the JDK's DESede. The CRC
 * is the JDK's {@link CRC32}: the sample's table-driven CRC32 is the same polynomial, seed and final inversion.
 */
public final class AaplesarkarCodec {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final String checksumKey;

	public AaplesarkarCodec(String encryptKey, String encryptIv, String checksumKey) {
		byte[] keyBytes = encryptKey.getBytes(StandardCharsets.UTF_8);
		byte[] ivBytes = encryptIv.getBytes(StandardCharsets.UTF_8);
		if (keyBytes.length != 24) {
			throw new IllegalArgumentException("Aaple Sarkar's encrypt key must be 24 bytes, not " + keyBytes.length);
		}
		if (ivBytes.length != 8) {
			throw new IllegalArgumentException("Aaple Sarkar's encrypt IV must be 8 bytes, not " + ivBytes.length);
		}
		this.key = new SecretKeySpec(keyBytes, "DESede");
		this.iv = new IvParameterSpec(ivBytes);
		this.checksumKey = Objects.requireNonNull(checksumKey, "checksumKey");
	}

	public String checksumKey() {
		return checksumKey;
	}

	/** {@code SimpleTripleDes}: UTF-8, zero padding, uppercase hex. */
	public String encrypt(String plaintext) {
		byte[] data = plaintext.getBytes(StandardCharsets.UTF_8);
		int padded = data.length % 8 == 0 ? data.length : data.length + 8 - data.length % 8;
		try {
			return HEX.formatHex(cipher(Cipher.ENCRYPT_MODE).doFinal(Arrays.copyOf(data, padded)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code SimpleTripleDesDecrypt}, strictly: the hex must be whole 8-byte blocks, and the plaintext valid
	 * UTF-8 without control characters. A wrong key or a tampered block decrypts to bytes that fail one of those,
	 * which is how a refusal is told from a message (the protocol has no MAC).
	 */
	public String decrypt(String hex) {
		if (hex == null || hex.isEmpty()) {
			throw new AaplesarkarCryptoException("empty ciphertext");
		}
		if (hex.length() % 2 != 0) {
			throw new AaplesarkarCryptoException("odd-length hex (" + hex.length() + " characters)");
		}
		byte[] data;
		try {
			data = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new AaplesarkarCryptoException("not hex");
		}
		if (data.length % 8 != 0) {
			throw new AaplesarkarCryptoException("not whole TripleDES blocks (" + data.length + " bytes)");
		}
		byte[] plain;
		try {
			plain = cipher(Cipher.DECRYPT_MODE).doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new AaplesarkarCryptoException("does not decrypt");
		}
		int end = plain.length;
		while (end > 0 && plain[end - 1] == 0) {
			end--;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(plain, 0, end))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new AaplesarkarCryptoException("does not decrypt with the department's key (not UTF-8)");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x80 && c < 0xa0) {
				throw new AaplesarkarCryptoException("does not decrypt with the department's key (control characters)");
			}
		}
		return text;
	}

	/** {@code GenerateCheckSumValue}: CRC-32 of the .NET ASCII bytes, as an unsigned decimal. */
	public static String checksum(String raw) {
		CRC32 crc = new CRC32();
		crc.update(dotNetAscii(raw));
		return Long.toString(crc.getValue());
	}

	/** The checksum over {@code fields} joined with '|' and the checksum key appended as the last field. */
	public String keyedChecksum(java.util.List<String> fields) {
		return checksum(String.join("|", fields) + "|" + checksumKey());
	}

	/** Checksums compared in constant time, so a forger learns nothing from how fast a wrong one is refused. */
	public static boolean sameChecksum(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * What .NET's {@code ASCIIEncoding.GetBytes} gives: each UTF-16 code unit below 0x80 as itself, anything
	 * else '?', a surrogate pair as one '?' (its replacement fallback handles the pair as one character), which
	 * is also what the JDK's US-ASCII encoder does; spelled out so the rule cannot drift with a JDK default.
	 */
	static byte[] dotNetAscii(String text) {
		byte[] out = new byte[text.length()];
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			out[n++] = c < 0x80 ? (byte) c : (byte) '?';
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	private Cipher cipher(int mode) throws GeneralSecurityException {
		// Cipher objects are not thread-safe; getInstance is cheap next to the call it serves (BENCHMARKS.md).
		Cipher cipher = Cipher.getInstance("DESede/CBC/NoPadding");
		cipher.init(mode, key, iv);
		return cipher;
	}

	/** The text cannot be what Aaple Sarkar (or the department) encrypted with the shared key. */
	public static final class AaplesarkarCryptoException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public AaplesarkarCryptoException(String message) {
			super(message);
		}

	}

}
