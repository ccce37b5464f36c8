package org.sevahub.sandbox.faults;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the switched-on fault of a simulated counterpart in front of every request to it
 * ({@code /sandbox/<portal>/...}): the same faults for every portal's simulator, without any of them knowing.
 */
@Component
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxFaultFilter extends OncePerRequestFilter {

	/** Sandbox paths that are not counterparts: the switches, the stand-in gateway and SMS inbox, and what
	 * the simulators recorded (under /sandbox/records/, so tests can read them while a fault is on). */
	static final Set<String> NOT_PORTALS = Set.of("faults", "payment", "sms", "records");

	private final SandboxFaults faults;

	SandboxFaultFilter(SandboxFaults faults) {
		this.faults = faults;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String portal = portal(request);
		return portal == null || NOT_PORTALS.contains(portal);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<SandboxFaults.Fault> fault = faults.take(portal(request));
		if (fault.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		switch (fault.get().mode()) {
			case DOWN -> {
				response.setHeader("Connection", "close");
				response.sendError(503, "The simulated portal is down");
			}
			case ERROR -> {
				response.setStatus(500);
				response.setContentType("application/json");
				response.getWriter().write("{\"error\":\"simulated server error\"}");
			}
			case REJECT -> {
				response.setStatus(400);
				response.setContentType("application/json");
				response.getWriter().write("{\"error\":\"rejected by the simulated portal\"}");
			}
			case SLOW -> {
				try {
					Thread.sleep(fault.get().delayMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				chain.doFilter(request, response);
			}
		}
	}

	/** {@code /sandbox/isp/...} is portal isp. */
	static String portal(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/sandbox/")) {
			return null;
		}
		String rest = path.substring("/sandbox/".length());
		int slash = rest.indexOf('/');
		return slash < 0 ? rest : rest.substring(0, slash);
	}

}
