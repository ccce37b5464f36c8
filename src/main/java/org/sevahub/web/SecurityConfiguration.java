package org.sevahub.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Three kinds of caller, three protections. Citizens' pages carry a CSRF token (in a cookie, so no server
 * session is needed). Officers and admins use Camunda's webapps, which have their own login and CSRF, and
 * {@code /engine-rest}, which takes HTTP Basic against Camunda's users and is never open. SevaHub's own admin
 * pages take HTTP Basic for members of {@code camunda-admin}. Portal endpoints authenticate in their own
 * way (passcodes, signatures, HMACs) in their packages.
 */
@Configuration
class SecurityConfiguration {

	/** Paths whose callers are machines with their own authentication, or Camunda's webapps. */
	static final String[] NO_CSRF = { "/api/**", "/engine-rest/**", "/camunda/**", "/bsk/**", "/isp/**",
			"/aaplesarkar/**", "/digilocker/**", "/registry/**", "/sandbox/**", "/actuator/**" };

	/** SevaHub's own admin pages and admin API: HTTP Basic, members of camunda-admin only. */
	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/admin/**", "/api/v1/admin/**")
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.csrfTokenRequestHandler(csrfHandler())
				.ignoringRequestMatchers("/api/v1/admin/**"))
			// The RTS dashboard is also the appellate officers', scoped to their offices (org.sevahub.dashboard).
			.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/dashboard", "/admin/dashboard/**")
				.hasAnyRole("ADMIN", "APPELLATE")
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(basic -> basic.realmName("SevaHub administration"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	/** Everything else: open to the public, CSRF-protected where a browser posts a citizen's form. */
	@Bean
	@Order(2)
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			.csrfTokenRequestHandler(csrfHandler())
			.ignoringRequestMatchers(NO_CSRF))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	private static CsrfTokenRequestAttributeHandler csrfHandler() {
		CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
		// Load the token eagerly: every citizen page renders it into its forms.
		handler.setCsrfRequestAttributeName(null);
		return handler;
	}

	/** SevaHub's admin pages authenticate against Camunda's identity service: one set of users. */
	@Bean
	AuthenticationProvider camundaUsers(IdentityService identity) {
		return new AuthenticationProvider() {
			@Override
			public org.springframework.security.core.Authentication authenticate(
					org.springframework.security.core.Authentication authentication) {
				String user = authentication.getName();
				String password = String.valueOf(authentication.getCredentials());
				if (!identity.checkPassword(user, password)) {
					throw new BadCredentialsException("Wrong user or password");
				}
				List<SimpleGrantedAuthority> roles = new java.util.ArrayList<>();
				for (org.camunda.bpm.engine.identity.Group group : identity.createGroupQuery().groupMember(user).list()) {
					if (group.getId().equals(Groups.CAMUNDA_ADMIN)) {
						roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
					}
					else if (group.getId().startsWith("firstAppellate:") || group.getId().startsWith("secondAppellate:")) {
						roles.add(new SimpleGrantedAuthority("ROLE_APPELLATE"));
					}
				}
				return UsernamePasswordAuthenticationToken.authenticated(user, null, List.copyOf(new java.util.LinkedHashSet<>(roles)));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}

	/** Camunda's own authentication filter in front of the engine's REST API. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setName("camunda-rest-authentication");
		registration.setOrder(101);
		return registration;
	}

}
