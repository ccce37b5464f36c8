package org.sevahub.application;

import java.util.Optional;

/**
 * Where a citizen handed over by a portal goes back to when done (ISP's getMessageFromDepartment, say). The
 * citizen pages offer the link after submission, and before it for a citizen who gives up.
 */
public interface PortalReturn {

	/** The link back for this application, if it came from this portal. */
	Optional<Link> link(Application application, boolean submitted);

	record Link(String portalName, String url) {
	}

}
