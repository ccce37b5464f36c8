package org.sevahub.portal.dci;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SevaHub as an SP-System registered with a DCI Integrated Beneficiary Registry.
 *
 * @param registryUrl       the registry's base URL (paths such as {@code /registry/sync/search} follow); blank:
 *                          the sandbox
 * @param senderId          our {@code sender_id} as the registry registered it
 * @param receiverId        the registry's id, our {@code receiver_id} and the sender id of its callbacks
 * @param keyId             the unique key id in the signature's {@code kidId}
 * @param signingKey        our Ed25519 private key (base64 of the 32-byte seed)
 * @param registryPublicKey the registry's Ed25519 public key (base64, 32 bytes)
 * @param registryBearer    how the registry's bearer token is checked on our callbacks (the signature always is)
 * @param registryDigest    the digest the registry's signatures carry
 * @param senders           further senders allowed to call our callbacks, by sender id
 * @param decryptionKey     our RSA private key (base64 PKCS#8) for encrypted messages; blank: none accepted
 * @param signatureLifetime how long a signature we make stays valid ({@code expires - created})
 * @param clockSkew         tolerance for the other side's clock
 * @param searchMode        {@code sync} or {@code async}
 */
@ConfigurationProperties("sevahub.portals.dci")
record DciProperties(boolean enabled, String registryUrl, String senderId, String receiverId, String keyId,
		String signingKey, String registryPublicKey, DciPeer.Bearer registryBearer, DciDigest registryDigest,
		Map<String, Sender> senders, String decryptionKey, Duration signatureLifetime, Duration clockSkew,
		String searchMode) {

	/**
	 * Another participant allowed to call our callbacks.
	 *
	 * @param publicKey its Ed25519 public key (base64, 32 bytes)
	 * @param bearer    how its token is checked (default required)
	 * @param digest    the digest its signatures carry (default BLAKE-512)
	 */
	record Sender(String publicKey, DciPeer.Bearer bearer, DciDigest digest) {
	}

	DciProperties {
		registryBearer = registryBearer == null ? DciPeer.Bearer.REQUIRED : registryBearer;
		registryDigest = registryDigest == null ? DciDigest.BLAKE_512 : registryDigest;
		senders = senders == null ? Map.of() : senders;
		signatureLifetime = signatureLifetime == null ? Duration.ofMinutes(5) : signatureLifetime;
		clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
		searchMode = searchMode == null || searchMode.isBlank() ? "sync" : searchMode;
	}

	boolean asyncSearch() {
		return "async".equalsIgnoreCase(searchMode);
	}

}
