package org.sevahub.delivery;

import org.sevahub.application.Application;
import org.sevahub.application.PortalLink;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.catalog.ServiceDefinition;

/** A status just recorded for an application, as one linked portal's connector sees it. */
public record StatusChange(Application application, ServiceDefinition service, PortalLink link,
		StatusHistoryEntry entry) {

	public String status() {
		return entry.status();
	}

}
