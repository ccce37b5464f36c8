package org.sevahub.portal.dci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The digest a signature's {@code digest:} line carries, named as RFC 3230 names them. The spec names none;
 * SevaHub signs with BLAKE-512 (BLAKE2b-512, as Beckn and G2P Connect do) and takes from each registry the one
 * configured for it.
 */
public enum DciDigest {

	BLAKE_512("BLAKE-512"), SHA_256("SHA-256"), SHA_512("SHA-512");

	private final String label;

	DciDigest(String label) {
		this.label = label;
	}

	/** The name written before the digest value: {@code digest: BLAKE-512=...}. */
	public String label() {
		return label;
	}

	public byte[] of(byte[] data) {
		if (this == BLAKE_512) {
			// The JDK has no BLAKE2b.
			Blake2bDigest blake = new Blake2bDigest(512);
			blake.update(data, 0, data.length);
			byte[] digest = new byte[64];
			blake.doFinal(digest, 0);
			return digest;
		}
		try {
			return MessageDigest.getInstance(label).digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK lacks " + label, ex);
		}
	}

}
