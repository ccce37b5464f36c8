package org.sevahub.citizen;

import jakarta.servlet.http.HttpServletRequest;

import org.sevahub.platform.TrustedProxies;

import org.springframework.stereotype.Component;

/**
 * The address a request came from, for rate limits: {@code X-Forwarded-For} counts only when the connection is
 * from the balancer ({@code sevahub.trusted-proxies}), else anyone could pick a fresh address per try.
 */
@Component
class ClientAddress {

	private final TrustedProxies proxies;

	ClientAddress(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	String of(HttpServletRequest request) {
		return proxies.clientOf(request);
	}

}
