package org.sevahub.portal.aaplesarkar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * Aaple Sarkar's codec, side by side, medians of 7 rounds after a warm-up:
 * <ul>
 * <li>TripleDES encrypt+decrypt of a status string (about 250 bytes, Marathi remark) and of a pushWebService
 * profile (about 2 KB): SevaHub's {@link AaplesarkarCodec} (a Cipher per call, thread-safe) against one Cipher
 * reused by a single thread (the fastest a non-thread-safe cache could be);</li>
 * <li>the checksum: the JDK's CRC32 (SevaHub) against the document's table-driven .NET CRC32, ported;</li>
 * <li>a SOAP SetAppStatus envelope built and a response read with SAAJ, to show where a push's CPU goes.</li>
 * </ul>
 * Run: {@code ./mvnw -Pbench test -Dtest=AaplesarkarCodecBenchmark}. Figures: BENCHMARKS.md.
 */
class AaplesarkarCodecBenchmark {

	static final int ROUNDS = 7;

	static final String KEY = "DemoKey-For-Tests-24char";

	static final String IV = "DemoIV8!";

	@Test
	void codecThroughput() throws Exception {
		AaplesarkarCodec codec = new AaplesarkarCodec(KEY, IV, "DemoChecksumKey");
		Cipher enc = Cipher.getInstance("DESede/CBC/NoPadding");
		Cipher dec = Cipher.getInstance("DESede/CBC/NoPadding");
		SecretKeySpec key = new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "DESede");
		IvParameterSpec iv = new IvParameterSpec(IV.getBytes(StandardCharsets.UTF_8));
		for (String[] message : new String[][] { { "status string", status() }, { "profile XML", profile() } }) {
			String text = message[1];
			List<Double> perCall = new ArrayList<>();
			List<Double> reused = new ArrayList<>();
			for (int round = 0; round <= ROUNDS; round++) {
				int n = 20_000;
				long t0 = System.nanoTime();
				for (int i = 0; i < n; i++) {
					if (!codec.decrypt(codec.encrypt(text)).equals(text)) {
						throw new IllegalStateException("round trip broke");
					}
				}
				double a = n / ((System.nanoTime() - t0) / 1e9);
				t0 = System.nanoTime();
				for (int i = 0; i < n; i++) {
					byte[] data = text.getBytes(StandardCharsets.UTF_8);
					enc.init(Cipher.ENCRYPT_MODE, key, iv);
					byte[] sealed = enc.doFinal(Arrays.copyOf(data, (data.length + 7) / 8 * 8));
					dec.init(Cipher.DECRYPT_MODE, key, iv);
					if (dec.doFinal(sealed).length != sealed.length) {
						throw new IllegalStateException("round trip broke");
					}
				}
				double b = n / ((System.nanoTime() - t0) / 1e9);
				if (round > 0) {
					perCall.add(a);
					reused.add(b);
				}
			}
			System.out.printf("AAPLESARKAR TRIPLEDES %s (%d bytes), encrypt+decrypt: codec (Cipher per call) %.0f msg/s, "
					+ "one reused Cipher %.0f msg/s (codec = %.2fx)%n", message[0], text.getBytes(StandardCharsets.UTF_8).length,
					median(perCall), median(reused), median(perCall) / median(reused));
		}

		String raw = status();
		List<Double> jdk = new ArrayList<>();
		List<Double> dotNet = new ArrayList<>();
		long sink = 0;
		for (int round = 0; round <= ROUNDS; round++) {
			int n = 200_000;
			long t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				sink += AaplesarkarCodec.checksum(raw).length();
			}
			double a = n / ((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				sink += Long.toString(DotNetCrc32.compute(AaplesarkarCodec.dotNetAscii(raw))).length();
			}
			double b = n / ((System.nanoTime() - t0) / 1e9);
			if (round > 0) {
				jdk.add(a);
				dotNet.add(b);
			}
		}
		System.out.printf("AAPLESARKAR CHECKSUM %d chars: JDK CRC32 %.0f/s, ported .NET table CRC %.0f/s (%.2fx) [%d]%n",
				raw.length(), median(jdk), median(dotNet), median(jdk) / median(dotNet), sink % 10);

		List<Double> soap = new ArrayList<>();
		byte[] answer = AaplesarkarSoap.response("SetAppStatus", "<ResMessage><status>Success</status></ResMessage>");
		for (int round = 0; round <= ROUNDS; round++) {
			int n = 5_000;
			long t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				Map<String, String> parameters = new LinkedHashMap<>();
				parameters.put("EncyKey", "9D71CD364E2DCCDBB8704AF70F81FCCD");
				parameters.put("DeptCode", "CLIENT01");
				sink += AaplesarkarSoap.request("SetAppStatus", parameters).length;
				sink += AaplesarkarSoap.readResult(answer, "SetAppStatus").length();
			}
			if (round > 0) {
				soap.add(n / ((System.nanoTime() - t0) / 1e9));
			}
		}
		System.out.printf("AAPLESARKAR SOAP SetAppStatus envelope built + answer read (SAAJ, DOCTYPE-safe DOM): %.0f/s [%d]%n",
				median(soap), sink % 10);
	}

	private static String status() {
		return "160115001100000001|CLIENT01|59fbcf05-f9f7-47d9-ae90-742122c6a292|1102|IC2035000017|Y|2035-11-27|N|NA|12|"
				+ "2035-12-15|33.60|0|3|कागदपत्रे तपासली, तहसीलदारांकडे पाठवले|NA|NA|NA|NA|NA|268609862";
	}

	private static String profile() {
		StringBuilder xml = new StringBuilder("<ResMessage><Response>Success</Response>");
		String[][] fields = { { "FullName", "Sunita Ramesh Patil" }, { "FullName_mr", "सुनीता रमेश पाटील" },
				{ "AddrBuilding", "Flat 12, Ganesh Apartments" }, { "AddrBuilding_LL", "सदनिका १२, गणेश अपार्टमेंट्स" },
				{ "AddrStreet_LL", "कर्वे रस्ता" }, { "FatherFullName_mr", "रमेश दत्तात्रय पाटील" } };
		while (xml.toString().getBytes(StandardCharsets.UTF_8).length < 2000) {
			for (String[] f : fields) {
				xml.append('<').append(f[0]).append('>').append(f[1]).append("</").append(f[0]).append('>');
			}
		}
		return xml.append("</ResMessage>").toString();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
