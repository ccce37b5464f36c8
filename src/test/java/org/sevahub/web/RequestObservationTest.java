package org.sevahub.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is observed once, as a whole, and not filter by filter: Spring Security's observations wrap every
 * filter of a chain in observation code on every request.
 */
@SevaHubTest
class RequestObservationTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MeterRegistry meters;

	@Test
	void aRequestIsTimedWholeAndNotFilterByFilter() {
		assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(meters.find("spring.security.filterchains").timers()).isEmpty();
		assertThat(meters.find("spring.security.authorizations").timers()).isEmpty();
		assertThat(meters.find("spring.security.http.secured.requests").timers()).isEmpty();
	}

}
