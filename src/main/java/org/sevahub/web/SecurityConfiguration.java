package org.sevahub.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.SignedInCitizen;
import org.sevahub.citizen.CitizenAuthentication;
import org.sevahub.document.DocumentAccess;
import org.sevahub.officer.EngineRestSignIns;
import org.sevahub.platform.doors.Doors;
import org.sevahub.platform.doors.FileNameTooLong;
import org.sevahub.web.AccessRules.Access;
import org.sevahub.web.AccessRules.Rule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every route's owner, from the one table in {@link AccessRules} (docs/security.md). Two chains: SevaHub's
 * administration (HTTP Basic against Camunda's users, members of {@code camunda-admin}, cross-site writes refused)
 * and everything else (citizens by session token or hand-over grant, officers by their Camunda login, portals by
 * their own credentials in their packages, the public). Citizens' pages carry a CSRF token in a cookie, so no server
 * session is needed; Camunda's webapps have their own login and CSRF.
 */
@Configuration
class SecurityConfiguration {

	/**
	 * Paths whose callers are machines with their own authentication, or Camunda's webapps. The API is among them
	 * only for calls the citizen's cookie does not sign in ({@link CitizenCookieRequests}).
	 */
	static final String[] NO_CSRF = { "/engine-rest/**", "/camunda/**", "/bsk/**", "/isp/**",
			"/aaplesarkar/**", "/digilocker/**", "/registry/**", "/sandbox/**", "/actuator/**", "/sms-gateway/**" };

	/**
	 * SevaHub's own pages run no inline script or style: every script is a file under /js, every style under /css.
	 * Camunda's webapps send their own policy.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'self'";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Every request some rule names; the chain's own matchers, built once for the refusal handlers to ask. */
	private static final RequestMatcher ROUTES = new OrRequestMatcher(
			AccessRules.RULES.stream().map(SecurityConfiguration::matcher).toList());

	private final boolean sandbox;

	SecurityConfiguration(@Value("${sevahub.sandbox.enabled:false}") boolean sandbox) {
		this.sandbox = sandbox;
	}

	/**
	 * No observation of the security filters: Spring Security otherwise wraps every filter of a chain in observation
	 * code on every request (4% of the web threads' samples in a flight recording of BSK API-1, BENCHMARKS.md).
	 * Requests stay observed as a whole ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings noPerFilterObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** SevaHub's admin pages and admin API, and the actuator but health: HTTP Basic, members of camunda-admin. */
	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
		RequestMatcher admin = new OrRequestMatcher(path("/admin/**"), path("/api/v1/admin/**"),
				new AndRequestMatcher(path("/actuator/**"), new NegatedRequestMatcher(path("/actuator/health")),
						new NegatedRequestMatcher(path("/actuator/health/**"))));
		http.securityMatcher(admin)
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.csrfTokenRequestHandler(csrfHandler())
				.ignoringRequestMatchers("/api/v1/admin/**", "/actuator/**"))
			.addFilterBefore(new CrossSiteWrites(), BasicAuthenticationFilter.class)
			// The RTS dashboard is also the appellate officers', scoped to their offices (org.sevahub.dashboard).
			.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/dashboard", "/admin/dashboard/**")
				.hasAnyRole("ADMIN", "APPELLATE")
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(basic -> basic.realmName("SevaHub administration"))
			.headers(this::headers)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	/** Everything else, rule by rule from {@link AccessRules}; what no rule names is refused. */
	@Bean
	@Order(2)
	SecurityFilterChain mainChain(HttpSecurity http, CitizenAccess citizens, CitizenAuthentication citizenSessions,
			Doors doors) throws Exception {
		http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			.csrfTokenRequestHandler(csrfHandler())
			.ignoringRequestMatchers(NO_CSRF)
			.ignoringRequestMatchers(new AndRequestMatcher(path("/api/**"),
					new NegatedRequestMatcher(new CitizenCookieRequests()))))
			.addFilterBefore(citizenSessions.filter(), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> {
				for (Rule rule : AccessRules.RULES) {
					AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = auth.requestMatchers(matcher(rule));
					switch (rule.access()) {
						case PUBLIC, PORTAL -> url.permitAll();
						// Camunda's own filters authenticate /engine-rest and /camunda; SevaHub's pages need its login.
						case OFFICER -> url.access(rule.pattern().startsWith("/officer/") ? officer() : permit());
						case WEBAPP_ADMIN -> url.access(webappAdmin());
						case CITIZEN -> url.access(citizen(citizens));
						case SANDBOX -> {
							if (sandbox) {
								url.permitAll();
							}
							else {
								url.denyAll();
							}
						}
						// Served by the admin chain; a request reaching this one is not an admin's.
						case ADMIN -> url.denyAll();
					}
				}
				auth.anyRequest().denyAll();
			})
			.exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst(citizens))
				.accessDeniedHandler(notYours(doors)))
			.headers(this::headers)
			// Nothing here is kept in a server session, and a citizen's token is checked on every request: session
			// management would take each such request for a fresh sign-in and rotate the CSRF token under the page.
			.sessionManagement(session -> session.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	private void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		RequestMatcher ownPages = new NegatedRequestMatcher(
				new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**")));
		headers.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ownPages,
					new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
	}

	/** The application named in the path must be the caller's; a rule without one needs a signed-in citizen. */
	private static AuthorizationManager<RequestAuthorizationContext> citizen(CitizenAccess citizens) {
		return (authentication, context) -> {
			String applicationNo = context.getVariables().get(AccessRules.APPLICATION_NO);
			if (applicationNo == null) {
				return new AuthorizationDecision(SignedInCitizen.current().isPresent());
			}
			return new AuthorizationDecision(citizens.has(context.getRequest(), applicationNo));
		};
	}

	/** Someone signed in to Camunda's webapps; which applications they may open, the page decides. */
	private static AuthorizationManager<RequestAuthorizationContext> officer() {
		return (authentication, context) -> new AuthorizationDecision(DocumentAccess.signedIn(context.getRequest())
			.filter(user -> user.admin() || !user.groups().isEmpty())
			.isPresent());
	}

	/** An administrator signed in to Camunda's webapps; Camunda's own filters check the rest. */
	private static AuthorizationManager<RequestAuthorizationContext> webappAdmin() {
		return (authentication, context) -> new AuthorizationDecision(DocumentAccess.signedIn(context.getRequest())
			.filter(DocumentAccess.Officer::admin)
			.isPresent());
	}

	private static AuthorizationManager<RequestAuthorizationContext> permit() {
		return (authentication, context) -> new AuthorizationDecision(true);
	}

	/**
	 * No credential: the API answers 401, a citizen's page sends the browser to sign in and back. A browser holding
	 * some other application's hand-over grant hears 404, as a signed-in stranger would.
	 */
	private static AuthenticationEntryPoint signInFirst(CitizenAccess citizens) {
		return (request, response, exception) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (wrongMethod(request, response)) {
				return;
			}
			boolean application = path.startsWith("/applications/") || path.startsWith("/api/v1/applications/");
			if (application && citizens.hasAnyCredential(request)) {
				notFound(request, response, path);
			}
			else if (path.startsWith("/api/")) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SevaHub\"");
				json(response, 401, "unauthorized",
						"Sign in first: POST /api/v1/citizen/otp, then /api/v1/citizen/session; send the token as a Bearer");
			}
			else if ((path.startsWith("/applications/") || path.startsWith("/citizen/")) && !wantsJson(request)) {
				String back = path + (request.getQueryString() == null || !"GET".equals(request.getMethod()) ? ""
						: "?" + request.getQueryString());
				// The language asked for comes along: the redirect happens before ?lang= is applied.
				String language = request.getParameter("lang");
				response.sendRedirect(request.getContextPath() + "/citizen/sign-in?next="
						+ URLEncoder.encode(back, StandardCharsets.UTF_8)
						+ (language == null || !language.matches("[a-z]{2}") ? "" : "&lang=" + language));
			}
			else if (path.startsWith("/officer/")) {
				text(response, 401, "Sign in to Tasklist (/camunda/app/tasklist/) first.");
			}
			else if (path.startsWith("/camunda/") && DocumentAccess.signedIn(request).isPresent()) {
				// An officer signed in to Tasklist, asking for the administrators' part: signing in again would not help.
				json(response, 403, "forbidden", "This part of Camunda's webapps is for administrators");
			}
			else if (wantsJson(request)) {
				json(response, 401, "unauthorized", "Sign in first");
			}
			else {
				response.sendError(routed(request) ? 401 : 404);
			}
		};
	}

	/**
	 * A method no rule takes at an address some rule names with other methods: 405 with {@code Allow}, as Spring MVC
	 * would say, rather than a refusal that reads as "sign in" or "not allowed" (the rules are public, docs/security.md).
	 */
	private static boolean wrongMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (routed(request)) {
			return false;
		}
		Set<String> allowed = new java.util.TreeSet<>();
		for (Rule rule : AccessRules.RULES) {
			if (rule.method() != null && path(rule.pattern()).matches(request)) {
				allowed.add(rule.method().name());
			}
		}
		if (allowed.isEmpty()) {
			return false;
		}
		response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
		if (wantsJson(request)) {
			json(response, 405, "method-not-allowed", "This address does not take this method");
		}
		else {
			response.sendError(405);
		}
		return true;
	}

	/**
	 * Whether any rule names the request: one that none names is no route at all (every route has a rule,
	 * {@code RouteOwnersTest}), and a browser asking for it, a mistyped address say, hears "not found", not "sign in".
	 */
	private static boolean routed(HttpServletRequest request) {
		return ROUTES.matches(request);
	}

	/**
	 * A signed-in citizen asking for an application that is not theirs hears what they would for one that does not
	 * exist: 404, so numbers cannot be probed. A write without the page's CSRF token is 403 "stale-page" whatever
	 * the application (the token is checked before anyone's ownership, so this says nothing about the number): the
	 * citizen's page says to reload it rather than that their application is gone. Anything else refused is 403.
	 */
	private static AccessDeniedHandler notYours(Doors doors) {
		return (request, response, exception) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			// A method the address never takes is answered first: no page can be stale for it.
			if (wrongMethod(request, response)) {
				return;
			}
			if (exception instanceof CsrfException) {
				// A form whose parts the container could not read has no token to show: its file's name was the cause.
				if (FileNameTooLong.in(request)) {
					doors.refuse(request, response, 400, FileNameTooLong.MESSAGE, FileNameTooLong.WORDS);
				}
				else if (wantsJson(request)) {
					json(response, 403, "stale-page", "This page is out of date: reload it and try again.");
				}
				else {
					response.sendError(403);
				}
			}
			else if (path.startsWith("/applications/") || path.startsWith("/api/v1/applications/")) {
				notFound(request, response, path);
			}
			else if (wantsJson(request)) {
				json(response, 403, "forbidden", "Not allowed");
			}
			else {
				response.sendError(routed(request) ? 403 : 404);
			}
		};
	}

	private static void notFound(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		if (wantsJson(request)) {
			json(response, 404, "not-found", "No such application");
		}
		else {
			response.sendError(404);
		}
	}

	/** The API, and scripts of the pages (uploads), read JSON; a browser navigating asks for HTML. */
	private static boolean wantsJson(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		boolean html = accept != null && accept.contains("text/html");
		return path.startsWith("/api/") || !html && (accept != null && accept.contains("json")
				|| !"GET".equals(request.getMethod()));
	}

	private static void json(HttpServletResponse response, int status, String error, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream()
			.write(("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	private static void text(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A rule's requests; a GET rule takes HEAD too, as the handlers do (Spring MVC answers HEAD from the GET
	 * mapping): a balancer's or a link checker's HEAD was refused with 401 on every public page.
	 */
	private static RequestMatcher matcher(Rule rule) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		if (HttpMethod.GET.equals(rule.method())) {
			return new OrRequestMatcher(paths.matcher(HttpMethod.GET, rule.pattern()),
					paths.matcher(HttpMethod.HEAD, rule.pattern()));
		}
		return paths.matcher(rule.method(), rule.pattern());
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static CsrfTokenRequestAttributeHandler csrfHandler() {
		CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
		// Load the token eagerly: every citizen page renders it into its forms.
		handler.setCsrfRequestAttributeName(null);
		return handler;
	}

	/**
	 * A browser holding an admin's cached Basic credentials must not be made to write by another site: a write that
	 * a browser marks as cross-site ({@code Sec-Fetch-Site}), or whose {@code Origin} is not this host, is refused.
	 * Machine clients send neither header and are unaffected.
	 */
	static final class CrossSiteWrites extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
				json(response, 403, "cross-site", "A write from another site is refused; use this site's own pages");
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean crossSite(HttpServletRequest request) {
			String fetchSite = request.getHeader("Sec-Fetch-Site");
			if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
				return true;
			}
			String origin = request.getHeader(HttpHeaders.ORIGIN);
			if (origin == null) {
				return false;
			}
			try {
				String authority = URI.create(origin).getAuthority();
				return authority == null || !authority.equalsIgnoreCase(request.getHeader(HttpHeaders.HOST));
			}
			catch (IllegalArgumentException ex) {
				return true;
			}
		}

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

	/**
	 * Camunda's own authentication filter in front of the engine's REST API, with HTTP Basic sign-ins remembered
	 * briefly ({@link EngineRestSignIns}). Camunda makes its provider from a class name; this one is a bean, so it is
	 * handed over once the filter has read its other settings.
	 */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(EngineRestSignIns signIns) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter() {
					@Override
					public void init(FilterConfig config) throws ServletException {
						super.init(config);
						authenticationProvider = signIns;
					}
				});
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setName("camunda-rest-authentication");
		registration.setOrder(101);
		return registration;
	}

}
