package org.sevahub.portal.bsk;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who is calling: the connection's address, or, when that is one of the configured trusted proxies, the
 * nearest address in X-Forwarded-For that is not itself a trusted proxy (read right to left, since a client
 * can put anything at the left end). Only BSK's allow-listed servers may call.
 */
final class BskCallers {

	private final List<IpAddressMatcher> allowed;

	private final List<IpAddressMatcher> proxies;

	BskCallers(List<String> allowedIps, List<String> trustedProxies) {
		this.allowed = allowedIps.stream().map(IpAddressMatcher::new).toList();
		this.proxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
	}

	String callerOf(HttpServletRequest request) {
		String caller = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || !matches(proxies, caller)) {
			return caller;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (hop.isEmpty()) {
				continue;
			}
			caller = hop;
			if (!matches(proxies, hop)) {
				break;
			}
		}
		return caller;
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
