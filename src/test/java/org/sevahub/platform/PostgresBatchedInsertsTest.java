package org.sevahub.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's PostgreSQL pool sends a batch of inserts as one statement: the driver then answers "no count"
 * for each row, where it answers one row per statement when it sends them apart.
 */
@SevaHubTest
class PostgresBatchedInsertsTest {

	@Autowired
	DataSource dataSource;

	@Test
	void aBatchOfInsertsGoesAsOneStatement() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("CREATE TEMPORARY TABLE batched_insert_probe (n integer)");
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched_insert_probe (n) VALUES (?)")) {
				for (int n = 0; n < 4; n++) {
					insert.setInt(1, n);
					insert.addBatch();
				}
				assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO).hasSize(4);
			}
			try (Statement count = connection.createStatement();
					var rows = count.executeQuery("SELECT count(*), sum(n) FROM batched_insert_probe")) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(4);
				assertThat(rows.getInt(2)).isEqualTo(6);
			}
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("DROP TABLE batched_insert_probe");
			}
		}
	}

}
