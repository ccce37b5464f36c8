package org.sevahub.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters per key (an application prefix and year, a certificate series), kept in a table so every node of a
 * cluster draws from the same one. Two ways to draw: {@link #next} is gap-free (a register's numbers, such as
 * certificates: a rolled-back transaction gives its number back) and so serialises everyone drawing from one key
 * until their transactions end; {@link #nextFromBlock} takes numbers from a block this node reserved in a short
 * transaction of its own, so drawing never waits for another caller's transaction (application numbers, whose only
 * duty is to be unique: a block left unused at a restart, or a number whose application was rolled back, is a gap).
 */
@Repository
public class NumberSequences {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final int blockSize;

	private final Map<String, Block> blocks = new ConcurrentHashMap<>();

	NumberSequences(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${sevahub.numbers.block-size:20}") int blockSize) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		if (blockSize < 1) {
			throw new IllegalArgumentException("sevahub.numbers.block-size must be at least 1");
		}
		this.blockSize = blockSize;
	}

	/**
	 * A value of {@code key} no other caller on any node gets, from this node's current block (a new block of
	 * {@code sevahub.numbers.block-size} is reserved, committed at once, when it runs out). Unique, increasing per
	 * node, not gap-free.
	 */
	public long nextFromBlock(String key) {
		Block block = blocks.computeIfAbsent(key, k -> new Block());
		synchronized (block) {
			if (block.next > block.last) {
				long last = separately.execute(status -> advance(key, blockSize));
				block.next = last - blockSize + 1;
				block.last = last;
			}
			return block.next++;
		}
	}

	/** The next value of {@code key}, starting at 1; holds the counter's row lock until the transaction ends. */
	public long next(String key) {
		return advance(key, 1);
	}

	/** Moves the counter on by {@code by} in the caller's transaction and returns its new value. */
	private long advance(String key, int by) {
		if (increment(key, by) == 0) {
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
			if (increment(key, by) == 0) {
				throw new IllegalStateException("Could not draw a number for " + key);
			}
		}
		return jdbc.sql("SELECT last_value FROM number_counter WHERE counter_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private int increment(String key, int by) {
		return jdbc.sql("UPDATE number_counter SET last_value = last_value + :by WHERE counter_key = :key")
			.param("key", key)
			.param("by", by)
			.update();
	}

	/** The numbers this node may hand out for one key: {@code next} to {@code last}. */
	private static final class Block {

		long next = 1;

		long last = 0;

	}

}
