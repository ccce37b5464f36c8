package org.sevahub.application;

import java.time.Instant;
import java.util.Map;

/**
 * An application's tie to a portal it came from or must report to.
 *
 * @param externalRef the portal's own reference (ISP request_id, BSK ticketNo, Aaple Sarkar TrackId...)
 * @param attributes  whatever else that portal's connector must remember (its ids, codes); never secrets
 */
public record PortalLink(Long id, long applicationId, String portal, String externalRef, Map<String, String> attributes,
		Instant createdAt) {
}
