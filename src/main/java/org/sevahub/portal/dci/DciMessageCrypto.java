package org.sevahub.portal.dci;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The spec's {@code EncryptedMessage}: JWE's parts ({@code header {alg, enc, kid}}, {@code encrypted_key},
 * {@code iv}, {@code ciphertext}, {@code tag}) laid out as JSON fields, with RSA-OAEP-256 and A256GCM. Written
 * with the JDK's ciphers rather than jjwt's JWE because jjwt only reads and writes the compact string, whose
 * authenticated header bytes the spec's JSON object does not keep; here the additional authenticated data is
 * the base64url of the canonical header.
 */
public final class DciMessageCrypto {

	public static final String ALG = "RSA-OAEP-256";

	public static final String ENC = "A256GCM";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

	private DciMessageCrypto() {
	}

	public static PrivateKey rsaPrivateKey(String base64Pkcs8) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.trim())));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot read the RSA private key", ex);
		}
	}

	public static PublicKey rsaPublicKey(String base64X509) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.trim())));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot read the RSA public key", ex);
		}
	}

	public static ObjectNode encrypt(ObjectMapper json, JsonNode message, PublicKey recipient, String kid) {
		try {
			ObjectNode header = json.createObjectNode().put("alg", ALG).put("enc", ENC).put("kid", kid);
			byte[] cek = new byte[32];
			RANDOM.nextBytes(cek);
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
			aes.updateAAD(aad(header));
			byte[] sealed = aes.doFinal(json.writeValueAsBytes(message));
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
			rsa.init(Cipher.ENCRYPT_MODE, recipient, oaep());
			ObjectNode encrypted = json.createObjectNode();
			encrypted.set("header", header);
			encrypted.put("ciphertext", B64URL.encodeToString(Arrays.copyOf(sealed, sealed.length - 16)));
			encrypted.put("encrypted_key", B64URL.encodeToString(rsa.doFinal(cek)));
			encrypted.put("tag", B64URL.encodeToString(Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length)));
			encrypted.put("iv", B64URL.encodeToString(iv));
			return encrypted;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot encrypt the message", ex);
		}
	}

	/** The plain message; anything that does not decrypt and authenticate is refused as err.encryption.invalid. */
	public static JsonNode decrypt(ObjectMapper json, JsonNode encrypted, PrivateKey key) {
		JsonNode header = encrypted.path("header");
		if (!ALG.equals(header.path("alg").asText()) || !ENC.equals(header.path("enc").asText())) {
			throw new DciRefusal(400, "err.encryption.invalid", "Only " + ALG + " with " + ENC + " is supported");
		}
		try {
			Base64.Decoder d = Base64.getUrlDecoder();
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
			rsa.init(Cipher.DECRYPT_MODE, key, oaep());
			byte[] cek = rsa.doFinal(d.decode(encrypted.path("encrypted_key").asText()));
			byte[] ciphertext = d.decode(encrypted.path("ciphertext").asText());
			byte[] tag = d.decode(encrypted.path("tag").asText());
			byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
			System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"),
					new GCMParameterSpec(128, d.decode(encrypted.path("iv").asText())));
			aes.updateAAD(aad(header));
			return json.readTree(aes.doFinal(sealed));
		}
		catch (GeneralSecurityException | IllegalArgumentException | IOException ex) {
			throw new DciRefusal(400, "err.encryption.invalid", "The message does not decrypt: " + ex.getClass()
				.getSimpleName());
		}
	}

	private static byte[] aad(JsonNode header) throws IOException {
		return B64URL.encode(DciCodec.canonical(header));
	}

	private static OAEPParameterSpec oaep() {
		return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
	}

}
