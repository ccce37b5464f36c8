package org.sevahub.sandbox.dci;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox registry's own identity and what it knows of the SP-Systems that call it.
 *
 * @param senderKeys      sender id to Ed25519 public key (base64)
 * @param encryptionKeys  sender id to RSA public key (base64 X.509), for encrypted callbacks
 * @param autoCallbacks   whether a scheduler posts asynchronous answers (tests flush them by hand)
 */
@ConfigurationProperties("sevahub.sandbox.dci")
record SandboxDciProperties(String registryId, String keyId, String signingKey, Map<String, String> senderKeys,
		Map<String, String> encryptionKeys, boolean encryptCallbacks, boolean autoCallbacks, int callbackAttempts) {

	SandboxDciProperties {
		senderKeys = senderKeys == null ? Map.of() : senderKeys;
		encryptionKeys = encryptionKeys == null ? Map.of() : encryptionKeys;
		callbackAttempts = callbackAttempts <= 0 ? 5 : callbackAttempts;
	}

}
