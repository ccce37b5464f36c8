package org.sevahub.portal.bsk;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.sevahub.platform.TrustedProxies;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who is calling ({@link TrustedProxies}: behind a trusted proxy, the nearest forwarded address that is not one).
 * Only BSK's allow-listed servers may call.
 */
final class BskCallers {

	private final List<IpAddressMatcher> allowed;

	private final TrustedProxies proxies;

	BskCallers(List<String> allowedIps, TrustedProxies proxies) {
		this.allowed = allowedIps.stream().map(IpAddressMatcher::new).toList();
		this.proxies = proxies;
	}

	String callerOf(HttpServletRequest request) {
		return proxies.clientOf(request);
	}

	/** Refuses a caller not on the allow-list. */
	String check(HttpServletRequest request) {
		String caller = callerOf(request);
		if (!matches(allowed, caller)) {
			throw new BskRefusal("Caller " + caller + " is not on the department's IP allow-list for BSK");
		}
		return caller;
	}

	private static boolean matches(List<IpAddressMatcher> matchers, String address) {
		for (IpAddressMatcher matcher : matchers) {
			try {
				if (matcher.matches(address)) {
					return true;
				}
			}
			catch (IllegalArgumentException notAnAddress) {
				return false;
			}
		}
		return false;
	}

}
