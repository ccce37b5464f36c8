package org.sevahub.sandbox.sms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sevahub.application.ApplicationRepository;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sandbox SMS gateway delivered to a number, newest first: one-time passwords and citizens'
 * notifications alike, with the DLT ids each went under and its delivery report. The rows are in a table, so
 * every node of a cluster sees them; tests and the demo read OTPs here.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxSmsInbox {

	private final JdbcClient jdbc;

	SandboxSmsInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/sandbox/sms")
	List<Map<String, Object>> inbox(@RequestParam String mobile) {
		return jdbc.sql("""
				SELECT message, sent_at, sender, template_id, entity_id, msg_type, segments, external_id, dlr_status
				FROM sandbox_sms WHERE mobile = :mobile ORDER BY id DESC""")
			.param("mobile", SandboxSmsGateway.tenDigits(mobile))
			.query((rs, row) -> {
				Map<String, Object> sms = new LinkedHashMap<>();
				sms.put("message", rs.getString("message"));
				sms.put("sentAt", ApplicationRepository.instant(rs, "sent_at").toString());
				sms.put("sender", rs.getString("sender"));
				sms.put("templateId", rs.getString("template_id"));
				sms.put("entityId", rs.getString("entity_id"));
				sms.put("msgType", rs.getString("msg_type"));
				sms.put("segments", rs.getObject("segments"));
				sms.put("messageId", rs.getString("external_id"));
				sms.put("deliveryReport", rs.getString("dlr_status"));
				return sms;
			})
			.list();
	}

}
