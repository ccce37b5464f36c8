package org.sevahub.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The SMS gateway's delivery reports behind the balancer: {@code dlr-allowed-ips} is checked against the caller the
 * balancer saw, as BSK's allow-list and the citizens' rate limits are, not against the balancer's own address.
 * MockMvc's connection comes from 127.0.0.1, a trusted proxy in the embedded default; the two deprecated variables
 * are set as an installation would have them (the shipped YAML reads them) and must still name a trusted proxy.
 */
@SevaHubTest
@TestPropertySource(properties = { "sevahub.notify.sms.gateway.dlr-allowed-ips=203.0.113.0/28",
		"SEVAHUB_CITIZEN_TRUSTED_PROXIES=10.0.0.5", "SEVAHUB_BSK_TRUSTED_PROXIES=10.0.0.6" })
class DeliveryReportCallersTest {

	static final String GATEWAY = "203.0.113.10";

	@Autowired
	MockMvc mvc;

	@Test
	void aReportFromTheGatewayThroughTheBalancerIsAccepted() throws Exception {
		assertThat(status(report("127.0.0.1").header("X-Forwarded-For", GATEWAY))).isEqualTo(200);
	}

	@Test
	void theGatewaysAddressWrittenByTheClientInFrontOfTheBalancersLineIsRefused() throws Exception {
		// HAProxy's option forwardfor keeps the client's header and appends a line naming whom it saw.
		assertThat(status(report("127.0.0.1").header("X-Forwarded-For", GATEWAY)
			.header("X-Forwarded-For", "198.51.100.7"))).isEqualTo(403);
		assertThat(status(report("127.0.0.1").header("X-Forwarded-For", GATEWAY + ", 198.51.100.7"))).isEqualTo(403);
	}

	@Test
	void aDirectCallFromAnAddressNotListedIsRefusedWhateverItsHeaderSays() throws Exception {
		assertThat(status(report("198.51.100.7"))).isEqualTo(403);
		assertThat(status(report("198.51.100.7").header("X-Forwarded-For", GATEWAY))).isEqualTo(403);
		assertThat(status(report(GATEWAY))).as("the gateway calling directly").isEqualTo(200);
	}

	@Test
	void theDeprecatedVariablesStillNameTheBalancerForEveryCheck() throws Exception {
		// Each named a proxy for one component only; either now counts for the gateway's reports too.
		assertThat(status(report("10.0.0.5").header("X-Forwarded-For", GATEWAY))).isEqualTo(200);
		assertThat(status(report("10.0.0.6").header("X-Forwarded-For", GATEWAY))).isEqualTo(200);
		assertThat(status(report("10.0.0.7").header("X-Forwarded-For", GATEWAY))).isEqualTo(403);
	}

	/** A report of a message SevaHub never sent, in a state that is not final: acknowledged, nothing marked. */
	private static MockHttpServletRequestBuilder report(String connection) {
		return get("/sms-gateway/dlr").param("token", "sandbox-dlr-token-not-for-production")
			.param("externalId", "callers-" + UUID.randomUUID())
			.param("status", "UNKNOWN")
			.with(request -> {
				request.setRemoteAddr(connection);
				return request;
			});
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
