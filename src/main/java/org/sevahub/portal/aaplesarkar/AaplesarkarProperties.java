package org.sevahub.portal.aaplesarkar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Maharashtra's Aaple Sarkar, as MahaIT registered the department (document 3.3, step 2).
 *
 * @param serviceUrl     the ASMX web service (pushWebService/pullWebService) {@code .../Dept_Authentication.asmx};
 *                       blank: the sandbox
 * @param paymentUrl     the payment root, {@code .../en/OutPayment} (ValidateRequest, Pay); blank: the sandbox
 * @param clientCode     MahaIT's client code (also sent as DeptCode)
 * @param encryptKey     the 24-character TripleDES key
 * @param encryptIv      the 8-character IV
 * @param checksumKey    the key appended to every checksummed string
 * @param tokenMaxAge    how far the hand-over token's TimeStamp may be from now, either way
 * @param timestampZone  the zone of the token's TimeStamp (.NET {@code DateTime.Now.Ticks} on MahaIT's servers)
 * @param returnUrl      where the payment gateway sends the citizen back; blank: this server's
 *                       {@code /aaplesarkar/payment/return}
 * @param districtNames  Aaple Sarkar district codes to names, for the citizen's form
 * @param connectTimeout how long to wait for a connection to Aaple Sarkar (the landing waits on the citizen's
 *                       request thread)
 * @param readTimeout    how long to wait for Aaple Sarkar's answer once connected
 */
@ConfigurationProperties("sevahub.portals.aaplesarkar")
record AaplesarkarProperties(boolean enabled, String serviceUrl, String paymentUrl, String clientCode,
		String encryptKey, String encryptIv, String checksumKey, Duration tokenMaxAge, ZoneId timestampZone,
		String returnUrl, Map<String, String> districtNames, Duration connectTimeout, Duration readTimeout) {

	AaplesarkarProperties {
		tokenMaxAge = tokenMaxAge == null ? Duration.ofMinutes(10) : tokenMaxAge;
		timestampZone = timestampZone == null ? ZoneId.of("Asia/Kolkata") : timestampZone;
		districtNames = districtNames == null ? Map.of() : districtNames;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
	}

	AaplesarkarCodec codec() {
		return new AaplesarkarCodec(encryptKey, encryptIv, checksumKey);
	}

}
