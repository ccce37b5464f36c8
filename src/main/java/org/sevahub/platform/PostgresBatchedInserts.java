package org.sevahub.platform;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a batch of INSERTs as one multi-row INSERT ({@code reWriteBatchedInserts}).
 * <p>
 * The engine flushes each transaction's new rows in JDBC batches, grouped by table: a process start's variables,
 * their history, the activity instances of a step. Without the setting the driver still sends every row as a
 * statement of its own, which PostgreSQL binds, executes and indexes one by one. Rewritten, such a batch answers
 * {@code SUCCESS_NO_INFO} for each row; the engine accepts that for inserts (it checks affected rows only for updates
 * and deletes, its optimistic locking), and SevaHub's own batches (audit records, roll-up changes) do not read the
 * counts. Set on every PostgreSQL pool, whichever profile named it; an operator's own value in
 * {@code spring.datasource.hikari.data-source-properties} or the URL stays.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

	static final String PROPERTY = "reWriteBatchedInserts";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getJdbcUrl().contains(PROPERTY)
				&& !pool.getDataSourceProperties().containsKey(PROPERTY)) {
			pool.addDataSourceProperty(PROPERTY, "true");
		}
		return bean;
	}

}
