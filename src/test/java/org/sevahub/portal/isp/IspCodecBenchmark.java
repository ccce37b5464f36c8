package org.sevahub.portal.isp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * ISP's codec: messages a second, encrypt and decrypt, for 1 KB and 8 KB of JSON, with the key derived once (as
 * SevaHub does) and, side by side, derived for every message (as the manual's sample does).
 * Run: {@code ./mvnw -Pbench test -Dtest=IspCodecBenchmark}. Figures: BENCHMARKS.md.
 */
class IspCodecBenchmark {

	static final int ROUNDS = 7;

	@Test
	void codecThroughput() {
		for (int size : new int[] { 1024, 8192 }) {
			String json = json(size);
			IspCipher cached = new IspCipher("demo-isp-secret-key", IspCipher.DEFAULT_SALT);
			List<Double> derivedOnce = new ArrayList<>();
			List<Double> derivedEachTime = new ArrayList<>();
			for (int round = 0; round <= ROUNDS; round++) {
				int n = 5000;
				long t0 = System.nanoTime();
				for (int i = 0; i < n; i++) {
					if (!cached.decrypt(cached.encrypt(json)).equals(json)) {
						throw new IllegalStateException("round trip broke");
					}
				}
				double once = n / ((System.nanoTime() - t0) / 1e9);
				int m = 200;
				t0 = System.nanoTime();
				for (int i = 0; i < m; i++) {
					IspCipher fresh = new IspCipher("demo-isp-secret-key", IspCipher.DEFAULT_SALT);
					fresh.decrypt(fresh.encrypt(json));
				}
				double each = m / ((System.nanoTime() - t0) / 1e9);
				if (round > 0) {
					derivedOnce.add(once);
					derivedEachTime.add(each);
				}
			}
			System.out.printf("ISP CODEC %d-byte JSON, encrypt+decrypt: key derived once %.0f msg/s, derived per message "
					+ "%.0f msg/s (%.0fx), medians of %d rounds%n", utf8(json), median(derivedOnce),
					median(derivedEachTime), median(derivedOnce) / median(derivedEachTime), ROUNDS);
		}
	}

	/** A status push of about {@code bytes} bytes of UTF-8, its remarks in Hindi and English. */
	private static String json(int bytes) {
		String head = "{\"request_id\":\"12345678901234\",\"status_code\":\"S105\",\"remarks\":\"";
		StringBuilder body = new StringBuilder(head);
		String[] words = { "दस्तावेज़ ", "verified ", "सत्यापित ", "ok " };
		for (int i = 0; utf8(body) + 2 < bytes; i++) {
			body.append(words[i % words.length]);
		}
		return body.append("\"}").toString();
	}

	private static int utf8(CharSequence text) {
		return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
