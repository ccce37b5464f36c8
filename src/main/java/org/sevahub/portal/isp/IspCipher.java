package org.sevahub.portal.isp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ISP's encryption as its manual's Java sample does it (Annexure-B), which docs/portals/isp.md takes as the reference:
 * AES-256-CBC with PKCS#7 padding, the key PBKDF2-HMAC-SHA512 of the shared secret over a salt (the ASCII of
 * "0000000011111111" unless configured; the C# and PHP samples carry a 17-byte one) with 1,000 iterations, a
 * fixed IV of eight 0 bytes and eight 1 bytes, Base64 on the wire. The sample derives the key on every call;
 * this derives it once per secret, in the constructor, because PBKDF2 is deliberately slow. The JDK's providers
 * do all the cryptography; nothing here is hand-rolled but the wiring.
 */
public final class IspCipher {

	static final String DEFAULT_SALT = "0000000011111111";

	private static final IvParameterSpec IV = new IvParameterSpec(
			new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1 });

	private final SecretKeySpec key;

	public IspCipher(String secret, String salt) {
		try {
			PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt.getBytes(StandardCharsets.US_ASCII), 1000, 256);
			byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
			spec.clearPassword();
			this.key = new SecretKeySpec(derived, "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", ex);
		}
	}

	public String encrypt(String plaintext) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, key, IV);
			return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @throws IspCryptoException when the text is not Base64, not whole blocks, or not ours (wrong key, tampered) */
	public String decrypt(String base64) {
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IspCryptoException("e_data is not Base64");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, key, IV);
			byte[] plain = cipher.doFinal(sealed);
			// CBC without a MAC can decrypt a tampered block into garbage that still pads correctly: insist on
			// well-formed UTF-8, and callers insist on JSON.
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(plain))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IspCryptoException("e_data does not decrypt to text: tampered or another key");
		}
		catch (IllegalBlockSizeException ex) {
			throw new IspCryptoException("e_data is not a whole number of AES blocks");
		}
		catch (BadPaddingException ex) {
			throw new IspCryptoException("e_data does not decrypt with this key (tampered or another key)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Encrypted data that cannot be trusted: the counterpart's error, never a server fault. */
	public static class IspCryptoException extends RuntimeException {

		public IspCryptoException(String message) {
			super(message);
		}

	}

}
