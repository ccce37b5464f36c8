package org.sevahub.portal.dci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's signature string, {@code Signature: namespace="spdci", kidId="{sender_id}|{key_id}|{algorithm}",
 * algorithm="ed25519", created, expires, headers="(created) (expires) digest", signature}. The spec names the
 * parts but not the signing string; we follow the HTTP-signature draft it borrows from (as Beckn and G2P
 * Connect do): one line per listed header, {@code digest: BLAKE-512=} the base64 BLAKE2b-512 of header +
 * message (another digest where a registry is configured with one, see {@link DciDigest}).
 */
public record DciSignature(String namespace, String senderId, String keyId, String algorithm, long created,
		long expires, String headers, String signature) {

	public static final String NAMESPACE = "spdci";

	public static final String ALGORITHM = "ed25519";

	public static final String HEADERS = "(created) (expires) digest";

	private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"?");

	/** The bytes that are signed for this header and message, with SevaHub's own digest (BLAKE-512). */
	public static byte[] signingString(long created, long expires, byte[] headerAndMessage) {
		return signingString(created, expires, DciDigest.BLAKE_512, headerAndMessage);
	}

	/** The bytes that are signed for this header and message with the given digest. */
	public static byte[] signingString(long created, long expires, DciDigest digest, byte[] headerAndMessage) {
		return ("(created): " + created + "\n(expires): " + expires + "\ndigest: " + digest.label() + "="
				+ Base64.getEncoder().encodeToString(digest.of(headerAndMessage)))
			.getBytes(StandardCharsets.UTF_8);
	}

	public String format() {
		return "Signature: namespace=\"" + namespace + "\", kidId=\"" + senderId + "|" + keyId + "|" + algorithm
				+ "\", algorithm=\"" + algorithm + "\", created=\"" + created + "\", expires=\"" + expires
				+ "\", headers=\"" + headers + "\", signature=\"" + signature + "\"";
	}

	/** Reads a signature string; anything it cannot read is refused as a missing or invalid signature. */
	public static DciSignature parse(String text) {
		if (text == null || text.isBlank()) {
			throw new DciRefusal(401, "err.signature.missing", "The message carries no signature");
		}
		String body = text.strip();
		if (!body.startsWith("Signature:")) {
			throw DciRefusal.signature("The signature does not start with 'Signature:'");
		}
		Map<String, String> params = new LinkedHashMap<>();
		Matcher m = PARAM.matcher(body.substring("Signature:".length()));
		while (m.find()) {
			params.put(m.group(1), m.group(2));
		}
		for (String required : new String[] { "namespace", "kidId", "algorithm", "created", "expires", "headers",
				"signature" }) {
			if (!params.containsKey(required) || params.get(required).isBlank()) {
				throw DciRefusal.signature("The signature has no " + required);
			}
		}
		String[] kid = params.get("kidId").split("\\|");
		if (kid.length != 3) {
			throw DciRefusal.signature("kidId is not {sender_id}|{unique_key_id}|{algorithm}");
		}
		try {
			return new DciSignature(params.get("namespace"), kid[0], kid[1], params.get("algorithm"),
					Long.parseLong(params.get("created")), Long.parseLong(params.get("expires")), params.get("headers"),
					params.get("signature"));
		}
		catch (NumberFormatException ex) {
			throw DciRefusal.signature("created and expires are Unix times in seconds");
		}
	}

}
