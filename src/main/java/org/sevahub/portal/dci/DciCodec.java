package org.sevahub.portal.dci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.sevahub.application.EngineClock;

/**
 * The DCI envelope {@code {signature, header, message}}, both ways: {@link #seal} signs what we send,
 * {@link #open} checks what we receive (its shape, the sender, the signature and its time window, the
 * encrypted variant) and refuses anything else with the spec's code. Used by SevaHub and, with the registry's
 * own keys, by the sandbox registry.
 */
public final class DciCodec {

	public static final String VERSION = "1.0.0";

	/**
	 * Header and message are signed in canonical form (keys sorted, no spaces), in the spirit of RFC 8785, so
	 * that a receiver re-serialising the parsed JSON gets the same bytes the sender signed.
	 */
	private static final ObjectMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final ObjectMapper json;

	private final String senderId;

	private final String keyId;

	private final Ed25519PrivateKeyParameters signingKey;

	private final Function<String, Optional<DciPeer>> peers;

	private final Duration lifetime;

	private final Duration skew;

	private final PrivateKey decryptionKey;

	private final DciDigest digest;

	/**
	 * @param peers the senders whose messages {@link #open} takes, by sender id, with the digest each signs with
	 */
	public DciCodec(ObjectMapper json, String senderId, String keyId, Ed25519PrivateKeyParameters signingKey,
			Function<String, Optional<DciPeer>> peers, Duration lifetime, Duration skew, PrivateKey decryptionKey) {
		this(json, senderId, keyId, signingKey, peers, lifetime, skew, decryptionKey, DciDigest.BLAKE_512);
	}

	private DciCodec(ObjectMapper json, String senderId, String keyId, Ed25519PrivateKeyParameters signingKey,
			Function<String, Optional<DciPeer>> peers, Duration lifetime, Duration skew, PrivateKey decryptionKey,
			DciDigest digest) {
		this.json = json;
		this.senderId = senderId;
		this.keyId = keyId;
		this.signingKey = signingKey;
		this.peers = peers;
		this.lifetime = lifetime;
		this.skew = skew;
		this.decryptionKey = decryptionKey;
		this.digest = digest;
	}

	/**
	 * The same identity signing with another digest. SevaHub itself always signs with BLAKE-512; the sandbox
	 * registry uses this to behave like a registry that chose another.
	 */
	public DciCodec signingWith(DciDigest other) {
		return new DciCodec(json, senderId, keyId, signingKey, peers, lifetime, skew, decryptionKey, other);
	}

	public String senderId() {
		return senderId;
	}

	/** A request header ({@code MsgHeader_V1.0.0}). */
	public ObjectNode requestHeader(String action, String receiverId, int totalCount, String senderUri) {
		ObjectNode header = json.createObjectNode();
		header.put("version", VERSION);
		header.put("message_id", UUID.randomUUID().toString());
		header.put("message_ts", timestamp(EngineClock.now()));
		header.put("action", action);
		header.put("sender_id", senderId);
		if (senderUri != null) {
			header.put("sender_uri", senderUri);
		}
		header.put("receiver_id", receiverId);
		header.put("total_count", totalCount);
		header.put("is_msg_encrypted", false);
		return header;
	}

	/** A callback or answer header ({@code MsgCallbackHeader_V1.0.0}). */
	public ObjectNode callbackHeader(String action, String receiverId, String status, String reasonCode,
			String reasonMessage, int totalCount, int completedCount) {
		ObjectNode header = json.createObjectNode();
		header.put("version", VERSION);
		header.put("message_id", UUID.randomUUID().toString());
		header.put("message_ts", timestamp(EngineClock.now()));
		header.put("action", action);
		header.put("status", status);
		if (reasonCode != null) {
			header.put("status_reason_code", reasonCode);
			header.put("status_reason_message", reasonMessage);
		}
		header.put("total_count", totalCount);
		header.put("completed_count", completedCount);
		header.put("sender_id", senderId);
		header.put("receiver_id", receiverId);
		header.put("is_msg_encrypted", false);
		return header;
	}

