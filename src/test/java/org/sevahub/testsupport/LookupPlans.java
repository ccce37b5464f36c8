package org.sevahub.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How PostgreSQL plans a statement once there are many applicants: 20,000 applicants and their applications are
 * planted in a transaction, the two tables analysed inside it, the statement explained, and everything rolled back.
 * A plan, not a timing: a look-up that scans every application shows it at any machine speed.
 */
public final class LookupPlans {

	private LookupPlans() {
	}

	public static String explain(DataSource dataSource, String sql, Map<String, ?> parameters) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement plant = connection.createStatement()) {
					plantApplications(plant);
				}
				NamedParameterJdbcTemplate planner = new NamedParameterJdbcTemplate(
						new SingleConnectionDataSource(connection, true));
				return String.join("\n", planner.queryForList("EXPLAIN " + sql, parameters, String.class));
			}
			finally {
				connection.rollback();
			}
		}
	}

	/**
	 * Plants 20,000 applicants, each with a submitted application numbered {@code PLANTED-<applicant id>}, and analyses
	 * both tables, in the statement's connection's open transaction: the caller rolls it back.
	 */
	public static void plantApplications(Statement plant) throws SQLException {
		plant.execute("""
				INSERT INTO applicant (name_en, date_of_birth, mobile, aadhaar_hash)
				SELECT 'Planted ' || g, date '1980-01-01' + g % 9000, (7000000000 + g)::text, md5('planted' || g)
				FROM generate_series(1, 20000) g""");
		plant.execute("""
				INSERT INTO application (application_no, service_code, applicant_id, channel, status, form_data,
				    locked_fields, created_at, updated_at)
				SELECT 'PLANTED-' || p.id, 'BIRTH-CERT', p.id, 'DIRECT', 'SUBMITTED', '{}', '[]', now(), now()
				FROM applicant p WHERE p.name_en LIKE 'Planted %'""");
		plant.execute("ANALYZE applicant");
		plant.execute("ANALYZE application");
	}

}
