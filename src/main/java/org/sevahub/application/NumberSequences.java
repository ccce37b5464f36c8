package org.sevahub.application;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free counters per key (an application prefix and year, a certificate series), kept in a table so
 * every node of a cluster draws from the same one and a rolled-back transaction gives its number back.
 */
@Repository
public class NumberSequences {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	NumberSequences(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The next value of {@code key}, starting at 1; holds the counter's row lock until the transaction ends. */
	public long next(String key) {
		if (increment(key) == 0) {
			// First number under this key: create the counter in its own transaction, because a duplicate-key
			// error from a racing node would otherwise abort the caller's transaction on PostgreSQL.
			try {
				separately.executeWithoutResult(status -> jdbc
					.sql("INSERT INTO number_counter (counter_key, last_value) VALUES (:key, 0)")
					.param("key", key)
					.update());
			}
			catch (DuplicateKeyException raced) {
				// Another node created it first; either way it exists now.
			}
			if (increment(key) == 0) {
				throw new IllegalStateException("Could not draw a number for " + key);
			}
		}
		return jdbc.sql("SELECT last_value FROM number_counter WHERE counter_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private int increment(String key) {
		return jdbc.sql("UPDATE number_counter SET last_value = last_value + 1 WHERE counter_key = :key")
			.param("key", key)
			.update();
	}

}
