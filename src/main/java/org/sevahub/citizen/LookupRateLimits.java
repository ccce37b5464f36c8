package org.sevahub.citizen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Public look-ups by number ({@code /track}, {@code /verify/…}) are rate-limited per client address: numbers are
 * sequential, and walking them should cost a scraper hours, not seconds.
 */
@Configuration
class LookupRateLimits {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> lookupRateLimit(RateLimits limits, ClientAddress addresses,
			MessageSource messages) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				RateLimits.Kind kind = request.getRequestURI().startsWith(request.getContextPath() + "/verify")
						? RateLimits.Kind.VERIFY : RateLimits.Kind.TRACK;
				if (!limits.allow(kind, addresses.of(request))) {
					response.setStatus(429);
					response.setHeader("Retry-After", "60");
					response.setContentType("text/plain;charset=UTF-8");
					response.getOutputStream()
						.write(messages.getMessage("track.limited", null, request.getLocale())
							.getBytes(StandardCharsets.UTF_8));
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/track", "/verify/*");
		registration.setName("lookup-rate-limit");
		return registration;
	}

}
