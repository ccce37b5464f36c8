package org.sevahub.sandbox.dci;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.portal.dci.DciMessageCrypto;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts the sandbox registry's asynchronous answers to the senders' callback URLs, signed and (unless it speaks
 * as a spec-only registry) with a bearer token, encrypted when configured. An answer the SP-System does not take
 * is tried again, a few times.
 */
@Component
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.dci.enabled" }, havingValue = "true")
class SandboxDciCallbacks {

	private static final Logger log = LoggerFactory.getLogger(SandboxDciCallbacks.class);

	private final SandboxDciRecords records;

	private final SandboxDciRegistry registry;

	private final SandboxDciProperties properties;

	private final ObjectMapper json;

	private final RestClient http;

	SandboxDciCallbacks(SandboxDciRecords records, SandboxDciRegistry registry, SandboxDciProperties properties,
			ObjectMapper json, RestClient.Builder http) {
		this.records = records;
		this.registry = registry;
		this.properties = properties;
		this.json = json;
		this.http = http.build();
	}

	@Scheduled(fixedDelayString = "${sevahub.sandbox.dci.callback-interval:1s}")
	void scheduled() {
		if (properties.autoCallbacks()) {
			flush();
		}
	}

	/** Sends every pending answer once; returns how many the senders took. */
	int flush() {
		return flush(Integer.MAX_VALUE);
	}

	/** Sends the oldest pending answers, at most {@code limit}, once each; returns how many the senders took. */
	synchronized int flush(int limit) {
		int sent = 0;
		for (SandboxDciRecords.Callback callback : records.pendingCallbacks(limit)) {
			boolean withBearer = !properties.omitBearer();
			byte[] body = null;
			String error;
			try {
				body = body(callback);
				error = post(callback, body, withBearer);
			}
			catch (Exception ex) {
				log.debug("Sandbox DCI callback {} failed", callback.id(), ex);
				error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
			String sentBody = body == null ? null : new String(body, StandardCharsets.UTF_8);
			if (error == null) {
				records.callbackTried(callback.id(), "SENT", null, sentBody, withBearer);
				sent++;
			}
			else {
				records.callbackTried(callback.id(),
						callback.attempts() + 1 >= properties.callbackAttempts() ? "FAILED" : "PENDING", error, sentBody,
						withBearer);
			}
		}
		return sent;
	}

	/** Signed afresh on every attempt (signatures expire), encrypted when configured. */
	private byte[] body(SandboxDciRecords.Callback callback) throws java.io.IOException {
		JsonNode message = json.readTree(callback.message());
		String encryptionKey = properties.encryptionKeys().get(callback.senderId());
		boolean encrypt = properties.encryptCallbacks() && encryptionKey != null;
		if (encrypt) {
			PublicKey key = DciMessageCrypto.rsaPublicKey(encryptionKey);
			message = DciMessageCrypto.encrypt(json, message, key, callback.senderId() + "-enc");
		}
		return registry.envelope(callback.action(), callback.senderId(), callback.status(), callback.totalCount(),
				callback.completedCount(), message, encrypt);
	}

	private String post(SandboxDciRecords.Callback callback, byte[] body, boolean withBearer) {
		return http.post()
			.uri(callback.targetUrl())
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (withBearer) {
					headers.setBearerAuth(registry.bearer().issue(callback.senderId()));
				}
			})
			.body(body)
			.exchange((request, response) -> response.getStatusCode().is2xxSuccessful() ? null
					: response.getStatusCode().value() + " "
							+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

}
