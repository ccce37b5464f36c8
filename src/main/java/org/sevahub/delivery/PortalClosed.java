package org.sevahub.delivery;

import org.sevahub.application.Application;

/**
 * A portal's own rules closed the application there (ISP takes nothing after a rejection): from now on it shows
 * an older status. Published once per application and portal, in the transaction that recorded the first status
 * kept from it, so whoever tells the citizen does so if and only if that status stands.
 */
public record PortalClosed(Application application, String portal) {
}
