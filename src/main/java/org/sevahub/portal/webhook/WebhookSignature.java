package org.sevahub.portal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-SevaHub-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, the scheme payment providers
 * use for webhooks: the timestamp inside the MAC stops replays of old messages, the hex MAC stops tampering.
 * The receiver side lives here too so the department's MIS team (and the sandbox) verify it the same way.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-SevaHub-Signature";

	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	public static final String SEQUENCE = "X-SevaHub-Sequence";

	private WebhookSignature() {
	}

	public static String sign(String secret, Instant at, String body) {
		long t = at.getEpochSecond();
		return "t=" + t + ",v1=" + mac(secret, t + "." + body);
	}

	/** Null when the header is valid for this body and fresh at {@code now}; else why not. */
	public static String problem(String secret, String header, String body, Instant now, Duration tolerance) {
		if (header == null) {
			return "no " + HEADER + " header";
		}
		Long t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] kv = part.strip().split("=", 2);
			if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("\\d{1,12}")) {
				t = Long.parseLong(kv[1]);
			}
			else if (kv.length == 2 && kv[0].equals("v1")) {
				v1 = kv[1];
			}
		}
		if (t == null || v1 == null) {
			return "malformed " + HEADER + " header";
		}
		if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
			return "signature timestamp outside the " + tolerance.toMinutes() + "-minute window";
		}
		byte[] expected = mac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII)) ? null : "signature mismatch";
	}

	private static String mac(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
