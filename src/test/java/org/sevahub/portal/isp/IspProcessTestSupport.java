package org.sevahub.portal.isp;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sevahub.application.Application;
import org.sevahub.delivery.Delivery;
import org.sevahub.delivery.DeliveryAdmin;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.delivery.DeliveryState;
import org.sevahub.portal.isp.IspHandovers.Handover;
import org.sevahub.testsupport.NotifyingSevaHubTest;
import org.sevahub.testsupport.ProcessTestSupport;
import org.sevahub.web.ApplicationView;
import org.sevahub.web.ApplicationViews;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * ISP applications driven through their processes (the hand-over, officers' decisions, appeals, the engine's clock)
 * with what ISP received read back from the sandbox ISP, and what SevaHub kept from ISP read from every place it
 * shows: the application's history, the deliveries page and its REST, and the citizen's SMS.
 */
@NotifyingSevaHubTest
abstract class IspProcessTestSupport extends ProcessTestSupport {

	/** The mobile number of the sandbox ISP's citizen. */
	static final String MOBILE = "9415012345";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryAdmin deliveries;

	@Autowired
	ApplicationViews views;

	final ObjectMapper json = new ObjectMapper();

	IspHandovers isp() {
		return new IspHandovers(mvc, http, driver.documents());
	}

	/** Handed over by ISP, the birth certificate form submitted, verified, and rejected by the designated officer. */
	Application rejected(Handover handover) throws Exception {
		isp().submitBirth(handover);
		Application app = applications.get(handover.applicationNo());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "Birth not registered in the district");
		assertThat(driver.statuses(app)).endsWith("FORWARDED", "REJECTED");
		return driver.reload(app);
	}

	/** The certificate issued and delivered, once the appeal has been allowed. */
	void issuedAndDelivered(Application app) {
		driver.runAsyncSteps(app);
		assertThat(driver.statuses(app)).endsWith("APPEAL_ALLOWED", "CERTIFICATE_ISSUED", "DELIVERED");
	}

	List<Delivery> ispDeliveries(Application app) {
		return deliveries.ofApplication(app.applicationNo()).stream().filter(d -> d.portal().equals("isp")).toList();
	}

	/**
	 * Each of {@code statuses} was kept from ISP ("not sent: closed at the portal"), and every place says so: the
	 * delivery rows, the history the citizen's page and the API show, the citizen's status page, the deliveries
	 * page and its REST; and the citizen was told once, by SMS, in ISP's language.
	 */
	void assertClosedAtIsp(Application app, Handover handover, List<String> statuses) throws Exception {
		List<Delivery> notSent = ispDeliveries(app).stream().filter(d -> d.state() == DeliveryState.NOT_SENT).toList();
		assertThat(notSent).extracting(Delivery::status).containsExactlyElementsOf(statuses);
		assertThat(notSent).allSatisfy(d -> assertThat(d.lastError())
			.startsWith("Not sent: closed at the portal: ")
			.contains("nothing is accepted after S110/S112"));

		ApplicationView view = views.of(app);
		assertThat(view.history()).filteredOn(stage -> !stage.notSent().isEmpty())
			.extracting(ApplicationView.Stage::status)
			.containsExactlyElementsOf(statuses);
		assertThat(view.history()).flatExtracting(ApplicationView.Stage::notSent)
			.allSatisfy(ns -> assertThat(ns.portal()).isEqualTo("isp"));

		String statusPage = mvc.perform(get("/applications/" + app.applicationNo()).cookie(handover.access()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statusPage.split("class=\"not-sent\"", -1)).hasSize(statuses.size() + 1);

		String page = mvc.perform(get("/admin/deliveries").param("applicationNo", app.applicationNo())
			.with(httpBasic("demo", "demo"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"not-sent\"", app.applicationNo(), "class=\"not_sent\"");
		JsonNode listed = json.readTree(mvc.perform(get("/api/v1/admin/deliveries").param("state", "NOT_SENT")
			.with(httpBasic("demo", "demo"))).andReturn().getResponse().getContentAsString());
		List<String> listedStatuses = new java.util.ArrayList<>();
		listed.forEach(d -> {
			if (app.applicationNo().equals(d.path("applicationNo").asText())) {
				listedStatuses.add(d.path("status").asText());
			}
		});
		assertThat(listedStatuses).containsExactlyInAnyOrderElementsOf(statuses);

		List<String> sms = closedNotices(app);
		assertThat(sms).as("told once, however many statuses ISP misses").hasSize(1);
		assertThat(sms.get(0)).contains("आवेदन " + app.applicationNo(), "आईएसपी", "/applications/" + app.applicationNo());
	}

	/** The SMS telling the citizen ISP will not show the application's progress (it names ISP, links to its page). */
	List<String> closedNotices(Application app) {
		List<String> about = new java.util.ArrayList<>();
		for (Object message : http.getForObject("/sandbox/sms?mobile=" + MOBILE, List.class)) {
			String text = String.valueOf(((Map<?, ?>) message).get("message"));
			if (text.contains("/applications/" + app.applicationNo()) && text.contains("आईएसपी")) {
				// Under the Hindi registration of its own event (notify.yml, portal-closed), with the entity id.
				assertThat(((Map<?, ?>) message).get("templateId")).isEqualTo("1107170000000013002");
				assertThat(((Map<?, ?>) message).get("entityId")).isEqualTo("1101700000000012345");
				about.add(text);
			}
		}
		return about;
	}

}
