package org.sevahub.portal.dci;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Our DCI identity from configuration: the envelope codec and the bearer tokens, with the keys per sender. */
@Configuration
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
class DciConfiguration {

	@Bean
	DciCodec dciCodec(DciProperties properties, ObjectMapper json,
			@org.springframework.beans.factory.annotation.Value("${sevahub.public-base-url:}") String publicBaseUrl) {
		checkCallbacksReachable(properties, publicBaseUrl);
		Map<String, DciPeer> peers = peers(properties);
		return new DciCodec(json, properties.senderId(), properties.keyId(), signingKey(properties),
				sender -> Optional.ofNullable(peers.get(sender)), properties.signatureLifetime(),
				properties.clockSkew(), properties.decryptionKey() == null || properties.decryptionKey().isBlank()
						? null : DciMessageCrypto.rsaPrivateKey(properties.decryptionKey()));
	}

	@Bean
	DciBearer dciBearer(DciProperties properties) {
		Map<String, DciPeer> peers = peers(properties);
		return new DciBearer(properties.senderId(), signingKey(properties),
				issuer -> Optional.ofNullable(peers.get(issuer)).map(DciPeer::key), properties.signatureLifetime(),
				properties.clockSkew());
	}

	/**
	 * Asynchronous searches tell the registry where to answer ({@code sender_uri}). Against a real registry
	 * (a {@code registry-url} set) that must be our public address: without {@code sevahub.public-base-url} it
	 * would be this server's loopback address, the answers would never arrive and every search would wait out its
	 * day. Refused at startup instead.
	 */
	static void checkCallbacksReachable(DciProperties properties, String publicBaseUrl) {
		boolean realRegistry = properties.registryUrl() != null && !properties.registryUrl().isBlank();
		if (properties.asyncSearch() && realRegistry && (publicBaseUrl == null || publicBaseUrl.isBlank())) {
			throw new IllegalStateException("sevahub.portals.dci.search-mode is async and registry-url is "
					+ properties.registryUrl() + ", but sevahub.public-base-url is not set: the registry could not "
					+ "call /registry/on-search back. Set SEVAHUB_PUBLIC_BASE_URL, or use search-mode sync.");
		}
	}

	private static Ed25519PrivateKeyParameters signingKey(DciProperties properties) {
		return Ed25519Keys.privateKey(properties.signingKey());
	}

	/** The registry and the further senders, each with its key, digest and bearer setting. */
	private static Map<String, DciPeer> peers(DciProperties properties) {
		Map<String, DciPeer> peers = new LinkedHashMap<>();
		properties.senders().forEach((id, sender) -> peers.put(id, new DciPeer(id,
				Ed25519Keys.publicKey(sender.publicKey()), sender.digest(), sender.bearer())));
		peers.put(properties.receiverId(), new DciPeer(properties.receiverId(),
				Ed25519Keys.publicKey(properties.registryPublicKey()), properties.registryDigest(),
				properties.registryBearer()));
		return Map.copyOf(peers);
	}

}
