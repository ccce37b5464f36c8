package org.sevahub.portal.digilocker;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Requests as DigiLocker writes them (namespaced root, IST timestamp), signed the way it signs them. */
final class DigiLockerTestRequests {

	private DigiLockerTestRequests() {
	}

	static String now() {
		return OffsetDateTime.now(ZoneId.of("Asia/Kolkata")).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	static byte[] pullUri(String org, String ts, String docType, String number, String name, String dob, String format) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<PullURIRequest xmlns:ns2="http://tempuri.org/" ver="1.0" ts="%s" txn="%s" orgId="%s" format="%s">
				  <DocDetails>
				    <DocType>%s</DocType>
				    <DigiLockerId>123e4567-e89b-12d3-a456-426655440000</DigiLockerId>
				    <FullName>%s</FullName>
				    %s
				    <UDF1>%s</UDF1>
				  </DocDetails>
				</PullURIRequest>""".formatted(ts, UUID.randomUUID(), org, format, docType, name,
				dob == null ? "" : "<DOB>" + dob + "</DOB>", number)
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] pullDoc(String org, String ts, String uri, String name, String dob, String format) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<PullDocRequest xmlns:ns2="http://tempuri.org/" ver="1.0" ts="%s" txn="%s" orgId="%s" format="%s">
				  <DocDetails>
				    <URI>%s</URI>
				    <DigiLockerId>123e4567-e89b-12d3-a456-426655440000</DigiLockerId>
				    <FullName>%s</FullName>
				    <DOB>%s</DOB>
				  </DocDetails>
				</PullDocRequest>""".formatted(ts, UUID.randomUUID(), org, format, uri, name, dob)
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Computed independently of the production class, so a wrong HMAC there cannot pass here. */
	static String hmac(byte[] body, String key) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
