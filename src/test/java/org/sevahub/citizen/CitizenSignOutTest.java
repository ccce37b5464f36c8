package org.sevahub.citizen;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.NewApplication;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A session signed out is over before its token expires: on the node that signed it out at once, on every other
 * node (SevaHub's nodes share only the database) within {@code sevahub.citizen.sign-out-refresh}. The other node
 * here is this context's sign-out and token components built a second time on the same database.
 */
@SevaHubTest
class CitizenSignOutTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationService applications;

	@Autowired
	CitizenTokens tokens;

	@Autowired
	CitizenSignOuts signOuts;

	@Autowired
	CitizenProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	ObjectMapper json;

	@Test
	void theApiRefusesATokenSignedOutThroughTheApi() throws Exception {
		String mobile = newMobile();
		Application mine = applicationOf(mobile);
		String bearer = "Bearer " + tokens.issue(mobile).token();
		assertThat(api("/api/v1/citizen/applications", bearer).getContentAsString()).contains(mine.applicationNo());
		assertThat(api("/api/v1/applications/" + mine.applicationNo(), bearer).getStatus()).isEqualTo(200);

		MockHttpServletResponse signedOut = mvc.perform(delete("/api/v1/citizen/session").header("Authorization", bearer))
			.andReturn()
			.getResponse();
		assertThat(signedOut.getStatus()).isEqualTo(204);
		assertThat(signedOut.getHeaders(HttpHeaders.SET_COOKIE))
			.anySatisfy(cookie -> assertThat(cookie).startsWith(CitizenAuthentication.COOKIE + "=;").contains("Max-Age=0"));

		for (String path : new String[] { "/api/v1/citizen/applications", "/api/v1/applications/" + mine.applicationNo() }) {
			MockHttpServletResponse refused = api(path, bearer);
			assertThat(refused.getStatus()).as(path).isEqualTo(401);
			assertThat(refused.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Bearer");
			assertThat(refused.getContentAsString()).as(path).contains("\"unauthorized\"");
		}
	}

	@Test
	void thePagesSendASessionSignedOutOnThePagesToSignIn() throws Exception {
		String mobile = newMobile();
		Application mine = applicationOf(mobile);
		Cookie session = new Cookie(CitizenAuthentication.COOKIE, tokens.issue(mobile).token());
		assertThat(page("/citizen/applications", session).getStatus()).isEqualTo(200);

		MockHttpServletResponse signedOut = mvc.perform(post("/citizen/sign-out").with(csrf()).cookie(session))
			.andReturn()
			.getResponse();
		assertThat(signedOut.getRedirectedUrl()).isEqualTo("/");

		for (String path : new String[] { "/citizen/applications", "/applications/" + mine.applicationNo() }) {
			MockHttpServletResponse refused = page(path, session);
			assertThat(refused.getStatus()).as(path).isEqualTo(302);
			assertThat(refused.getRedirectedUrl()).as(path).startsWith("/citizen/sign-in?next=");
		}
	}

	@Test
	void anotherNodeRefusesATokenSignedOutHereOnceItHasReadTheSignOuts() throws Exception {
		Node otherNode = otherNode();
		String mobile = newMobile();
		String token = tokens.issue(mobile).token();
		assertThat(otherNode.tokens().read(token)).isPresent();

		assertThat(mvc.perform(delete("/api/v1/citizen/session").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(tokens.read(token)).isEmpty();

		// Within the bound, the other node has not looked yet: its scheduled look is what ends the session there.
		assertThat(otherNode.tokens().read(token)).isPresent();
		otherNode.signOuts().refresh();
		assertThat(otherNode.tokens().read(token)).isEmpty();
		// A node started after the sign-out knows it before its first request.
		assertThat(otherNode().tokens().read(token)).isEmpty();
	}

	@Test
	void thisNodeRefusesATokenSignedOutOnAnotherWithinTheRefreshBound() throws Exception {
		String mobile = newMobile();
		String bearer = "Bearer " + tokens.issue(mobile).token();
		// Checked and remembered here first, as a citizen's earlier requests would have.
		assertThat(api("/api/v1/citizen/applications", bearer).getStatus()).isEqualTo(200);

		otherNode().tokens().signOut(bearer.substring(7));

		Duration bound = environment.getProperty("sevahub.citizen.sign-out-refresh", Duration.class, Duration.ofSeconds(5));
		await().atMost(bound.plusSeconds(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api("/api/v1/citizen/applications", bearer).getStatus() == 401);
	}

	@Test
	void aSignOutIsKeptUntilItsTokenHasExpiredAndDeletedAfter() throws Exception {
		String mobile = newMobile();
		String token = tokens.issue(mobile).token();
		tokens.signOut(token);
		String id = idOf(token);

		signOuts.refresh();
		assertThat(signedOutRows(id)).isEqualTo(1);
		try {
			ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(properties.sessionLifetime()).plusSeconds(60)));
			signOuts.refresh();
			assertThat(signedOutRows(id)).isZero();
		}
		finally {
			ClockUtil.reset();
		}
	}

	/** A second SevaHub node: its own memory of verified tokens and sign-outs, the same database. */
	private record Node(CitizenTokens tokens, CitizenSignOuts signOuts) {
	}

	private Node otherNode() {
		CitizenSignOuts theirs = new CitizenSignOuts(jdbc, properties);
		theirs.readAll();
		return new Node(new CitizenTokens(properties, theirs), theirs);
	}

	/** The token's id (jti), read from its payload. */
	private String idOf(String token) throws Exception {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("jti").asText();
	}

	private long signedOutRows(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM citizen_signed_out WHERE jti = :id").param("id", id).query(Long.class).single();
	}

	private Application applicationOf(String mobile) {
		Map<String, String> form = new HashMap<>(ProcessDriver.validForm("BIRTH-CERT"));
		form.put("applicant.mobile", mobile);
		return applications.create(NewApplication.direct("BIRTH-CERT", form));
	}

	private MockHttpServletResponse api(String path, String bearer) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer)).andReturn().getResponse();
	}

	private MockHttpServletResponse page(String path, Cookie session) throws Exception {
		return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
	}

	private static String newMobile() {
		return "7" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

}
