package org.sevahub.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.web.AccessRules.Access;
import org.sevahub.web.AccessRules.Rule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route Spring MVC maps has an owner in {@link AccessRules}: the controllers' mappings (every package's,
 * the actuator's) and the static resources. A new controller under no known prefix fails this test until its
 * rule is declared.
 */
@SevaHubTest
class RouteOwnersTest {

	@Autowired
	ApplicationContext context;

	@Test
	void everyMappedRouteHasADeclaredAccessRule() throws IOException {
		List<Route> routes = routes();
		assertThat(routes).as("the routes Spring maps").hasSizeGreaterThan(100);
		assertThat(routes).extracting(Route::path)
			.contains("/api/v1/applications/{applicationNo}/withdraw", "/sms-gateway/dlr", "/admin/migration",
					"/officer/documents/{id}", "/actuator/prometheus", "/api/v1/citizen/session");
		List<String> ownerless = new ArrayList<>();
		for (Route route : routes) {
			for (HttpMethod method : route.methods()) {
				if (owner(method, sample(route.path())).isEmpty()) {
					ownerless.add(method + " " + route.path());
				}
			}
		}
		assertThat(ownerless).as("routes without an access rule in AccessRules").isEmpty();
	}

	@Test
	void theTableGivesEachKnownRouteItsIntendedOwner() {
		assertThat(owner(HttpMethod.POST, "/api/v1/applications/BC2026000001/withdraw")).contains(Access.CITIZEN);
		assertThat(owner(HttpMethod.PUT, "/api/v1/applications/BC2026000001/draft")).contains(Access.CITIZEN);
		assertThat(owner(HttpMethod.GET, "/applications/BC2026000001")).contains(Access.CITIZEN);
		assertThat(owner(HttpMethod.GET, "/applications/BC2026000001/notifications")).contains(Access.CITIZEN);
		assertThat(owner(HttpMethod.GET, "/actuator/health/readiness")).contains(Access.PUBLIC);
		assertThat(owner(HttpMethod.GET, "/actuator/prometheus")).contains(Access.ADMIN);
		assertThat(owner(HttpMethod.GET, "/actuator/metrics")).contains(Access.ADMIN);
		assertThat(owner(HttpMethod.GET, "/sms-gateway/dlr")).contains(Access.PORTAL);
		assertThat(owner(HttpMethod.GET, "/notifications/email/opt-out")).contains(Access.PUBLIC);
		assertThat(owner(HttpMethod.GET, "/documents/7")).contains(Access.PUBLIC);
		assertThat(owner(HttpMethod.GET, "/officer/documents/7")).contains(Access.OFFICER);
		assertThat(owner(HttpMethod.POST, "/admin/migration/runs")).contains(Access.ADMIN);
		assertThat(owner(HttpMethod.GET, "/sandbox/sms")).contains(Access.SANDBOX);
		// A route nobody declared is nobody's, and the chain refuses it.
		assertThat(owner(HttpMethod.GET, "/internal/anything")).isEmpty();
	}

	private List<Route> routes() throws IOException {
		return routes(context);
	}

	/** Every controller and actuator mapping, and the static resources the catch-all resource handler serves. */
	static List<Route> routes(ApplicationContext context) throws IOException {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().keySet().forEach(info -> {
				Set<HttpMethod> methods = new LinkedHashSet<>();
				info.getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
				if (methods.isEmpty()) {
					for (RequestMethod m : RequestMethod.values()) {
						methods.add(HttpMethod.valueOf(m.name()));
					}
				}
				info.getPatternValues().forEach(pattern -> routes.add(new Route(pattern, methods)));
			});
		}
		for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
			for (String pattern : mapping.getHandlerMap().keySet()) {
				if (pattern.equals("/**")) {
					// The catch-all serves classpath:static/: each file there is a route of its own.
					for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.*")) {
						String url = file.getURL().toString();
						routes.add(new Route(url.substring(url.lastIndexOf("/static/") + 7), Set.of(HttpMethod.GET)));
					}
				}
				else {
					routes.add(new Route(pattern, Set.of(HttpMethod.GET)));
				}
			}
		}
		return routes;
	}

	/** The access of the first rule that matches, as the security chain decides. */
	static Optional<Access> owner(HttpMethod method, String path) {
		for (Rule rule : AccessRules.RULES) {
			if ((rule.method() == null || rule.method().equals(method))
					&& PathPatternParser.defaultInstance.parse(rule.pattern()).matches(PathContainer.parsePath(path))) {
				return Optional.of(rule.access());
			}
		}
		return Optional.empty();
	}

	/** A path the pattern matches: each variable and wildcard filled in. */
	static String sample(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "x/y")
			.replaceAll("\\{[^}]+}", "X1")
			.replace("**", "x/y")
			.replace("*", "x");
	}

	record Route(String path, Set<HttpMethod> methods) {
	}

}
