package org.sevahub.officer;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A look-up the guard makes about a caller, run with no authenticated user so that Camunda's authorization checks do
 * not filter it (the caller's own grants may not reach what it consults), the caller's sign-in put back after.
 */
final class Unchecked {

	private Unchecked() {
	}

	static <T> T lookup(IdentityService identity, Supplier<T> lookup) {
		Authentication current = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return lookup.get();
		}
		finally {
			if (current != null) {
				identity.setAuthentication(current);
			}
		}
	}

}
