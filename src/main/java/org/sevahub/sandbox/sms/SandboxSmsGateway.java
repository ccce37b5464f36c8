package org.sevahub.sandbox.sms;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.notification.DltTemplates;
import org.sevahub.notification.SmsSegments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox SMS gateway, answering as Gupshup's Enterprise SMS API does ({@code POST …/GatewayAPI/rest},
 * method {@code SendMessage}, form fields, a plain-text {@code success | 91… | <id>} or {@code error | code |
 * why}), with the operators' DLT scrubbing in front: the entity and template must be registered and the text must
 * fit the template, or the message is refused. What it takes lands in the inbox ({@code /sandbox/sms}), and its
 * delivery report is called back ({@link SandboxSmsDeliveryReports}). Its fault switch is
 * {@code PUT /sandbox/faults/sms-gateway}.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxSmsGateway {

	private final JdbcClient jdbc;

	private final DltTemplates dlt;

	private final String userid;

	private final String password;

	SandboxSmsGateway(JdbcClient jdbc, DltTemplates dlt, @Value("${sevahub.sandbox.sms-gateway.userid}") String userid,
			@Value("${sevahub.sandbox.sms-gateway.password}") String password) {
		this.jdbc = jdbc;
		this.dlt = dlt;
		this.userid = userid;
		this.password = password;
	}

	@PostMapping(path = "/sandbox/sms-gateway/GatewayAPI/rest", produces = MediaType.TEXT_PLAIN_VALUE)
	String send(@RequestParam MultiValueMap<String, String> form) {
		if (!"sendmessage".equalsIgnoreCase(form.getFirst("method"))) {
			return "error | 101 | Invalid method";
		}
		if (!userid.equals(form.getFirst("userid")) || !password.equals(form.getFirst("password"))
				|| !"plain".equalsIgnoreCase(form.getFirst("auth_scheme"))) {
			return "error | 102 | Authentication failed";
		}
		String to = Optional.ofNullable(form.getFirst("send_to")).orElse("");
		if (!to.matches("91[6-9]\\d{9}")) {
			return "error | 105 | Invalid phone number";
		}
		String text = form.getFirst("msg");
		if (text == null || text.isBlank()) {
			return "error | 106 | The message is empty";
		}
		String type = Optional.ofNullable(form.getFirst("msg_type")).orElse("TEXT");
		boolean unicode = type.equalsIgnoreCase("UNICODE_TEXT");
		if (!unicode && !type.equalsIgnoreCase("TEXT")) {
			return "error | 107 | Invalid msg_type";
		}
		if (!unicode && !SmsSegments.isGsm7(text)) {
			return "error | 108 | Text holds characters a TEXT message cannot carry; send it as UNICODE_TEXT";
		}
		String entity = form.getFirst("principalEntityId");
		String template = form.getFirst("dltTemplateId");
		if (entity == null || entity.isBlank() || template == null || template.isBlank()) {
			return "error | 175 | principalEntityId and dltTemplateId are required";
		}
		Optional<String> scrubbed = dlt.scrub(entity, template, text);
		if (scrubbed.isPresent()) {
			return "error | 176 | DLT scrubbing failed: " + scrubbed.get();
		}
		String messageId = Math.abs(ThreadLocalRandom.current().nextLong()) + "-" + System.nanoTime() % 1_000_000;
		jdbc.sql("""
				INSERT INTO sandbox_sms (mobile, message, sent_at, sender, template_id, entity_id, msg_type, segments,
				    external_id)
				VALUES (:mobile, :message, :at, :sender, :template, :entity, :type, :segments, :id)""")
			.param("mobile", tenDigits(to))
			.param("message", text)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.param("sender", form.getFirst("mask"))
			.param("template", template)
			.param("entity", entity)
			.param("type", unicode ? "UNICODE_TEXT" : "TEXT")
			.param("segments", SmsSegments.of(text).segments())
			.param("id", messageId)
			.update();
		return "success | " + to + " | " + messageId;
	}

	/** The inbox files messages under the ten-digit number, however the caller spelled it. */
	static String tenDigits(String mobile) {
		String digits = mobile.replaceAll("\\D", "");
		return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
	}

}
