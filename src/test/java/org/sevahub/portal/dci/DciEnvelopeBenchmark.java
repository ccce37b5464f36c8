package org.sevahub.portal.dci;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Applicant;
import org.sevahub.application.ProtectedAadhaar;

/**
 * The DCI envelope: messages a second sealed (canonical JSON, BLAKE2b-512, Ed25519 sign) and opened (parse,
 * verify), beside plain JSON write+read of the same envelope; Ed25519 sign+verify with Bouncy Castle beside the
 * JDK's own provider; and decrypting an encrypted message (RSA-OAEP-256 + A256GCM).
 * Run: {@code ./mvnw -Pbench test -Dtest=DciEnvelopeBenchmark}. Figures: BENCHMARKS.md.
 */
class DciEnvelopeBenchmark {

	static final int ROUNDS = 7;

	final ObjectMapper json = new ObjectMapper();

	final Ed25519PrivateKeyParameters key = Ed25519Keys.privateKey("e8cbhduSziJRSUbyKzFZdT6TU30EeFEfr3jSN/SNFfM=");

	final Ed25519PublicKeyParameters publicKey = key.generatePublicKey();

	final DciCodec codec = new DciCodec(json, "sp.example.in", "k1", key,
			DciPeer.byKey(Map.of("sp.example.in", publicKey)), Duration.ofMinutes(5), Duration.ofSeconds(30), null);

	@Test
	void envelopeThroughput() throws Exception {
		Applicant applicant = new Applicant(null, "Subrata Mondal", "সুব্রত মণ্ডল", null, null, "M",
				java.time.LocalDate.of(1950, 1, 1), null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null).withAadhaar(new ProtectedAadhaar("c", "XXXX", "c4e79a27e6e12143c08fa0bbaa57"));
		ObjectNode message = new DciMessages(json).searchRequest("txn-1", applicant);
		ObjectNode header = codec.requestHeader("search", "ibr.example.in", 2, null);
		byte[] sample = json.writeValueAsBytes(codec.seal(header, message));

		List<Double> sealOpen = new ArrayList<>();
		List<Double> plain = new ArrayList<>();
		List<Double> bc = new ArrayList<>();
		List<Double> jdk = new ArrayList<>();
		KeyPair jdkPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] signingString = DciSignature.signingString(1, 2, sample);
		for (int round = 0; round <= ROUNDS; round++) {
			int n = 3000;
			long t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				byte[] body = json.writeValueAsBytes(codec.seal(header, message));
				codec.open(body);
			}
			double a = n / ((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				json.readTree(json.writeValueAsBytes(json.readTree(sample)));
			}
			double b = n / ((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				Ed25519Keys.verify(publicKey, signingString, Ed25519Keys.sign(key, signingString));
			}
			double c = n / ((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			Signature signer = Signature.getInstance("Ed25519");
			Signature verifier = Signature.getInstance("Ed25519");
			for (int i = 0; i < n; i++) {
				signer.initSign(jdkPair.getPrivate());
				signer.update(signingString);
				byte[] sig = signer.sign();
				verifier.initVerify(jdkPair.getPublic());
				verifier.update(signingString);
				verifier.verify(sig);
			}
			double d = n / ((System.nanoTime() - t0) / 1e9);
			if (round > 0) {
				sealOpen.add(a);
				plain.add(b);
				bc.add(c);
				jdk.add(d);
			}
		}
		System.out.printf("DCI ENVELOPE %d-byte search envelope: seal+open %.0f msg/s, plain JSON write+read %.0f msg/s "
				+ "(%.1fx); Ed25519 sign+verify Bouncy Castle %.0f/s, JDK %.0f/s (%.2fx); medians of %d rounds%n",
				sample.length, median(sealOpen), median(plain), median(plain) / median(sealOpen), median(bc), median(jdk),
				median(bc) / median(jdk), ROUNDS);

		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair pair = rsa.generateKeyPair();
		ObjectNode encrypted = DciMessageCrypto.encrypt(json, message, pair.getPublic(), "k");
		List<Double> decrypt = new ArrayList<>();
		for (int round = 0; round <= ROUNDS; round++) {
			int n = 500;
			long t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				DciMessageCrypto.decrypt(json, encrypted, pair.getPrivate());
			}
			if (round > 0) {
				decrypt.add(n / ((System.nanoTime() - t0) / 1e9));
			}
		}
		System.out.printf("DCI ENVELOPE encrypted message (%d bytes plain): decrypt %.0f msg/s, median of %d rounds%n",
				json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8).length, median(decrypt), ROUNDS);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