	/** The spec's acknowledgement of a message taken: {@code {message: {ack_status: ACK, timestamp, correlation_id}}}. */
	public static ObjectNode ack(String correlationId) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.putObject("message")
			.put("ack_status", "ACK")
			.put("timestamp", timestamp(EngineClock.now()))
			.put("correlation_id", correlationId);
		return body;
	}

	/**
	 * Signs header + message now, valid for the configured lifetime: the digest is taken over the canonical JSON
	 * of the header followed by that of the message (keys sorted, no spaces), so the envelope may be written out
	 * in any layout.
	 */
	public ObjectNode seal(ObjectNode header, JsonNode message) {
		ObjectNode envelope = json.createObjectNode();
		envelope.put("signature", sign(canonical(header, message)));
		envelope.set("header", header);
		envelope.set("message", message);
		return envelope;
	}

	/**
	 * The whole body, signed over the header's and the message's bytes exactly as they are written in it (here
	 * indented, so that they differ from the canonical form): how a registry that read the spec's "signature of
	 * {header}+{message}" literally signs. {@link #open} accepts this reading too.
	 */
	public byte[] sealAsSent(ObjectNode header, JsonNode message) {
		try {
			byte[] headerBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
			byte[] messageBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(message);
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("{\"signature\": " + json.writeValueAsString(sign(concat(headerBytes, messageBytes)))
					+ ",\n\"header\": ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			body.write(headerBytes);
			body.write(",\n\"message\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			body.write(messageBytes);
			body.write('}');
			return body.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String sign(byte[] headerAndMessage) {
		long created = EngineClock.now().getEpochSecond();
		long expires = created + lifetime.toSeconds();
		byte[] signed = DciSignature.signingString(created, expires, digest, headerAndMessage);
		String signature = Base64.getEncoder().encodeToString(Ed25519Keys.sign(signingKey, signed));
		return new DciSignature(DciSignature.NAMESPACE, senderId, keyId, DciSignature.ALGORITHM, created, expires,
				DciSignature.HEADERS, signature)
			.format();
	}

	/**
	 * A received envelope, checked; its message decrypted when it came encrypted.
	 *
	 * @param sender the participant whose key verified the signature
	 */
	public record Opened(ObjectNode header, JsonNode message, DciSignature signature, DciPeer sender) {

		public String senderId() {
			return header.path("sender_id").asText(signature.senderId());
		}

		/**
		 * Whether the message is for {@code participant}. {@code receiver_id} is optional in the spec's callback
		 * header: absent means not stated (the signature and the endpoint say enough), present and different
		 * means for someone else.
		 */
		public boolean addressedTo(String participant) {
			JsonNode receiver = header.get("receiver_id");
			return receiver == null || receiver.isNull() || participant.equals(receiver.asText());
		}

		public String messageId() {
			return header.path("message_id").asText();
		}

		public String action() {
			return header.path("action").asText();
		}

	}

	/**
	 * Checks a received envelope. The signature is verified over the canonical JSON of header and message (how
	 * SevaHub signs), else over their bytes exactly as they stand in the body (how a registry may sign that
	 * writes its JSON once and signs what it wrote), with the digest configured for the sender.
	 */
	public Opened open(byte[] body) {
		JsonNode root;
		try {
			// A key given twice would let the signed bytes and the parsed message disagree.
			root = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(body);
		}
		catch (IOException ex) {
			throw DciRefusal.bad(String.valueOf(ex.getMessage()).startsWith("Duplicate field")
					? "The body names a field twice" : "The body is not JSON");
		}
		if (root == null || !root.isObject() || !root.path("header").isObject()) {
			throw DciRefusal.bad("The body is not a {signature, header, message} envelope");
		}
		ObjectNode header = (ObjectNode) root.get("header");
		JsonNode message = root.path("message");
		if (!message.isObject()) {
			throw DciRefusal.bad("The envelope has no message object");
		}
		DciSignature signature = DciSignature.parse(root.path("signature").asText(null));
		if (!DciSignature.NAMESPACE.equals(signature.namespace())
				|| !DciSignature.ALGORITHM.equalsIgnoreCase(signature.algorithm())
				|| !DciSignature.HEADERS.equals(signature.headers())) {
			throw DciRefusal.signature("Only namespace spdci, algorithm ed25519 over (created) (expires) digest");
		}
		String sender = header.path("sender_id").asText(signature.senderId());
		if (!sender.equals(signature.senderId())) {
			throw DciRefusal.signature("The signature's kidId names " + signature.senderId() + ", the header "
					+ sender);
		}
		DciPeer peer = peers.apply(sender)
			.orElseThrow(() -> new DciRefusal(401, "err.sender_id.invalid", "Unknown sender " + sender));
		long now = EngineClock.now().getEpochSecond();
		if (signature.created() > now + skew.toSeconds()) {
			throw DciRefusal.signature("The signature was created in the future");
		}
		if (signature.expires() <= now - skew.toSeconds()) {
			throw DciRefusal.signature("The signature expired at " + signature.expires());
		}
		if (signature.expires() <= signature.created()) {
			throw DciRefusal.signature("The signature expires before it was created");
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(signature.signature());
		}
		catch (IllegalArgumentException ex) {
			throw DciRefusal.signature("The signature is not base64");
		}
		if (!verifies(peer, signature, raw, canonical(header, message)) && !verifies(peer, signature, raw, asSent(body))) {
			throw DciRefusal.signature("The signature does not match the header and message with " + sender
					+ "'s key and " + peer.digest().label() + ", read canonically or as sent");
		}
		checkTimestamp(header);
		if (header.path("is_msg_encrypted").asBoolean(false)) {
			if (decryptionKey == null) {
				throw new DciRefusal(400, "err.encryption.invalid", "Encrypted messages are not accepted here");
			}
			message = DciMessageCrypto.decrypt(json, message, decryptionKey);
		}
		return new Opened(header, message, signature, peer);
	}

	private static boolean verifies(DciPeer peer, DciSignature signature, byte[] raw, byte[] headerAndMessage) {
		return headerAndMessage != null && Ed25519Keys.verify(peer.key(),
				DciSignature.signingString(signature.created(), signature.expires(), peer.digest(), headerAndMessage), raw);
	}

	/**
	 * The header's bytes followed by the message's, exactly as they stand in the body; null when the body does
	 * not have them as top-level members. Read with Jackson's streaming parser, which reports byte offsets.
	 */
	static byte[] asSent(byte[] body) {
		byte[] header = null;
		byte[] message = null;
		try (JsonParser parser = RAW.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				int start = (int) parser.currentTokenLocation().getByteOffset();
				parser.skipChildren();
				int end = (int) parser.currentLocation().getByteOffset();
				if ("header".equals(name)) {
					header = Arrays.copyOfRange(body, start, end);
				}
				else if ("message".equals(name)) {
					message = Arrays.copyOfRange(body, start, end);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		return header == null || message == null ? null : concat(header, message);
	}

	private static final JsonFactory RAW = new JsonFactory();

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private void checkTimestamp(ObjectNode header) {
		String ts = header.path("message_ts").asText("");
		try {
			Instant at = OffsetDateTime.parse(ts).toInstant();
			Instant now = EngineClock.now();
			if (at.isAfter(now.plus(skew)) || at.isBefore(now.minus(lifetime).minus(skew))) {
				throw DciRefusal.rejected("rjct.message_ts.invalid", "message_ts " + ts + " is outside the window");
			}
		}
		catch (DateTimeParseException ex) {
			throw DciRefusal.rejected("rjct.message_ts.invalid", "message_ts is not an ISO 8601 date-time: " + ts);
		}
	}

	static byte[] canonical(JsonNode header, JsonNode message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(canonical(header));
			out.write(canonical(message));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] canonical(JsonNode node) throws IOException {
		return CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(node, Object.class));
	}

	/** RFC 3339 with seconds always written (OffsetDateTime's own toString drops zero seconds). */
	public static String timestamp(Instant at) {
		return TIMESTAMP.format(at.atOffset(ZoneOffset.UTC));
	}

	private static final java.time.format.DateTimeFormatter TIMESTAMP = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

}
