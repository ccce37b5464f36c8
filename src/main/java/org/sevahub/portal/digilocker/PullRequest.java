package org.sevahub.portal.digilocker;

import java.util.Map;
import java.util.Optional;

/**
 * A Pull URI or Pull Doc request as DigiLocker sent it: the root's attributes and the {@code DocDetails}
 * children by name. Both requests share this shape, so one parser serves both.
 */
record PullRequest(String root, String ver, String ts, String txn, String orgId, String format,
		Map<String, String> details) {

	Optional<String> detail(String name) {
		String value = details.get(name);
		return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
	}

	/** The spec: no {@code format} attribute means the PDF. */
	boolean wantsPdf() {
		return format == null || format.isBlank() || format.equalsIgnoreCase("pdf") || format.equalsIgnoreCase("both");
	}

	boolean wantsXml() {
		return format != null && (format.equalsIgnoreCase("xml") || format.equalsIgnoreCase("both"));
	}

}
