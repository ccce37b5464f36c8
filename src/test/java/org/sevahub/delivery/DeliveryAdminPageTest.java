package org.sevahub.delivery;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.language.Words;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The admin page for parked deliveries: only for administrators, and its retry button does what the REST call does. */
@SevaHubTest
class DeliveryAdminPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessDriver driver;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryAdmin admin;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TestRestTemplate http;

	@AfterEach
	void reset() {
		http.delete("/sandbox/faults/webhook");
		ClockUtil.reset();
	}

	@Autowired
	Words words;

	@Test
	void anAdminSeesTheParkedDeliveryAndRetriesItFromThePage() throws Exception {
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(6).toInstant()));
		// Every other test's queued messages are due under this clock: they go first, with the portal healthy, so
		// the one rejection below is this application's.
		dispatcher.dispatchDue();
		Application app = driver.start("BIRTH-CERT");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(http.exchange("/sandbox/faults/webhook", HttpMethod.PUT,
				new HttpEntity<>(Map.of("mode", "REJECT", "count", 1), headers), String.class).getStatusCode().value())
			.isEqualTo(200);
		dispatcher.dispatchDue();
		Delivery parked = admin.ofApplication(app.applicationNo()).get(0);
		assertThat(parked.state()).isEqualTo(DeliveryState.PARKED);

		assertThat(mvc.perform(get("/admin/deliveries")).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/admin/deliveries").with(httpBasic("officer", "officer"))).andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		String page = mvc.perform(get("/admin/deliveries").with(httpBasic("demo", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(app.applicationNo(), "id=\"retry-" + parked.id() + "\"", "HTTP 400");
		// Statuses and states in the admin's words, each code small beside its words.
		String hindi = mvc.perform(get("/admin/deliveries").param("applicationNo", app.applicationNo())
			.param("lang", "hi")
			.with(httpBasic("demo", "demo"))).andReturn().getResponse().getContentAsString();
		assertThat(hindi).contains(words.status(parked.status(), Locale.forLanguageTag("hi")), "रोका गया",
				"<code class=\"code\">PARKED</code>", "<code class=\"code\">" + parked.status() + "</code>");
		assertThat(hindi.replaceAll("<code class=\"code\">[^<]*</code>", "")).doesNotContain(">PARKED<",
				">" + parked.status() + "<");

		assertThat(mvc.perform(post("/admin/deliveries/" + parked.id() + "/retry").with(httpBasic("demo", "demo")))
			.andReturn()
			.getResponse()
			.getStatus()).as("without the form's CSRF token").isEqualTo(403);
		MockHttpServletResponse retried = mvc
			.perform(post("/admin/deliveries/" + parked.id() + "/retry").with(httpBasic("demo", "demo")).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(retried.getRedirectedUrl()).isEqualTo("/admin/deliveries?retried=" + parked.id());
		assertThat(admin.find(parked.id()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
		assertThat(runtime.createIncidentQuery().processInstanceId(app.processInstanceId()).count()).isZero();
		dispatcher.dispatchDue();
		assertThat(admin.find(parked.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void theMetricsCountDeliveriesPerPortal() throws Exception {
		driver.start("BIRTH-CERT");
		dispatcher.dispatchDue();
		// Metrics are the administrators' (only health is public).
		assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
		String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("demo", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("sevahub_delivery_queued_total{portal=\"webhook\"}");
	}

}
