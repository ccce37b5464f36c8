package org.sevahub.delivery;

/**
 * A message to queue for a portal.
 *
 * @param kind    the operation, in the portal's terms (e.g. {@code returnServiceStatus}, {@code api2})
 * @param payload what the connector needs at send time, as JSON of the connector's own making
 */
public record OutboundMessage(String kind, String payload) {
}
