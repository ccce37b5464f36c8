package org.sevahub.platform;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session that add the same attribute at once (Tasklist's first requests after its login, each
 * storing Camunda's signed-in user) both succeed, the later write winning: on PostgreSQL, as every node runs, and
 * on the embedded default's H2.
 */
@SevaHubTest
class SharedSessionsTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	void twoRequestsAddingTheSameAttributeBothSucceedOnPostgresql() {
		assertTheLaterOfTwoConcurrentAddsWins(sessions);
	}

	@Test
	void twoRequestsAddingTheSameAttributeBothSucceedOnH2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:shared-sessions;DB_CLOSE_DELAY=-1");
		new ResourceDatabasePopulator(new ClassPathResource("org/springframework/session/jdbc/schema-h2.sql")).execute(h2);
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(h2),
				new TransactionTemplate(new DataSourceTransactionManager(h2)));
		SharedSessions.concurrentAttributeWrites("h2").customize(repository);

		assertTheLaterOfTwoConcurrentAddsWins(repository);
	}

	private static <S extends Session> void assertTheLaterOfTwoConcurrentAddsWins(SessionRepository<S> repository) {
		S signedIn = repository.createSession();
		repository.save(signedIn);
		// Each request loads the session before either has written: both see the attribute as new.
		S first = repository.findById(signedIn.getId());
		S second = repository.findById(signedIn.getId());
		first.setAttribute("authenticatedUser", "assistant, first request");
		second.setAttribute("authenticatedUser", "assistant, second request");

		repository.save(first);
		repository.save(second);

		assertThat(repository.findById(signedIn.getId()).<String>getAttribute("authenticatedUser"))
			.isEqualTo("assistant, second request");
	}

}
