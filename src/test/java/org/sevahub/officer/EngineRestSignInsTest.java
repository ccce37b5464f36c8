package org.sevahub.officer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic sign-ins to /engine-rest are remembered for a while with their groups and tenants; wrong passwords
 * never are. Each test signs in a user of its own, so no other test's sign-in is remembered for it.
 */
@SevaHubTest
class EngineRestSignInsTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	String user;

	@BeforeEach
	void aUserOfItsOwn() {
		user = "signin" + UUID.randomUUID().toString().substring(0, 8);
		User created = identity.newUser(user);
		created.setPassword("first-Password-1");
		identity.saveUser(created);
		identity.createMembership(user, "dealingAssistant");
		identity.saveTenant(identity.newTenant(user + "tenant"));
		identity.createTenantUserMembership(user + "tenant", user);
	}

	@AfterEach
	void removeIt() {
		identity.deleteTenant(user + "tenant");
		identity.deleteUser(user);
	}

	@Test
	void aSignInIsRememberedWithItsGroupsAndTenantsUntilItsTimeRunsOut() {
		EngineRestSignIns signIns = new EngineRestSignIns(Duration.ofMinutes(1));
		AuthenticationResult first = signIns.extractAuthenticatedUser(basic(user, "first-Password-1"), engine);
		assertThat(first.isAuthenticated()).isTrue();
		assertThat(first.getAuthenticatedUser()).isEqualTo(user);
		assertThat(first.getGroups()).containsExactly("dealingAssistant");
		assertThat(first.getTenants()).containsExactly(user + "tenant");

		changePassword("second-Password-2");
		// Within the minute the old password's sign-in still stands, as a webapp session would.
		assertThat(signIns.extractAuthenticatedUser(basic(user, "first-Password-1"), engine).isAuthenticated()).isTrue();
		// The new password is checked afresh; a wrong one is checked and refused every time.
		assertThat(signIns.extractAuthenticatedUser(basic(user, "second-Password-2"), engine).isAuthenticated()).isTrue();
		for (int i = 0; i < 2; i++) {
			assertThat(signIns.extractAuthenticatedUser(basic(user, "not-the-Password-3"), engine).isAuthenticated())
				.isFalse();
		}
	}

	@Test
	void withNoMemoryEveryCallIsCheckedAfresh() {
		EngineRestSignIns signIns = new EngineRestSignIns(Duration.ZERO);
		assertThat(signIns.extractAuthenticatedUser(basic(user, "first-Password-1"), engine).isAuthenticated()).isTrue();
		changePassword("second-Password-2");
		AuthenticationResult fresh = signIns.extractAuthenticatedUser(basic(user, "second-Password-2"), engine);
		assertThat(fresh.isAuthenticated()).isTrue();
		// Left unset, so Camunda's filter reads the groups and tenants itself, as it always did.
		assertThat(fresh.getGroups()).isNull();
		// (Last: a failed attempt makes the engine hold back the user's next sign-in for a few seconds.)
		assertThat(signIns.extractAuthenticatedUser(basic(user, "first-Password-1"), engine).isAuthenticated()).isFalse();
	}

	@Test
	void theEngineRestApiUsesTheRememberedSignIn() {
		assertThat(count("first-Password-1")).isEqualTo(200);
		changePassword("second-Password-2");
		assertThat(count("first-Password-1")).isEqualTo(200);
		assertThat(count("second-Password-2")).isEqualTo(200);
		assertThat(count("not-the-Password-3")).isEqualTo(401);
		assertThat(count(null)).isEqualTo(401);
	}

	private int count(String password) {
		HttpHeaders headers = new HttpHeaders();
		if (password != null) {
			headers.setBasicAuth(user, password);
		}
		return http.exchange("/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(headers), String.class)
			.getStatusCode()
			.value();
	}

	private void changePassword(String password) {
		User existing = identity.createUserQuery().userId(user).singleResult();
		existing.setPassword(password);
		identity.saveUser(existing);
	}

	private static MockHttpServletRequest basic(String user, String password) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/count");
		request.addHeader(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		return request;
	}

}
