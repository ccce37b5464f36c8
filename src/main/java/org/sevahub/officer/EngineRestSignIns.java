package org.sevahub.officer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for the engine's REST API, with each successful sign-in remembered for a short while: the user, their
 * groups and their tenants. Camunda's filter checks the password and then reads the groups and the tenants, three
 * engine commands and three transactions for every call, so an officer's find-and-complete paid six. Camunda's
 * webapps (Tasklist, Cockpit) keep a sign-in with its groups and tenants and read it again only after their
 * authentication cache's time to live, five minutes by default; this gives {@code /engine-rest} the same, for
 * {@code sevahub.officers.rest-sign-in-memory} (default one minute; {@code 0} checks every call).
 *
 * <p>Only successes are remembered, so a wrong password is checked, counted and locked out by the engine as before.
 * A password changed, a user removed or a group membership taken away takes effect on this node within the time to
 * live. The credentials are never kept: a sign-in is found by a keyed hash of the {@code Authorization} header under
 * a key made at start-up, which no one outside this process can recompute.
 */
@Component
public class EngineRestSignIns implements AuthenticationProvider {

	private static final int MOST_REMEMBERED = 10_000;

	private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

	private final Cache<String, AuthenticationResult> remembered;

	private final SecretKeySpec key;

	EngineRestSignIns(@Value("${sevahub.officers.rest-sign-in-memory:1m}") Duration memory) {
		this.remembered = memory.isZero() || memory.isNegative() ? null
				: Caffeine.newBuilder().expireAfterWrite(memory).maximumSize(MOST_REMEMBERED).build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (remembered == null || header == null) {
			return basic.extractAuthenticatedUser(request, engine);
		}
		String signIn = signIn(engine.getName(), header);
		AuthenticationResult known = remembered.getIfPresent(signIn);
		if (known != null) {
			return known;
		}
		AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
		if (result.isAuthenticated()) {
			IdentityService identity = engine.getIdentityService();
			String userId = result.getAuthenticatedUser();
			// The same reads as Camunda's filter makes when a provider leaves groups and tenants unset.
			result.setGroups(identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
			result.setTenants(identity.createTenantQuery()
				.userMember(userId)
				.includingGroupsOfUser(true)
				.list()
				.stream()
				.map(Tenant::getId)
				.toList());
			remembered.put(signIn, result);
		}
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		basic.augmentResponseByAuthenticationChallenge(response, engine);
	}

	private String signIn(String engineName, String authorization) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(engineName.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(authorization.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
