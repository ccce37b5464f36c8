package org.sevahub.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fieldKey Base64 AES key (16, 24 or 32 bytes) for personal fields such as Aadhaar
 * @param linkKey  Base64 HMAC key for links and cookies handed to citizens
 */
@ConfigurationProperties("sevahub.crypto")
public record SevaHubCryptoProperties(String fieldKey, String linkKey) {
}
