package org.sevahub.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
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

	/** H2's upsert of an attribute's row; PostgreSQL's comes with Spring Session. */
	static final String H2_CREATE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

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

	/**
	 * An attribute's row is written as an upsert. Right after its login Tasklist sends several requests at once,
	 * and each stores Camunda's {@code authenticatedUser} in the same new session: with Spring Session's plain
	 * INSERT the second copy broke the primary key, that request answered 500 and the officer's login was lost.
	 * Now the later write wins, as it would in memory.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DataSource dataSource)
			throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return concurrentAttributeWrites(BundledSqlScripts.databaseType(connection));
		}
	}

	static SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(String databaseType) {
		if (databaseType.equals("postgres")) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		return repository -> repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
	}

}
