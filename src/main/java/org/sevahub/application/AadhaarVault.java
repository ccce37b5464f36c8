package org.sevahub.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.sevahub.application.form.Aadhaar;

import org.springframework.stereotype.Component;

/**
 * Encrypts Aadhaar numbers (AES-GCM, the JDK's provider) so the database never holds one in clear, and
 * hashes them with a keyed HMAC so a duplicate beneficiary can be found without decrypting anything.
 */
@Component
public class AadhaarVault {

	private static final int IV_BYTES = 12;

	private final SecretKeySpec key;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	public AadhaarVault(SevaHubCryptoProperties properties) {
		byte[] raw = Base64.getDecoder().decode(properties.fieldKey());
		this.key = new SecretKeySpec(raw, "AES");
		// A separate key for hashing, derived from the field key, so one key never serves two algorithms.
		this.hashKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), "sevahub/aadhaar-hash"),
				"HmacSHA256");
	}

	private static byte[] hmac(SecretKeySpec key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public ProtectedAadhaar protect(String number) {
		String digits = number.replace(" ", "");
		if (!Aadhaar.isValid(digits)) {
			throw new IllegalArgumentException("Not a valid Aadhaar number");
		}
		return new ProtectedAadhaar(encrypt(digits), Aadhaar.mask(digits), hash(digits));
	}

	public String hash(String number) {
		return HexFormat.of().formatHex(hmac(hashKey, number.replace(" ", "")));
	}

	/** For the few counterparts that must be sent the number itself (never logged). */
	public String reveal(String cipherText) {
		try {
			ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(cipherText));
			byte[] iv = new byte[IV_BYTES];
			in.get(iv);
			byte[] sealed = new byte[in.remaining()];
			in.get(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
			return new String(cipher.doFinal(sealed), StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Aadhaar ciphertext does not open with the configured key", ex);
		}
	}

	private String encrypt(String digits) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
