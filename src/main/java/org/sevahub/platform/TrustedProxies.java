package org.sevahub.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who is calling, for everything that limits or allows by address (citizens' rate limits, BSK's and the SMS
 * gateway's allow-lists; one for the installation, {@link TrustedProxiesConfiguration}): the connection's address,
 * or, when that is one of the proxies in front of SevaHub (HAProxy), the nearest address in
 * {@code X-Forwarded-For} that is not itself one of them. Every line of the header counts, read right to left: a
 * proxy that appends (HAProxy's {@code option forwardfor}) sends the client's own line first and its own last, so
 * the first line, or anything at the left, is whatever the client chose to write.
 */
public final class TrustedProxies {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<IpAddressMatcher> proxies;

	/** @param addresses the proxies' addresses or CIDR ranges; blanks (an empty environment variable) ignored */
	public TrustedProxies(List<String> addresses) {
		this.proxies = addresses.stream().map(String::strip).filter(a -> !a.isEmpty()).map(IpAddressMatcher::new).toList();
	}

	public String clientOf(HttpServletRequest request) {
		String client = request.getRemoteAddr();
		if (!isProxy(client)) {
			return client;
		}
		List<String> hops = hops(request);
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!isAddress(hop)) {
				// No proxy of ours writes this: nothing from here leftwards is believed, the proxy's view stands.
				return client;
			}
			client = hop;
			if (!isProxy(hop)) {
				return hop;
			}
		}
		return client;
	}

	private static List<String> hops(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		for (String line : Collections.list(request.getHeaders(FORWARDED_FOR))) {
			for (String hop : line.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		return hops;
	}

	private boolean isProxy(String address) {
		return isAddress(address) && proxies.stream().anyMatch(proxy -> proxy.matches(address));
	}

	/** An IP address literal (not a range); the matcher refuses anything else, and never looks a name up. */
	private static boolean isAddress(String hop) {
		if (hop.indexOf('/') >= 0) {
			return false;
		}
		try {
			new IpAddressMatcher(hop);
			return true;
		}
		catch (IllegalArgumentException notAnAddress) {
			return false;
		}
	}

}
