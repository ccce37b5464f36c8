package org.sevahub.delivery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.LookupPlans;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's claim reads only pending rows, whatever PostgreSQL believes of the table. The worst case is planted:
 * statistics taken while every delivery was pending (a portal's outage, or a table not analysed since it was young),
 * then 20,000 delivered rows (ten for each of 2,000 of the applications {@link LookupPlans} plants) and three due
 * ones, and the generic plan that a pooled connection keeps for its prepared statement. All in one transaction,
 * rolled back. A plan, not a timing.
 */
@SevaHubTest
class DeliveryClaimPlanTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theClaimNeverWalksTheDeliveredRows() throws Exception {
		List<String> plan = new ArrayList<>();
		boolean prepared = false;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				LookupPlans.plantApplications(sql);
				sql.execute(deliveries("1", "'PENDING'", 20, ""));
				sql.execute("ANALYZE delivery");
				sql.execute("UPDATE delivery SET state = 'DELIVERED' WHERE payload = 'planted'");
				sql.execute(deliveries("g", "'DELIVERED'", 2000, ", generate_series(2, 11) g"));
				sql.execute(deliveries("12", "'PENDING'", 3, ""));
				sql.execute("SET LOCAL plan_cache_mode = force_generic_plan");
				sql.execute("PREPARE planted_claim(timestamptz, int) AS "
						+ DeliveryRepository.CLAIM.replace(":now", "$1").replace(":limit", "$2"));
				prepared = true;
				try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE planted_claim(now(), 50)")) {
					while (rows.next()) {
						plan.add(rows.getString(1));
					}
				}
			}
			finally {
				connection.rollback();
				// A prepared statement outlives the transaction; the pooled connection should not keep it.
				if (prepared) {
					try (Statement sql = connection.createStatement()) {
						sql.execute("DEALLOCATE planted_claim");
					}
				}
			}
		}
		String explained = String.join("\n", plan);
		assertThat(explained).as(explained)
			.contains("delivery_due_idx")
			.doesNotContain("delivery_pkey")
			.doesNotContain("Seq Scan on delivery");
	}

	/** Planted deliveries to the webhook portal, numbered {@code seq}, for the first {@code applications} planted. */
	private static String deliveries(String seq, String state, int applications, String join) {
		return """
				INSERT INTO delivery (application_id, portal, seq, kind, status, payload, state, attempts,
				    next_attempt_at, created_at)
				SELECT a.id, 'webhook', %s, 'status', 'SUBMITTED', 'planted', %s, 0, now() - interval '1 minute', now()
				FROM (SELECT id FROM application WHERE application_no LIKE 'PLANTED-%%' ORDER BY id LIMIT %d) a%s"""
			.formatted(seq, state, applications, join);
	}

}
