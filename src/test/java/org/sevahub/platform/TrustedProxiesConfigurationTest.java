package org.sevahub.platform;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation's one list of the balancer's addresses, and the two per-component keys it replaces: still read
 * for one release, their addresses added, with one warning at start-up that names the new key.
 */
class TrustedProxiesConfigurationTest {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(TrustedProxiesConfiguration.class);

	final ListAppender<ILoggingEvent> log = new ListAppender<>();

	final Logger logger = (Logger) LoggerFactory.getLogger(TrustedProxiesConfiguration.class);

	@BeforeEach
	void listen() {
		log.start();
		logger.addAppender(log);
	}

	@AfterEach
	void stopListening() {
		logger.detachAppender(log);
	}

	@Test
	void theNewKeyAloneNamesTheBalancerWithoutAWord() {
		context.withPropertyValues("sevahub.trusted-proxies=10.0.0.5, 10.9.0.0/16").run(started -> {
			TrustedProxies proxies = started.getBean(TrustedProxies.class);
			assertThat(proxies.clientOf(request("10.0.0.5", "198.51.100.7"))).isEqualTo("198.51.100.7");
			assertThat(proxies.clientOf(request("10.9.3.4", "198.51.100.7"))).isEqualTo("198.51.100.7");
			assertThat(proxies.clientOf(request("10.0.0.6", "198.51.100.7"))).isEqualTo("10.0.0.6");
		});
		assertThat(log.list).isEmpty();
	}

	@Test
	void anOldKeyStillCountsAndOneWarningNamesTheNewKey() {
		context.withPropertyValues("sevahub.trusted-proxies=10.0.0.5", "sevahub.citizen.trusted-proxies=10.0.0.6",
				"sevahub.portals.bsk.trusted-proxies[0]=10.0.0.7").run(started -> {
			TrustedProxies proxies = started.getBean(TrustedProxies.class);
			for (String proxy : List.of("10.0.0.5", "10.0.0.6", "10.0.0.7")) {
				assertThat(proxies.clientOf(request(proxy, "198.51.100.7"))).as(proxy).isEqualTo("198.51.100.7");
			}
		});
		assertThat(log.list).singleElement().satisfies(warning -> {
			assertThat(warning.getLevel()).isEqualTo(Level.WARN);
			assertThat(warning.getFormattedMessage()).contains("sevahub.citizen.trusted-proxies",
					"SEVAHUB_CITIZEN_TRUSTED_PROXIES", "sevahub.portals.bsk.trusted-proxies", "SEVAHUB_BSK_TRUSTED_PROXIES",
					"Deprecated", "sevahub.trusted-proxies (SEVAHUB_TRUSTED_PROXIES)");
		});
	}

	@Test
	void anOldKeyLeftEmptyAsTheShippedYamlHasItIsNotSet() {
		context.withPropertyValues("sevahub.trusted-proxies=", "sevahub.citizen.trusted-proxies=",
				"sevahub.portals.bsk.trusted-proxies= ").run(started -> {
			TrustedProxies proxies = started.getBean(TrustedProxies.class);
			// No proxy at all: the connection is the caller, whatever its header says.
			assertThat(proxies.clientOf(request("127.0.0.1", "198.51.100.7"))).isEqualTo("127.0.0.1");
		});
		assertThat(log.list).isEmpty();
	}

	private static MockHttpServletRequest request(String connection, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/track");
		request.setRemoteAddr(connection);
		request.addHeader("X-Forwarded-For", forwardedFor);
		return request;
	}

}
