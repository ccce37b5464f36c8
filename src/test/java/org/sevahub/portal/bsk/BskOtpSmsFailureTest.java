package org.sevahub.portal.bsk;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.SmsGateway;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TasklistDecisions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * API-5A when the SMS gateway fails: BSK hears otpGenStatus 2 ("OTP sent unsuccessful"), no OTP row is left
 * behind, and the same otpld works once the gateway is back.
 */
@SevaHubTest
class BskOtpSmsFailureTest {

	@MockitoSpyBean
	SmsGateway sms;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationService applications;

	@Autowired
	ProcessDriver driver;

	@Autowired
	IssuedDocuments documents;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void clockOfItsOwn() {
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(13)
			.plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000))
			.toInstant()));
	}

	@AfterEach
	void resetAll() {
		reset(sms);
		ClockUtil.reset();
	}

	@Test
	void aFailingSmsGatewayAnswersOtpGenStatus2AndLeavesTheOtpldUnused() throws Exception {
		String mobile = "9831054321";
		JsonNode initiated = send("api1", Map.of("serviceCode", "AMD001", "name", "Mitali Pal", "mobile", mobile))
			.get("answer");
		String landing = initiated.get("redirectUrl").asText().replaceAll("^https?://[^/]+", "");
		MockHttpServletResponse landed = mvc.perform(get(landing)).andReturn().getResponse();
		String no = landed.getRedirectedUrl().replaceAll("^/applications/([^/]+)/form$", "$1");
		driver.documents().attachNeeded(no);
		var submit = post("/applications/" + no + "/form").with(csrf()).cookie(landed.getCookie("sevahub_app_" + no));
		ProcessDriver.validForm("BIRTH-CERT").forEach(submit::param);
		submit.param("action", "submit");
		assertThat(mvc.perform(submit).andReturn().getResponse().getRedirectedUrl()).endsWith("/acknowledgement");
		Application app = applications.get(no);
		TasklistDecisions.complete(http, tasks, app, "assistant", "forward", null);
		TasklistDecisions.complete(http, tasks, app, "officer", "approve", null);
		driver.runAsyncSteps(app);
		String documentNo = documents.forApplication(app.id()).orElseThrow().number();

		doThrow(new IllegalStateException("gateway down")).when(sms).send(eq(mobile), anyString());
		long otpId = System.nanoTime() % 1_000_000_000_000L;
		JsonNode failed = send("api5a", Map.of("otpld", otpId, "documentNo", documentNo)).get("answer");
		assertThat(failed.get("statusCode").asInt()).as(failed.toString()).isEqualTo(200);
		assertThat(failed.get("otpGenStatus").asInt()).isEqualTo(2);
		assertThat(failed.get("message").asText()).isEqualTo("OTP sent unsuccessful");
		assertThat(otpRows(otpId)).isZero();

		reset(sms);
		JsonNode retried = send("api5a", Map.of("otpld", otpId, "documentNo", documentNo)).get("answer");
		assertThat(retried.get("otpGenStatus").asInt()).as(retried.toString()).isEqualTo(1);
		assertThat(otpRows(otpId)).isEqualTo(1);
		List<?> inbox = http.getForObject("/sandbox/sms?mobile=" + mobile, List.class);
		assertThat(inbox).isNotEmpty();
	}

	private long otpRows(long otpId) {
		return jdbc.sql("SELECT COUNT(*) FROM bsk_otp WHERE otp_id = :id").param("id", otpId).query(Long.class).single();
	}

	private JsonNode send(String api, Map<String, Object> fields) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return json.readTree(http.postForObject("/sandbox/records/bsk/send/" + api, new HttpEntity<>(fields, headers),
				String.class));
	}

}
