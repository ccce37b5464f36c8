package org.sevahub.portal.dci;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Ed25519 keys as DCI participants exchange them (the raw 32 bytes, base64) and signing with Bouncy Castle's
 * lightweight API. The JCA forms exist only for jjwt, which takes JCA keys for the bearer token.
 */
public final class Ed25519Keys {

	private Ed25519Keys() {
	}

	public static Ed25519PrivateKeyParameters privateKey(String base64Seed) {
		return new Ed25519PrivateKeyParameters(decode(base64Seed, "private"), 0);
	}

	public static Ed25519PublicKeyParameters publicKey(String base64) {
		return new Ed25519PublicKeyParameters(decode(base64, "public"), 0);
	}

	public static byte[] sign(Ed25519PrivateKeyParameters key, byte[] data) {
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, key);
		signer.update(data, 0, data.length);
		return signer.generateSignature();
	}

	public static boolean verify(Ed25519PublicKeyParameters key, byte[] data, byte[] signature) {
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, key);
		verifier.update(data, 0, data.length);
		return verifier.verifySignature(signature);
	}

	static PrivateKey jca(Ed25519PrivateKeyParameters key) {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded()));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the Ed25519 private key", ex);
		}
	}

	static PublicKey jca(Ed25519PublicKeyParameters key) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(
					new X509EncodedKeySpec(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded()));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the Ed25519 public key", ex);
		}
	}

	private static byte[] decode(String base64, String which) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException("No Ed25519 " + which + " key configured");
		}
		byte[] raw = Base64.getDecoder().decode(base64.trim());
		if (raw.length != 32) {
			throw new IllegalStateException("An Ed25519 " + which + " key is 32 bytes, not " + raw.length);
		}
		return raw;
	}

}
