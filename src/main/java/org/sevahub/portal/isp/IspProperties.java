package org.sevahub.portal.isp;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Uttar Pradesh's Integrated Service Portal, as the department registered with it.
 *
 * @param baseUrl          ISP's web service root ({@code http://164.100.181.91/ispws}); blank: the sandbox
 * @param deptId           the department's id, sent as {@code dept_id} and as the token's user name
 * @param password         the token key for {@code authenticate}
 * @param secretKey        the shared secret the AES key is derived from
 * @param salt             PBKDF2 salt (the Java sample's, unless ISP says otherwise)
 * @param redirectUrl      ISP's {@code getMessageFromDepartment} page, where citizens go back after submitting
 * @param timestampFormat  how {@code action_taken_time} is written (the manual's "yyyy-mm-ddhh:mm:ss" read as
 *                         docs/portals/isp.md says)
 * @param tokenLifetime    how long an ISP token lives (the manual: 60 minutes)
 * @param tokenRenewBefore how long before expiry a cached token is replaced
 * @param districtNames    ISP district codes to names, from ISP's code table, for the citizen's form
 * @param statusMap        where ISP's status map is read (a Spring resource location): the shipped
 *                         {@code classpath:portal-status/isp.yml}, or a department's own file
 */
@ConfigurationProperties("sevahub.portals.isp")
record IspProperties(boolean enabled, String baseUrl, String deptId, String password, String secretKey, String salt,
		String redirectUrl, String timestampFormat, Duration tokenLifetime, Duration tokenRenewBefore,
		Map<String, String> districtNames, String statusMap) {

	IspProperties {
		salt = salt == null || salt.isBlank() ? IspCipher.DEFAULT_SALT : salt;
		timestampFormat = timestampFormat == null ? "yyyy-MM-dd HH:mm:ss" : timestampFormat;
		tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(60) : tokenLifetime;
		tokenRenewBefore = tokenRenewBefore == null ? Duration.ofMinutes(5) : tokenRenewBefore;
		districtNames = districtNames == null ? Map.of() : districtNames;
		statusMap = statusMap == null || statusMap.isBlank() ? IspStatusMap.SHIPPED : statusMap;
	}

}
