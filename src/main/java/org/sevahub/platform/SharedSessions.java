package org.sevahub.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * HTTP sessions live in the database (Spring Session JDBC, tables from Flyway), so whichever node the balancer
 * picks knows who is signed in. Only what keeps server-side sessions uses them: the Camunda webapps' logins
 * (Tasklist, Cockpit, Admin) and their CSRF tokens; SevaHub's own citizen and API calls stay stateless. The
 * cookie is HttpOnly, SameSite=Lax, and Secure when {@code sevahub.session.secure-cookie} (behind TLS).
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

	static final String COOKIE = "SEVAHUB_SESSION";

	@Bean
	CookieSerializer sessionCookie(@Value("${sevahub.session.secure-cookie:false}") boolean secure) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(COOKIE);
		cookie.setCookiePath("/");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseSecureCookie(secure);
		return cookie;
	}

}
