package org.sevahub.sandbox.dci;

import java.util.Map;

import org.sevahub.portal.dci.DciDigest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox registry's own identity, what it knows of the SP-Systems that call it, and how it speaks. By
 * default it speaks as SevaHub does; the switches make it a registry built from the spec alone, as another
 * vendor might write one.
 *
 * @param senderKeys       sender id to Ed25519 public key (base64)
 * @param encryptionKeys   sender id to RSA public key (base64 X.509), for encrypted callbacks
 * @param autoCallbacks    whether a scheduler posts asynchronous answers (tests flush them by hand)
 * @param omitReceiverId   answers and callbacks without {@code receiver_id} (optional in the spec's header)
 * @param omitBearer       callbacks without a bearer token (the spec never says how a registry gets one)
 * @param signing          {@code canonical} (as SevaHub signs) or {@code raw}: over the bytes as written
 * @param digest           the digest its signatures carry
 * @param splitAnswers     an asynchronous search answered in two callbacks: {@code pdng} with the first request's
 *                         answer, then {@code succ} with the rest
 * @param envelopedEnrollmentAnswers enrollment updates answered with a signed envelope instead of the bare
 *                         {@code EnrollmentUpdatesResponse}
 */
@ConfigurationProperties("sevahub.sandbox.dci")
record SandboxDciProperties(String registryId, String keyId, String signingKey, Map<String, String> senderKeys,
		Map<String, String> encryptionKeys, boolean encryptCallbacks, boolean autoCallbacks, int callbackAttempts,
		boolean omitReceiverId, boolean omitBearer, String signing, DciDigest digest, boolean splitAnswers,
		boolean envelopedEnrollmentAnswers) {

	SandboxDciProperties {
		senderKeys = senderKeys == null ? Map.of() : senderKeys;
		encryptionKeys = encryptionKeys == null ? Map.of() : encryptionKeys;
		callbackAttempts = callbackAttempts <= 0 ? 5 : callbackAttempts;
		signing = signing == null || signing.isBlank() ? "canonical" : signing;
		digest = digest == null ? DciDigest.BLAKE_512 : digest;
		if (!signing.equals("canonical") && !signing.equals("raw")) {
			throw new IllegalArgumentException("sevahub.sandbox.dci.signing is canonical or raw, not " + signing);
		}
	}

	boolean signsRawBytes() {
		return "raw".equals(signing);
	}

}
