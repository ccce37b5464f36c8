package org.sevahub.sandbox.dci;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.portal.dci.DciMessageCrypto;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts the sandbox registry's asynchronous answers to the senders' callback URLs, signed and with a bearer
 * token, encrypted when configured. An answer the SP-System does not take is tried again, a few times.
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
	synchronized int flush() {
		int sent = 0;
		for (SandboxDciRecords.Callback callback : records.pendingCallbacks()) {
			String error = post(callback);
			if (error == null) {
				records.callbackTried(callback.id(), "SENT", null);
				sent++;
			}
			else {
				records.callbackTried(callback.id(),
						callback.attempts() + 1 >= properties.callbackAttempts() ? "FAILED" : "PENDING", error);
			}
		}
		return sent;
	}

	private String post(SandboxDciRecords.Callback callback) {
		try {
			JsonNode message = json.readTree(callback.message());
			ObjectNode header = registry.codec()
				.callbackHeader(callback.action(), callback.senderId(), "succ", null, null,
						message.path("search_response").size(), message.path("search_response").size());
			String encryptionKey = properties.encryptionKeys().get(callback.senderId());
			if (properties.encryptCallbacks() && encryptionKey != null) {
				PublicKey key = DciMessageCrypto.rsaPublicKey(encryptionKey);
				message = DciMessageCrypto.encrypt(json, message, key, callback.senderId() + "-enc");
				header.put("is_msg_encrypted", true);
			}
			byte[] body = json.writeValueAsBytes(registry.codec().seal(header, message));
			return http.post()
				.uri(callback.targetUrl())
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + registry.bearer().issue(callback.senderId()))
				.body(body)
				.exchange((request, response) -> response.getStatusCode().is2xxSuccessful() ? null
						: response.getStatusCode().value() + " "
								+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			log.debug("Sandbox DCI callback {} failed", callback.id(), ex);
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

}
