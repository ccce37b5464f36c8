package org.sevahub.certificate;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** The department's signing key and its certificate. */
record SigningIdentity(PrivateKey key, X509Certificate certificate) {

	/** SHA-256 of the certificate, as shown to people who check which key signed. */
	String fingerprint() {
		return fingerprint(certificate);
	}

	static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.ofDelimiter(":")
				.withUpperCase()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
