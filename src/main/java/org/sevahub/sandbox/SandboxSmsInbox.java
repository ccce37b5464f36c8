package org.sevahub.sandbox;

import java.util.List;
import java.util.Map;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.SmsGateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's SMS gateway: messages land in a table (so every node of a cluster sees them) and can be read at
 * {@code /sandbox/sms?mobile=}, which is how tests and the demo get at one-time passwords.
 */
@RestController
@Primary
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxSmsInbox implements SmsGateway {

	private final JdbcClient jdbc;

	SandboxSmsInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void send(String mobile, String message) {
		jdbc.sql("INSERT INTO sandbox_sms (mobile, message, sent_at) VALUES (:mobile, :message, :at)")
			.param("mobile", mobile)
			.param("message", message)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	@GetMapping("/sandbox/sms")
	List<Map<String, Object>> inbox(@RequestParam String mobile) {
		return jdbc.sql("SELECT message, sent_at FROM sandbox_sms WHERE mobile = :mobile ORDER BY id DESC")
			.param("mobile", mobile)
			.query((rs, row) -> Map.<String, Object>of("message", rs.getString("message"), "sentAt",
					ApplicationRepository.instant(rs, "sent_at").toString()))
			.list();
	}

}
