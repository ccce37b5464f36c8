package org.sevahub.citizen;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address a request came from, for rate limits: {@code X-Forwarded-For} counts only when the connection is
 * from the balancer ({@code sevahub.citizen.trusted-proxies}), else anyone could pick a fresh address per try.
 */
@Component
class ClientAddress {

	private final Set<String> trusted;

	ClientAddress(CitizenProperties properties) {
		this.trusted = Set.copyOf(properties.trustedProxies());
	}

	String of(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && trusted.contains(remote)) {
			String[] hops = forwarded.split(",");
			String last = hops[hops.length - 1].strip();
			if (!last.isEmpty() && last.length() <= 45) {
				return last;
			}
		}
		return remote;
	}

}
