package org.sevahub.notification;

import java.util.Locale;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** E-mail addresses whose owners asked for no more e-mail. An address, not an application: it covers them all. */
@Repository
class EmailOptOuts {

	private final JdbcClient jdbc;

	EmailOptOuts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean optedOut(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM email_opt_out WHERE email = :email")
			.param("email", normal(email))
			.query(Long.class)
			.single() > 0;
	}

	void optOut(String email) {
		if (optedOut(email)) {
			return;
		}
		try {
			jdbc.sql("INSERT INTO email_opt_out (email, opted_out_at) VALUES (:email, :at)")
				.param("email", normal(email))
				.param("at", ApplicationRepository.timestamp(EngineClock.now()))
				.update();
		}
		catch (DuplicateKeyException alreadyThere) {
			// Two clicks at once: the other one recorded it.
		}
	}

	void optIn(String email) {
		jdbc.sql("DELETE FROM email_opt_out WHERE email = :email").param("email", normal(email)).update();
	}

	private static String normal(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
