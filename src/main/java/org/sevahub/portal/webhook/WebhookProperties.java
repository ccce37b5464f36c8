package org.sevahub.portal.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The department's own MIS, told of every status of every application.
 *
 * @param url       where to POST; blank means the built-in sandbox receiver
 * @param secret    the shared HMAC key the receiver verifies signatures with
 * @param tolerance how old a signature may be before a receiver refuses it (replays)
 */
@ConfigurationProperties("sevahub.portals.webhook")
record WebhookProperties(boolean enabled, String url, String secret, Duration tolerance) {

	WebhookProperties {
		tolerance = tolerance == null ? Duration.ofMinutes(5) : tolerance;
	}

}
