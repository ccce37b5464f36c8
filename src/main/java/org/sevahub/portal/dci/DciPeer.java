package org.sevahub.portal.dci;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A participant whose signed messages we take: its Ed25519 key, the digest its signatures carry, and how its
 * bearer token is checked on our callbacks (the message signature is checked always).
 */
public record DciPeer(String id, Ed25519PublicKeyParameters key, DciDigest digest, Bearer bearer) {

	/**
	 * How a caller's {@code Authorization: Bearer} is checked. The spec declares bearer security but never says
	 * how a registry obtains a token, so a registry built from the spec alone may send none.
	 */
	public enum Bearer {
		/** A valid token, issued to the message's sender, must come with every callback. */
		REQUIRED,
		/** A token is checked when one comes; a callback without one is taken on its signature. */
		OPTIONAL,
		/** Not looked at: the signature alone vouches for the message. */
		OFF
	}

	public DciPeer {
		digest = digest == null ? DciDigest.BLAKE_512 : digest;
		bearer = bearer == null ? Bearer.REQUIRED : bearer;
	}

	/** Peers known only by their keys, signing as SevaHub does and sending tokens as SevaHub does. */
	public static Function<String, Optional<DciPeer>> byKey(Map<String, Ed25519PublicKeyParameters> keys) {
		Map<String, Ed25519PublicKeyParameters> copy = Map.copyOf(keys);
		return id -> Optional.ofNullable(copy.get(id)).map(key -> new DciPeer(id, key, null, null));
	}

}
