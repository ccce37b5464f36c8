package org.sevahub.portal.digilocker;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DigiLocker's {@code x-digilocker-hmac}: Base64 of HMAC-SHA256 over the raw request body, keyed with the API
 * key. Computed over the bytes as received, before any parsing, so a re-serialised body cannot pass. The sandbox
 * DigiLocker signs with it too, as the other sandboxes use their portal's codec.
 */
public final class DigiLockerHmac {

	private final SecretKeySpec key;

	public DigiLockerHmac(String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalStateException("sevahub.portals.digilocker.api-key is not set");
		}
		this.key = new SecretKeySpec(apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256");
	}

	public String sign(byte[] body) {
		return Base64.getEncoder().encodeToString(mac(body));
	}

	/** Constant-time comparison, so the header cannot be guessed a byte at a time. */
	boolean verifies(byte[] body, String header) {
		if (header == null || header.isBlank()) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(header.strip());
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
		return MessageDigest.isEqual(mac(body), given);
	}

	private byte[] mac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
