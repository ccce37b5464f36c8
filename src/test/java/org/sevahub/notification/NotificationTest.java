package org.sevahub.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.SmsGateway;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.NotifyingSevaHubTest;
import org.sevahub.testsupport.ProcessDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sevahub.testsupport.ProcessDriver.days;

/**
 * Citizens told at every step: real applications driven through their processes, each notice sent through the
 * outbox to the sandbox SMS gateway (over HTTP, the gateway's own protocol) under the DLT template registered
 * for its event and the citizen's language, and to a real SMTP server; delivery reports called back; an outage
 * that delays and loses nothing; unregistered messages kept from the gateway and shown to the admin.
 */
@NotifyingSevaHubTest
class NotificationTest {

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	static final DateTimeFormatter SMS_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	static final String ENTITY = "1101700000000012345";

	@Autowired
	ProcessDriver driver;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	TestRestTemplate http;

	@Autowired
	org.springframework.core.env.Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	SmsGateway otpGateway;

	@Autowired
	CitizenAccess access;

	@BeforeEach
	void onAMondayMorning() {
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, IST).toInstant()));
		fault(null);
	}

	@AfterEach
	void reset() {
		fault(null);
		ClockUtil.reset();
	}

	@Test
	void everyStepOfAnIssuedCertificateReachesAHindiReaderUnderItsOwnTemplate() {
		String mobile = newMobile();
		Application app = start("INCOME-CERT", mobile, null, "hi");
		driver.applications().submit(app.applicationNo(), Map.of());
		driver.applications().confirmFeePaid(app.applicationNo(), "PAY-N1", new BigDecimal("33.60"));
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "clarify", "वेतन पर्ची संलग्न करें");
		driver.applications().submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		driver.runAsyncSteps(app);
		deliverAll();

		List<Map<String, Object>> sms = oldestFirst(mobile);
		assertThat(sms).extracting(m -> m.get("templateId"))
			.containsExactly("1107170000000002002", "1107170000000001002", "1107170000000003002",
					"1107170000000004002", "1107170000000007002");
		assertThat(sms).allSatisfy(m -> {
			assertThat(m.get("entityId")).isEqualTo(ENTITY);
			assertThat(m.get("sender")).isEqualTo("SEVAHB");
			assertThat(m.get("msgType")).isEqualTo("UNICODE_TEXT");
			assertThat((String) m.get("message")).startsWith("SevaHub: ")
				.contains("आवेदन " + app.applicationNo())
				.endsWith(link(app));
		});
		String thirtyDays = SMS_DATE.format(LocalDate.of(2027, 1, 6));
		assertThat(text(sms, 0)).contains("शुल्क रु 33.60").contains(thirtyDays);
		assertThat(text(sms, 1)).contains("प्राप्त हुआ").contains(SMS_DATE.format(driver.reload(app).slaDueAt().atZone(IST)));
		assertThat(text(sms, 2)).contains("और जानकारी चाहिए").contains(thirtyDays);
		assertThat(text(sms, 3)).contains("स्वीकृत");
		String certificate = jdbc.sql("SELECT certificate_no FROM certificate WHERE application_id = :id")
			.param("id", app.id())
			.query(String.class)
			.single();
		assertThat(text(sms, 4)).contains("प्रमाणपत्र " + certificate + " जारी");

		// Counted as UCS-2, as the gateway counts it, and recorded so.
		assertThat(notifications(app, "sms")).allSatisfy(n -> {
			assertThat(n.get("encoding")).isEqualTo("UCS2");
			assertThat(((Number) n.get("segments")).intValue())
				.isEqualTo(SmsSegments.of((String) n.get("body")).segments())
				.isGreaterThan(1);
			// The sandbox's delivery report may already have come back.
			assertThat(n.get("state")).isIn("SENT", "DELIVERED");
		});
		// Queued in the status's transaction, one channel queue per application, in order.
		assertThat(jdbc.sql("SELECT status FROM delivery WHERE application_id = :id AND portal = 'sms' ORDER BY seq")
			.param("id", app.id())
			.query(String.class)
			.list()).containsExactly("FEE_PENDING", "SUBMITTED", "CLARIFICATION_SOUGHT", "APPROVED", "CERTIFICATE_ISSUED");
	}

	@Test
	void aRejectionAndBothAppealsReachABengaliReaderWithTheirDeadlines() {
		String mobile = newMobile();
		Application app = start("BIRTH-CERT", mobile, null, "bn");
		driver.applications().submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "হাসপাতালের নথি মেলেনি");
		driver.applications().fileAppeal(app.applicationNo(), "The record was attached");
		driver.advanceClock(app, days(2));
		driver.decide(app, "Task_HearFirstAppeal", "reject", "No merit");
		driver.advanceClock(app, days(1));
		driver.applications().fileAppeal(app.applicationNo(), "Grounds again");
		driver.decide(app, "Task_HearSecondAppeal", "reject", "No merit either");
		deliverAll();

		List<Map<String, Object>> sms = oldestFirst(mobile);
		assertThat(sms).extracting(m -> m.get("templateId"))
			.containsExactly("1107170000000001003", "1107170000000005003", "1107170000000008003",
					"1107170000000010003", "1107170000000008003", "1107170000000011003");
		// Submitted Monday 7 December: three working days.
		assertThat(text(sms, 0)).contains("গৃহীত").contains("10-12-2026");
		// Rejected on the 7th: a first appeal within 30 days.
		assertThat(text(sms, 1)).contains("নামঞ্জুর").contains("06-01-2027");
		// Filed on the 7th: the first appellate officer has 30 days.
		assertThat(text(sms, 2)).contains("আপিল দায়ের").contains("06-01-2027");
		// Dismissed on the 9th: a second appeal within 30 days of the order.
		assertThat(text(sms, 3)).contains("দ্বিতীয় আপিল করতে পারেন").contains("08-01-2027");
		// Filed on the 10th: the second appellate officer has 45 days.
		assertThat(text(sms, 4)).contains("আপিল দায়ের").contains("24-01-2027");
		assertThat(text(sms, 5)).contains("চূড়ান্ত");
	}

	@Test
	void aCitizenFromAaplesarkarReadsMarathiAndHearsOfTheAllowedAppeal() {
		String mobile = newMobile();
		Application app = start("BIRTH-CERT", mobile, null, null);
		jdbc.sql("UPDATE application SET channel = 'aaplesarkar' WHERE id = :id").param("id", app.id()).update();
		driver.applications().submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "Not found");
		driver.applications().fileAppeal(app.applicationNo(), "Found now");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Issue it");
		driver.runAsyncSteps(app);
		deliverAll();

		List<Map<String, Object>> sms = oldestFirst(mobile);
		assertThat(sms).extracting(m -> m.get("templateId"))
			.containsExactly("1107170000000001004", "1107170000000005004", "1107170000000008004",
					"1107170000000009004", "1107170000000007004");
		assertThat(text(sms, 3)).contains("अपील मान्य झाले");
		assertThat(text(sms, 4)).contains("प्रमाणपत्र").contains("जारी झाले");
	}

	@Test
	void aMissedDisposalPeriodAndAnUnansweredClarificationAreToldInEnglishByDefault() {
		String late = newMobile();
		Application overdue = start("BIRTH-CERT", late, null, null);
		driver.applications().submit(overdue.applicationNo(), Map.of());
		driver.decide(overdue, "Task_VerifyApplication", "forward", null);
		assertThat(driver.advanceClock(overdue, days(4))).isEqualTo(1);

		String silent = newMobile();
		Application unanswered = start("BIRTH-CERT", silent, null, null);
		driver.applications().submit(unanswered.applicationNo(), Map.of());
		driver.decide(unanswered, "Task_VerifyApplication", "clarify", "Attach the discharge slip");
		assertThat(driver.advanceClock(unanswered, days(31))).isEqualTo(1);
		deliverAll();

		List<Map<String, Object>> breach = oldestFirst(late);
		assertThat(breach).extracting(m -> m.get("templateId"))
			.containsExactly("1107170000000001001", "1107170000000012001");
		// The breach fired on Friday 11 December: 30 days to appeal against the delay.
		assertThat(text(breach, 1)).isEqualTo("SevaHub: Application " + overdue.applicationNo()
				+ " was not decided in time. You may appeal by 10-01-2027 at " + link(overdue));
		assertThat(breach).allSatisfy(m -> assertThat(m.get("msgType")).isEqualTo("TEXT"));

		List<Map<String, Object>> closed = oldestFirst(silent);
		assertThat(closed).extracting(m -> m.get("templateId"))
			.containsExactly("1107170000000001001", "1107170000000003001", "1107170000000005001");
		// Sought on Friday 11 December (the engine's clock moved four days for the first application): 30 days.
		assertThat(text(closed, 1)).isEqualTo("SevaHub: The officer needs more information on application "
				+ unanswered.applicationNo() + ". Reply by 10-01-2027 at " + link(unanswered));
		// Unanswered, it is rejected on Monday 11 January (when the clock got there), and the rejection may be
		// appealed within 30 days.
		assertThat(text(closed, 2)).isEqualTo("SevaHub: Application " + unanswered.applicationNo()
				+ " is rejected. You may appeal by 10-02-2027 at " + link(unanswered));
	}

	@Test
	void aGatewayOutageDelaysTheSmsAndLosesNothing() {
		String mobile = newMobile();
		Application app = start("BIRTH-CERT", mobile, null, "en");
		fault(Map.of("mode", "DOWN", "forSeconds", 3600));
		driver.applications().submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		for (int minutes = 0; minutes < 55; minutes += 5) {
			deliverAll();
			ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5))));
		}
		assertThat(inbox(mobile)).isEmpty();
		Map<String, Object> first = jdbc.sql("""
				SELECT state, attempts, last_error FROM delivery
				WHERE application_id = :id AND portal = 'sms' ORDER BY seq LIMIT 1""")
			.param("id", app.id())
			.query()
			.singleRow();
		assertThat(first.get("state")).isEqualTo("PENDING");
		assertThat(((Number) first.get("attempts")).intValue()).isGreaterThan(3);
		assertThat((String) first.get("last_error")).contains("503");

		// The gateway is back: both SMS arrive, once each, in the order of their steps.
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(20))));
		deliverAll();
		List<Map<String, Object>> sms = oldestFirst(mobile);
		assertThat(sms).extracting(m -> m.get("templateId")).containsExactly("1107170000000001001", "1107170000000004001");
		assertThat(notifications(app, "sms")).extracting(n -> n.get("state")).hasSize(2).isSubsetOf("SENT", "DELIVERED");
	}

	@Test
	void deliveryReportsCallBackAndMarkTheNotification() {
		// Older messages whose reports have not gone yet (the scheduled reporter is off in tests, and other tests'
		// messages pile up): a flush must reach this test's message behind them.
		for (int i = 0; i < 150; i++) {
			jdbc.sql("""
					INSERT INTO sandbox_sms (mobile, message, sent_at, sender, segments, external_id)
					VALUES ('9000000000', 'backlog', CURRENT_TIMESTAMP, 'SEVAHB', 1, :externalId)""")
				.param("externalId", "backlog-" + UUID.randomUUID())
				.update();
		}
		String mobile = newMobile();
		Application app = start("BIRTH-CERT", mobile, null, "mr");
		driver.applications().submit(app.applicationNo(), Map.of());
		deliverAll();
		String messageId = (String) oldestFirst(mobile).get(0).get("messageId");
		http.postForEntity("/sandbox/records/sms-gateway/dlr/flush", null, Map.class);

		// The flush sends the report (the scheduled reporter is off in tests); the sandbox records it once the
		// department answered, a moment after the notification is marked.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications(app, "sms")).singleElement()
				.satisfies(n -> assertThat(n.get("state")).isEqualTo("DELIVERED"))
				.satisfies(n -> assertThat(n.get("gateway_ref")).isEqualTo(messageId)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(oldestFirst(mobile).get(0).get("deliveryReport")).isEqualTo("SUCCESS"));

		// A report without the registered URL's token changes nothing.
		ResponseEntity<String> forged = http.getForEntity("/sms-gateway/dlr?token=guess&externalId=" + messageId
				+ "&status=FAIL&cause=ABSENT_SUBSCRIBER", String.class);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(notifications(app, "sms").get(0).get("state")).isEqualTo("DELIVERED");

		// The gateway's word that a message failed is kept for the admin.
		driver.decide(app, "Task_VerifyApplication", "clarify", "पत्ता अपूर्ण आहे");
		deliverAll();
		String second = (String) oldestFirst(mobile).get(1).get("messageId");
		ResponseEntity<String> failed = http.getForEntity("/sms-gateway/dlr?token=sandbox-dlr-token-not-for-production"
				+ "&externalId=" + second + "&deliveredTS=1796000000000&status=FAIL&cause=ABSENT_SUBSCRIBER&errCode=027"
				+ "&phoneNo=91" + mobile + "&noOfFrags=2", String.class);
		assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(notifications(app, "sms").get(1))
			.satisfies(n -> assertThat(n.get("state")).isEqualTo("FAILED"))
			.satisfies(n -> assertThat((String) n.get("reason")).contains("ABSENT_SUBSCRIBER").contains("027"));
	}

	@Test
	void anEmailArrivesInTheCitizensLanguageAndTheCitizenCanStopEmailsButNotSms() throws Exception {
		String mobile = newMobile();
		String address = "citizen" + mobile + "@example.in";
		Application app = start("BIRTH-CERT", mobile, address, "bn");
		driver.applications().submit(app.applicationNo(), Map.of());
		deliverAll();

		MimeMessage received = only(mailTo(address));
		assertThat(received.getSubject()).isEqualTo("আবেদন " + app.applicationNo() + " গৃহীত হয়েছে");
		assertThat(received.getHeader("Content-Language")[0]).isEqualTo("bn");
		assertThat(received.getContentType()).startsWith("multipart/mixed");
		String text = part(received, "text/plain");
		assertThat(text).startsWith("প্রিয় সুনীতা বন্দ্যোপাধ্যায়,")
			.contains("10 ডিসেম্বর 2026")
			.contains("জন্ম শংসাপত্র")
			.contains(link(app));
		assertThat(part(received, "text/html")).contains("lang=\"bn\"")
			.contains("href=\"" + link(app) + "\"")
			.contains("/notifications/email/opt-out?a=" + app.applicationNo() + "&amp;k=")
			.contains("এই ই-মেল বন্ধ করুন");
		assertThat(notifications(app, "email")).singleElement()
			.satisfies(n -> assertThat(n.get("state")).isEqualTo("SENT"))
			.satisfies(n -> assertThat(n.get("language")).isEqualTo("bn"));

		// RFC 8058 one-click: the mail client POSTs to the List-Unsubscribe address.
		String oneClick = received.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
		assertThat(received.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		ResponseEntity<String> forged = http.postForEntity(oneClick.replaceAll("k=[^&]+", "k=forged"),
				form("List-Unsubscribe", "One-Click"), String.class);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> stopped = http.postForEntity(oneClick, form("List-Unsubscribe", "One-Click"), String.class);
		assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.OK);

		driver.decide(app, "Task_VerifyApplication", "clarify", "ঠিকানা অসম্পূর্ণ");
		deliverAll();
		assertThat(mailTo(address)).hasSize(1);
		assertThat(oldestFirst(mobile)).hasSize(2);

		// The setting on the application's page turns e-mail back on, for its holder only.
		ResponseEntity<String> stranger = CitizenLogin.as(http, environment, "9123456780")
			.getForEntity("/applications/" + app.applicationNo() + "/notifications", String.class);
		assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		HttpHeaders holder = holderOf(app);
		ResponseEntity<String> page = http.exchange("/applications/" + app.applicationNo() + "/notifications",
				HttpMethod.GET, new HttpEntity<>(holder), String.class);
		String masked = "c" + "*".repeat(address.indexOf('@') - 1) + "@example.in";
		assertThat(page.getBody()).contains(masked).contains("id=\"email-off\" checked=\"checked\"");
		String csrf = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("XSRF-TOKEN="))
			.findFirst()
			.map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
			.orElseThrow();
		holder.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + csrf);
		holder.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> saved = http.exchange("/applications/" + app.applicationNo() + "/notifications",
				HttpMethod.POST, new HttpEntity<>("email=on&_csrf=" + csrf, holder), String.class);
		// Saved, and redirected back to the setting (which the client follows).
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(saved.getBody()).contains("id=\"saved\"").contains("id=\"email-on\" checked=\"checked\"");

		driver.applications().submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		deliverAll();
		assertThat(mailTo(address)).extracting(MimeMessage::getSubject)
			.containsExactly("আবেদন " + app.applicationNo() + " গৃহীত হয়েছে", "আবেদন " + app.applicationNo() + " অনুমোদিত");
	}

	@Test
	void anSmsWithoutARegistrationItFitsIsNeverSentAndTheAdminSeesIt() {
		// Tamil: a template is registered, but the bundles have no Tamil, so the text (English) does not fit it.
		String tamil = newMobile();
		Application misfit = start("BIRTH-CERT", tamil, null, "ta");
		driver.applications().submit(misfit.applicationNo(), Map.of());
		// Gujarati: nothing is registered at all.
		String gujarati = newMobile();
		Application unregistered = start("BIRTH-CERT", gujarati, null, "gu");
		driver.applications().submit(unregistered.applicationNo(), Map.of());
		deliverAll();

		assertThat(inbox(tamil)).isEmpty();
		assertThat(inbox(gujarati)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE application_id IN (:a, :b) AND portal = 'sms'")
			.param("a", misfit.id())
			.param("b", unregistered.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(notifications(misfit, "sms")).singleElement().satisfies(n -> {
			assertThat(n.get("state")).isEqualTo("UNREGISTERED");
			assertThat(n.get("template_id")).isEqualTo("1107170000000001099");
			assertThat((String) n.get("reason")).contains("does not fit DLT template 1107170000000001099");
		});
		assertThat(notifications(unregistered, "sms")).singleElement()
			.satisfies(n -> assertThat((String) n.get("reason")).contains("no DLT template is registered for submitted in gu"));
		// The step itself went on.
		assertThat(driver.statuses(unregistered)).contains("SUBMITTED", "UNDER_VERIFICATION");

		ResponseEntity<List<Map<String, Object>>> listed = http.withBasicAuth("demo", "demo")
			.exchange("/api/v1/admin/notifications?state=UNREGISTERED&applicationNo=" + misfit.applicationNo(),
					HttpMethod.GET, null, new ParameterizedTypeReference<>() {
					});
		assertThat(listed.getBody()).singleElement()
			.satisfies(n -> assertThat(n.get("event")).isEqualTo("submitted"))
			.satisfies(n -> assertThat(n.get("language")).isEqualTo("ta"));
		assertThat(http.getForEntity("/api/v1/admin/notifications", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/v1/admin/notifications?state=LOST", Map.class))
			.satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
			.satisfies(r -> assertThat(r.getBody()).containsEntry("error", "invalid"));
		ResponseEntity<String> page = http.withBasicAuth("demo", "demo")
			.getForEntity("/admin/notifications?state=UNREGISTERED&applicationNo=" + unregistered.applicationNo(),
					String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains(unregistered.applicationNo()).contains("no DLT template is registered")
			.contains("Not sent: no registered template", "<code class=\"code\">UNREGISTERED</code>",
					"Application received", "Gujarati");
	}

	@Test
	void oneTimePasswordsGoAtOnceUnderTheirOwnTemplateAndAnUnregisteredOneFails() {
		String mobile = newMobile();
		otpGateway.send(mobile, "OTP 482913 to download BC-2026-000042 (BC2026000042) at Bangla Sahayata Kendra. "
				+ "Valid for a few minutes; do not share it.");
		assertThat(inbox(mobile)).singleElement()
			.satisfies(m -> assertThat(m.get("templateId")).isEqualTo("1107170000000900001"))
			.satisfies(m -> assertThat(m.get("msgType")).isEqualTo("TEXT"))
			.satisfies(m -> assertThat((String) m.get("message")).startsWith("OTP 482913 "));

		long before = unregisteredOtps();
		assertThatThrownBy(() -> otpGateway.send(mobile, "Your code is 123456")).isInstanceOf(IllegalStateException.class);
		assertThat(inbox(mobile)).hasSize(1);
		assertThat(unregisteredOtps()).isEqualTo(before + 1);

		fault(Map.of("mode", "DOWN", "count", 1));
		assertThatThrownBy(() -> otpGateway.send(mobile, "482913 is your SevaHub sign-in OTP. It is valid for 10 minutes."
				+ " Do not share it with anyone.")).isInstanceOf(IllegalStateException.class);
		otpGateway.send(mobile, "482913 is your SevaHub sign-in OTP. It is valid for 10 minutes. Do not share it with anyone.");
		assertThat(inbox(mobile)).hasSize(2).first()
			.satisfies(m -> assertThat(m.get("templateId")).isEqualTo("1107170000000900002"));
	}

	// ----- helpers -----

	private Application start(String service, String mobile, String email, String language) {
		Map<String, String> values = new LinkedHashMap<>(ProcessDriver.validForm(service));
		values.put("applicant.mobile", mobile);
		if (email != null) {
			values.put("applicant.email", email);
		}
		// With the documents the service asks for, so it can be submitted.
		Application app = driver.start(service, values);
		jdbc.sql("UPDATE application SET language = :language WHERE id = :id")
			.param("language", language)
			.param("id", app.id())
			.update();
		return app;
	}

	private void deliverAll() {
		while (dispatcher.dispatchDue() > 0) {
			// until nothing is due
		}
	}

	private List<Map<String, Object>> inbox(String mobile) {
		return http.exchange("/sandbox/sms?mobile=" + mobile, HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
	}

	private List<Map<String, Object>> oldestFirst(String mobile) {
		List<Map<String, Object>> newestFirst = new ArrayList<>(inbox(mobile));
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	private static String text(List<Map<String, Object>> sms, int index) {
		return (String) sms.get(index).get("message");
	}

	private String link(Application app) {
		return "http://127.0.0.1:" + http.getRootUri().replaceAll(".*:(\\d+).*", "$1") + "/applications/"
				+ app.applicationNo();
	}

	private List<Map<String, Object>> notifications(Application app, String channel) {
		return jdbc.sql("SELECT * FROM notification WHERE application_id = :id AND channel = :channel ORDER BY id")
			.param("id", app.id())
			.param("channel", channel)
			.query()
			.listOfRows();
	}

	private long unregisteredOtps() {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE event = 'otp' AND state = 'UNREGISTERED'")
			.query(Long.class)
			.single();
	}

	private List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				found.add(message);
			}
		}
		return found;
	}

	private static MimeMessage only(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	/** The part of this type in a multipart/mixed → multipart/related → multipart/alternative e-mail. */
	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = part(multipart.getBodyPart(i), type);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private HttpHeaders holderOf(Application app) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "sevahub_app_" + app.applicationNo() + "=" + access.sign("application",
				app.applicationNo()));
		return headers;
	}

	private static HttpEntity<String> form(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return new HttpEntity<>(name + "=" + value, headers);
	}

	private void fault(Map<String, Object> fault) {
		if (fault == null) {
			http.delete("/sandbox/faults/sms-gateway");
		}
		else {
			http.put("/sandbox/faults/sms-gateway", fault);
		}
	}

	private static String newMobile() {
		return "9" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
	}

}
