package org.sevahub.sandbox.sms;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sandbox gateway's delivery reports, called back as Gupshup calls an account's real-time DLR URL: a GET
 * with {@code externalId, deliveredTS, status, cause, phoneNo, errCode, noOfFrags, mask}. The URL is the one the
 * department registered (by default this server's {@code /sms-gateway/dlr} with its token). Reports go out a
 * moment after the message (every {@code dlr-interval}) or at once on {@code POST
 * /sandbox/records/sms-gateway/dlr/flush}; a report the department did not take is tried again, five times.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxSmsDeliveryReports {

	private static final Logger log = LoggerFactory.getLogger(SandboxSmsDeliveryReports.class);

	private static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final ServerBaseUrl baseUrl;

	private final RestClient http;

	private final String dlrUrl;

	private final String token;

	private final boolean auto;

	SandboxSmsDeliveryReports(JdbcClient jdbc, ServerBaseUrl baseUrl, RestClient.Builder http,
			@Value("${sevahub.sandbox.sms-gateway.dlr-url:}") String dlrUrl,
			@Value("${sevahub.notify.sms.gateway.dlr-token:}") String token,
			@Value("${sevahub.sandbox.sms-gateway.auto-dlr:true}") boolean auto) {
		this.jdbc = jdbc;
		this.baseUrl = baseUrl;
		this.http = http.build();
		this.dlrUrl = dlrUrl;
		this.token = token;
		this.auto = auto;
	}

	@Scheduled(fixedDelayString = "${sevahub.sandbox.sms-gateway.dlr-interval:2s}")
	void callBack() {
		if (auto) {
			flush();
		}
	}

	@PostMapping("/sandbox/records/sms-gateway/dlr/flush")
	Map<String, Object> flushNow() {
		return Map.of("reported", flush());
	}

	/**
	 * Reports every message not yet reported, each once, oldest first; returns how many reports the department took.
	 * All of them, a hundred at a time: with only the oldest hundred, a backlog (reports the scheduled reporter had
	 * not sent yet, or that is switched off) kept the newest message unreported however often it was flushed.
	 */
	int flush() {
		int reported = 0;
		long after = 0;
		List<Map<String, Object>> due;
		while (!(due = due(after)).isEmpty()) {
			after = ((Number) due.get(due.size() - 1).get("id")).longValue();
			reported += reportEach(due);
		}
		return reported;
	}

	private List<Map<String, Object>> due(long after) {
		return jdbc.sql("""
				SELECT id, mobile, external_id, segments, sender FROM sandbox_sms
				WHERE external_id IS NOT NULL AND dlr_sent_at IS NULL AND dlr_attempts < :max AND id > :after
				ORDER BY id LIMIT 100""")
			.param("max", MAX_ATTEMPTS)
			.param("after", after)
			.query()
			.listOfRows();
	}

	private int reportEach(List<Map<String, Object>> due) {
		int reported = 0;
		for (Map<String, Object> sms : due) {
			long id = ((Number) sms.get("id")).longValue();
			// Claimed before the call, so two nodes never report one message twice.
			boolean claimed = jdbc.sql("""
					UPDATE sandbox_sms SET dlr_sent_at = :now, dlr_attempts = dlr_attempts + 1
					WHERE id = :id AND dlr_sent_at IS NULL""")
				.param("now", ApplicationRepository.timestamp(EngineClock.now()))
				.param("id", id)
				.update() == 1;
			if (!claimed) {
				continue;
			}
			if (report(sms)) {
				jdbc.sql("UPDATE sandbox_sms SET dlr_status = 'SUCCESS' WHERE id = :id").param("id", id).update();
				reported++;
			}
			else {
				jdbc.sql("UPDATE sandbox_sms SET dlr_sent_at = NULL WHERE id = :id").param("id", id).update();
			}
		}
		return reported;
	}

	private boolean report(Map<String, Object> sms) {
		try {
			boolean own = dlrUrl == null || dlrUrl.isBlank();
			UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(own ? baseUrl.localUrl() + "/sms-gateway/dlr" : dlrUrl)
				.queryParam("externalId", sms.get("external_id"))
				.queryParam("deliveredTS", EngineClock.now().toEpochMilli())
				.queryParam("status", "SUCCESS")
				.queryParam("cause", "SUCCESS")
				.queryParam("phoneNo", "91" + sms.get("mobile"))
				.queryParam("errCode", "000")
				.queryParam("noOfFrags", sms.get("segments"))
				.queryParam("mask", sms.get("sender"));
			if (own) {
				uri.queryParam("token", token);
			}
			return http.get().uri(uri.encode().build().toUri()).retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful();
		}
		catch (RuntimeException failed) {
			log.debug("Sandbox delivery report for {} not taken: {}", sms.get("external_id"), failed.getMessage());
			return false;
		}
	}

}
