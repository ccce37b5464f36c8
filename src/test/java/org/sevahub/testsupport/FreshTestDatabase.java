package org.sevahub.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Empties the test database once, before any test of this JVM runs, so every run starts from the same state
 * (Flyway and the engine then build their schemas). Registered through META-INF/services. It only ever
 * touches the database the tests are configured for, and only a PostgreSQL one.
 */
public class FreshTestDatabase implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		String url = TestDatabase.url();
		if (!url.startsWith("jdbc:postgresql:")) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reset the test database " + url
					+ " (is PostgreSQL running on 127.0.0.1:5432?)", ex);
		}
	}

}
