package org.sevahub.delivery.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.sevahub.testsupport.TestDatabase;

/** A database of its own for a test that runs SevaHub as separate processes; dropped when closed. */
public final class ScratchDatabase implements AutoCloseable {

	public final String name = prefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final String server;

	public ScratchDatabase() throws SQLException {
		this.server = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1);
		execute("CREATE DATABASE " + name);
	}

	/** {@code SEVAHUB_SCRATCH_DB_PREFIX} tells whose scratch databases these are where several runs share a server. */
	private static String prefix() {
		String prefix = System.getenv("SEVAHUB_SCRATCH_DB_PREFIX");
		return prefix == null || !prefix.matches("[a-z_]{1,20}") ? "sevahub_it_" : prefix;
	}

	public String url() {
		return server + name;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), TestDatabase.user(), TestDatabase.password());
	}

	public long count(String sql) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Override
	public void close() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private void execute(String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(server + "postgres", TestDatabase.user(), TestDatabase.password());
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

}
