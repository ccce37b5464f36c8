package org.sevahub.portal.digilocker;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The department as registered on DigiLocker's Partner Portal.
 *
 * @param orgId         the issuer id DigiLocker sends as {@code orgId}, and the first part of every URI
 * @param apiKey        the key DigiLocker signs request bodies with ({@code x-digilocker-hmac})
 * @param docTypes      the document types registered for pulling; others are not found
 * @param search        how Pull URI finds a certificate: by its number in UDF1 or by the holder's Aadhaar
 * @param maxClockSkew  how far a request's {@code ts} may be from now, either way
 */
@ConfigurationProperties("sevahub.portals.digilocker")
record DigiLockerProperties(boolean enabled, String orgId, String apiKey, List<String> docTypes, Search search,
		Duration maxClockSkew) {

	DigiLockerProperties {
		docTypes = docTypes == null ? List.of() : List.copyOf(docTypes);
		search = search == null ? Search.CERTIFICATE_NUMBER : search;
		maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
	}

	enum Search {

		/** UDF1 is the certificate number; FullName (and DOB where the certificate has one) must match it. */
		CERTIFICATE_NUMBER,

		/** UID is the holder's Aadhaar; FullName and DOB as on Aadhaar must match the certificate. */
		AADHAAR

	}

}
