package org.sevahub.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import org.sevahub.application.CitizenAccess;
import org.sevahub.application.EngineClock;

import org.springframework.stereotype.Component;

/**
 * Download links that expire: {@code /documents/{id}?expires=…&signature=…}, the signature a keyed MAC of the
 * document and the expiry ({@link CitizenAccess#sign}), so any node checks it without a session. Handed out
 * only after {@link DocumentAccess} said yes, and good for {@code sevahub.documents.link-lifetime}.
 */
@Component
public class DocumentLinks {

	static final String PURPOSE = "document";

	private final CitizenAccess signer;

	private final Duration lifetime;

	DocumentLinks(CitizenAccess signer, DocumentProperties properties) {
		this.signer = signer;
		this.lifetime = properties.linkLifetime();
	}

	public String link(StoredDocument document) {
		long expires = EngineClock.now().plus(lifetime).getEpochSecond();
		return "/documents/" + document.id() + "?expires=" + expires + "&signature="
				+ signer.sign(PURPOSE, document.id() + ":" + expires);
	}

	boolean valid(long documentId, long expires, String signature) {
		if (signature == null || expires < EngineClock.now().getEpochSecond()) {
			return false;
		}
		return MessageDigest.isEqual(signer.sign(PURPOSE, documentId + ":" + expires).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
