package org.sevahub.portal.dci;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope on its own: signing, every way a received one is refused, encryption, the bearer token. */
class DciCodecTest {

	static final String SP = "sp.example.in";

	static final Ed25519PrivateKeyParameters SP_KEY = Ed25519Keys.privateKey("e8cbhduSziJRSUbyKzFZdT6TU30EeFEfr3jSN/SNFfM=");

	static final Ed25519PublicKeyParameters SP_PUBLIC = Ed25519Keys.publicKey("GUp2mBVUHpsjKF6K+jSt2idp/J7WNOrarmkp835FzxE=");

	static final Ed25519PrivateKeyParameters OTHER_KEY = Ed25519Keys.privateKey("W5VqekDn2I1KzrNBsD12kEQ2LoV7YiiK+YNuQzDOH1E=");

	final ObjectMapper json = new ObjectMapper();

	final DciCodec sender = codec(SP, SP_KEY);

	final DciCodec receiver = codec("ibr.example.in", OTHER_KEY);

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	DciCodec codec(String id, Ed25519PrivateKeyParameters key) {
		return new DciCodec(json, id, "k1", key, DciPeer.byKey(Map.of(SP, SP_PUBLIC)), Duration.ofMinutes(5),
				Duration.ofSeconds(30), null);
	}

	ObjectNode sealedSearch() {
		org.sevahub.application.Applicant ram = new org.sevahub.application.Applicant(null, "Ram Das", "রাম দাস", null,
				null, "M", java.time.LocalDate.of(1950, 1, 1), null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null).withAadhaar(new org.sevahub.application.ProtectedAadhaar("c", "XXXX", "hash-1"));
		ObjectNode message = new DciMessages(json).searchRequest("txn-1", ram);
		return sender.seal(sender.requestHeader("search", "ibr.example.in", 2, null), message);
	}

	@Test
	void aSealedSearchOpensAndValidatesAgainstTheSpec() throws Exception {
		ObjectNode envelope = sealedSearch();
		assertThat(envelope.get("signature").asText()).matches("Signature: namespace=\"spdci\", kidId=\"sp\\.example\\.in\\|k1\\|ed25519\", "
				+ "algorithm=\"ed25519\", created=\"\\d+\", expires=\"\\d+\", headers=\"\\(created\\) \\(expires\\) digest\", signature=\"[A-Za-z0-9+/=]+\"");
		assertThat(DciSpec.requestErrors("/registry/sync/search", envelope)).isEmpty();
		DciCodec.Opened opened = receiver.open(json.writeValueAsBytes(envelope));
		assertThat(opened.senderId()).isEqualTo(SP);
		assertThat(opened.message().path("search_request")).hasSize(2);
	}

	@Test
	void theSchemaValidatorIsNotBlind() {
		ObjectNode envelope = sealedSearch();
		((ObjectNode) envelope.get("header")).remove("sender_id");
		((ObjectNode) envelope.get("message")).put("transaction_id", "x".repeat(100));
		assertThat(DciSpec.requestErrors("/registry/sync/search", envelope)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aTamperedMessageIsRefused() throws Exception {
		ObjectNode envelope = sealedSearch();
		((ObjectNode) envelope.get("message")).put("transaction_id", "txn-2");
		assertRefused(envelope, "err.signature.invalid");
	}

	@Test
	void aMessageSignedWithAnotherKeyIsRefused() throws Exception {
		ObjectNode envelope = codec(SP, OTHER_KEY).seal(sender.requestHeader("search", "ibr.example.in", 0, null),
				json.createObjectNode().put("transaction_id", "t"));
		assertRefused(envelope, "err.signature.invalid");
	}

	@Test
	void anExpiredSignatureIsRefused() throws Exception {
		ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() - Duration.ofMinutes(10).toMillis()));
		ObjectNode envelope = sealedSearch();
		ClockUtil.reset();
		assertRefused(envelope, "err.signature.invalid");
	}

	@Test
	void anUnknownSenderIsRefused() throws Exception {
		ObjectNode envelope = codec("stranger.example.in", SP_KEY).seal(
				codec("stranger.example.in", SP_KEY).requestHeader("search", "ibr.example.in", 0, null),
				json.createObjectNode().put("transaction_id", "t"));
		assertRefused(envelope, "err.sender_id.invalid");
	}

