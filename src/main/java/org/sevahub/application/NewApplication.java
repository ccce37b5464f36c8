package org.sevahub.application;

import java.util.Map;
import java.util.Set;

/**
 * What starts an application: a service, the form values known so far (applicant keys included), and, when
 * a portal handed the citizen over, that portal's link and the keys it vouched for.
 */
public record NewApplication(String serviceCode, Map<String, String> values, String channel, Set<String> lockedKeys,
		PortalOrigin origin, Applicant knownApplicant) {

	public static NewApplication direct(String serviceCode, Map<String, String> values) {
		return new NewApplication(serviceCode, values, Application.DIRECT, Set.of(), null, null);
	}

	/**
	 * An application a portal handed over. {@code applicant} carries what the portal said about the person
	 * (its Aadhaar already protected); {@code lockedKeys} are the form keys the citizen may not change.
	 */
	public static NewApplication fromPortal(String serviceCode, PortalOrigin origin, Applicant applicant,
			Map<String, String> values, Set<String> lockedKeys) {
		return new NewApplication(serviceCode, values, origin.portal(), lockedKeys, origin, applicant);
	}

	public record PortalOrigin(String portal, String externalRef, Map<String, String> attributes) {
	}

}
