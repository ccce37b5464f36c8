package org.sevahub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Runs SQL that a library ships in its own jar (Camunda's engine schema, Spring Session's tables), so the
 * repository carries no copy of it and an upgrade of the library brings its own scripts along.
 */
final class BundledSqlScripts {

	private BundledSqlScripts() {
	}

	/** The vendor name the libraries use in their scripts' names: {@code postgres} or {@code h2}. */
	static String databaseType(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return "postgres";
		}
		if (product.contains("h2")) {
			return "h2";
		}
		throw new IllegalStateException("SevaHub runs on PostgreSQL (or H2 for the embedded default), not " + product);
	}

	static boolean exists(String path) {
		return new ClassPathResource(path).exists();
	}

	static void run(Connection connection, String path) {
		ClassPathResource script = new ClassPathResource(path);
		if (!script.exists()) {
			throw new IllegalStateException("No script " + path + " on the classpath");
		}
		ScriptUtils.executeSqlScript(connection, new EncodedResource(script, "UTF-8"));
	}

	static boolean tableExists(Connection connection, String table) throws SQLException {
		for (String name : new String[] { table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT) }) {
			try (var tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