	@Test
	void malformedEnvelopesAreRefusedWithTheSpecsCodes() {
		assertThatThrownBy(() -> receiver.open("{not json".getBytes()))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.request.bad"));
		ObjectNode unsigned = sealedSearch();
		unsigned.remove("signature");
		assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(unsigned)))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.signature.missing"));
		ObjectNode garbled = sealedSearch();
		garbled.put("signature", "Signature: namespace=\"spdci\"");
		assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(garbled)))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.signature.invalid"));
	}

	@Test
	void anEncryptedMessageDecryptsAndATamperedOneDoesNot() throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		java.security.KeyPair pair = generator.generateKeyPair();
		JsonNode plain = json.readTree("{\"transaction_id\":\"t-9\",\"search_response\":[],\"name\":\"সুনীতা बनर्जी\"}");
		ObjectNode encrypted = DciMessageCrypto.encrypt(json, plain, pair.getPublic(), "k");
		assertThat(DciSpec.componentErrors("EncryptedMessage", encrypted)).isEmpty();
		assertThat(DciMessageCrypto.decrypt(json, encrypted, pair.getPrivate())).isEqualTo(plain);
		// A different first character (the random ciphertext starts with "A" one time in 64).
		String ciphertext = encrypted.get("ciphertext").asText();
		encrypted.put("ciphertext", (ciphertext.charAt(0) == 'A' ? "B" : "A") + ciphertext.substring(1));
		assertThatThrownBy(() -> DciMessageCrypto.decrypt(json, encrypted, pair.getPrivate()))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.encryption.invalid"));
	}

	@Test
	void theBearerTokenIsCheckedForIssuerKeyAndAudience() {
		DciBearer issuer = new DciBearer(SP, SP_KEY, s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30));
		DciBearer verifier = new DciBearer("ibr.example.in", OTHER_KEY,
				s -> Optional.ofNullable(Map.of(SP, SP_PUBLIC).get(s)), Duration.ofMinutes(5), Duration.ofSeconds(30));
		String token = issuer.issue("ibr.example.in");
		assertThat(verifier.verify("Bearer " + token, "ibr.example.in")).isEqualTo(SP);
		assertThatThrownBy(() -> verifier.verify("Bearer " + token, "someone.else"))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.request.unauthorized"));
		String forged = new DciBearer(SP, OTHER_KEY, s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30))
			.issue("ibr.example.in");
		assertThatThrownBy(() -> verifier.verify("Bearer " + forged, "ibr.example.in"))
			.isInstanceOf(DciRefusal.class);
		assertThatThrownBy(() -> verifier.verify(null, "ibr.example.in")).isInstanceOf(DciRefusal.class);
	}

	@Test
	void aMessageSignedOverItsBytesAsSentOpensAndAnyChangeToThoseBytesIsRefused() throws Exception {
		ObjectNode header = sender.requestHeader("search", "ibr.example.in", 2, null);
		ObjectNode message = (ObjectNode) sealedSearch().get("message");
		byte[] body = sender.sealAsSent(header, message);
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("\n  \"");
		DciCodec.Opened opened = receiver.open(body);
		assertThat(opened.message()).isEqualTo(message);
		assertThat(DciSpec.requestErrors("/registry/sync/search", json.readTree(body))).isEmpty();
		// Re-indented: the same JSON, other bytes. Only the canonical reading would survive that, and it was not
		// what was signed.
		byte[] reindented = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("\n  \"", "\n   \"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(json.readTree(reindented)).isEqualTo(json.readTree(body));
		assertThatThrownBy(() -> receiver.open(reindented))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.signature.invalid"));
		byte[] altered = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("txn-1", "txn-2")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThatThrownBy(() -> receiver.open(altered))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.signature.invalid"));
	}

	@Test
	void theDigestIsTheOneConfiguredForTheSender() throws Exception {
		DciCodec sha256Receiver = new DciCodec(json, "ibr.example.in", "k1", OTHER_KEY,
				id -> Optional.of(new DciPeer(id, SP_PUBLIC, DciDigest.SHA_256, null)), Duration.ofMinutes(5),
				Duration.ofSeconds(30), null);
		ObjectNode header = sender.requestHeader("search", "ibr.example.in", 0, null);
		ObjectNode message = json.createObjectNode().put("transaction_id", "t");
		assertThatThrownBy(() -> sha256Receiver.open(json.writeValueAsBytes(sender.seal(header, message))))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.signature.invalid"));
		DciCodec sha256Sender = sender.signingWith(DciDigest.SHA_256);
		assertThat(sha256Receiver.open(json.writeValueAsBytes(sha256Sender.seal(header, message))).senderId())
			.isEqualTo(SP);
		assertThat(sha256Receiver.open(sha256Sender.sealAsSent(header, message)).senderId()).isEqualTo(SP);
		assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(sha256Sender.seal(header, message))))
			.isInstanceOf(DciRefusal.class);
		// Known answers for "abc" from outside Java (Python's hashlib): BLAKE2b-512, SHA-256, SHA-512 in the digest line.
		byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(java.util.HexFormat.of().formatHex(DciDigest.SHA_256.of(abc)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(java.util.HexFormat.of().formatHex(DciDigest.BLAKE_512.of(abc))).startsWith("ba80a53f981c4d0d6a2797b69f12f6e9");
		assertThat(new String(DciSignature.signingString(1, 2, DciDigest.SHA_512, abc), java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("(created): 1\n(expires): 2\ndigest: SHA-512=3a81oZNherrMQXNJriBBMRLm");
	}

	@Test
	void aFieldNamedTwiceIsRefused() throws Exception {
		ObjectNode envelope = sealedSearch();
		String text = json.writeValueAsString(envelope);
		byte[] twice = (text.substring(0, text.length() - 1) + ",\"message\":{\"transaction_id\":\"other\"}}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThatThrownBy(() -> receiver.open(twice))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.detail()).contains("twice"));
	}

	@Test
	void aMessageWithoutReceiverIdIsForWhoeverItReaches() throws Exception {
		ObjectNode header = sender.callbackHeader("on-search", "ibr.example.in", "succ", null, null, 0, 0);
		ObjectNode message = json.createObjectNode().put("transaction_id", "t");
		assertThat(receiver.open(json.writeValueAsBytes(sender.seal(header, message))).addressedTo("ibr.example.in"))
			.isTrue();
		assertThat(receiver.open(json.writeValueAsBytes(sender.seal(header.deepCopy(), message))).addressedTo("other"))
			.isFalse();
		header.remove("receiver_id");
		assertThat(receiver.open(json.writeValueAsBytes(sender.seal(header, message))).addressedTo("anyone")).isTrue();
		ObjectNode empty = header.deepCopy().put("receiver_id", "");
		assertThat(receiver.open(json.writeValueAsBytes(sender.seal(empty, message))).addressedTo("anyone"))
			.as("present and empty is no one's").isFalse();
	}

	@Test
	void theBearerTokenIsCheckedAsConfiguredForTheSender() {
		DciBearer issuer = new DciBearer(SP, SP_KEY, s -> Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30));
		DciBearer verifier = new DciBearer("ibr.example.in", OTHER_KEY,
				s -> Optional.ofNullable(Map.of(SP, SP_PUBLIC).get(s)), Duration.ofMinutes(5), Duration.ofSeconds(30));
		String token = "Bearer " + issuer.issue("ibr.example.in");
		DciPeer required = new DciPeer(SP, SP_PUBLIC, null, DciPeer.Bearer.REQUIRED);
		DciPeer optional = new DciPeer(SP, SP_PUBLIC, null, DciPeer.Bearer.OPTIONAL);
		DciPeer off = new DciPeer(SP, SP_PUBLIC, null, DciPeer.Bearer.OFF);
		assertThatCode(() -> verifier.check(token, "ibr.example.in", required)).doesNotThrowAnyException();
		assertThatThrownBy(() -> verifier.check(null, "ibr.example.in", required))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.request.unauthorized"));
		assertThatCode(() -> verifier.check(null, "ibr.example.in", optional)).doesNotThrowAnyException();
		assertThatCode(() -> verifier.check(token, "ibr.example.in", optional)).doesNotThrowAnyException();
		assertThatThrownBy(() -> verifier.check("Bearer not.a.token", "ibr.example.in", optional))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.request.unauthorized"));
		assertThatCode(() -> verifier.check(null, "ibr.example.in", off)).doesNotThrowAnyException();
		assertThatCode(() -> verifier.check("Bearer not.a.token", "ibr.example.in", off)).doesNotThrowAnyException();
		// A token of one sender does not carry another's messages.
		DciPeer other = new DciPeer("other.example.in", SP_PUBLIC, null, DciPeer.Bearer.REQUIRED);
		assertThatThrownBy(() -> verifier.check(token, "ibr.example.in", other))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo("err.sender_id.invalid"));
	}

	void assertRefused(ObjectNode envelope, String code) throws Exception {
		byte[] body = json.writeValueAsBytes(envelope);
		assertThatThrownBy(() -> receiver.open(body))
			.isInstanceOfSatisfying(DciRefusal.class, r -> assertThat(r.code()).isEqualTo(code));
	}

}
