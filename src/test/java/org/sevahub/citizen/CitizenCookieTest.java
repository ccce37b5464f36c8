package org.sevahub.citizen;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' session cookie: Secure wherever SevaHub runs behind TLS (sevahub.session.secure-cookie). */
class CitizenCookieTest {

	private final CitizenTokens tokens = tokens(new CitizenProperties(null,
			"c2FuZGJveC1jaXRpemVuLWp3dC1rZXktbm90LWZvci1wcm9kdWN0aW9uLTEyMzQ1Njc4", null, null,
			Duration.ofMinutes(30), null));

	@Test
	void behindTlsTheCookieIsSecureHttpOnlyAndLax() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CitizenAuthentication(tokens, true).setCookie(response, tokens.issue("9876543210"));
		assertThat(response.getHeader("Set-Cookie")).startsWith("sevahub_citizen=")
			.contains("Secure", "HttpOnly", "SameSite=Lax")
			.containsPattern("Max-Age=(1799|1800)");
	}

	@Test
	void onPlainHttpForDevelopmentItIsNotMarkedSecure() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CitizenAuthentication(tokens, false).setCookie(response, tokens.issue("9876543210"));
		assertThat(response.getHeader("Set-Cookie")).doesNotContain("Secure").contains("HttpOnly");
	}

	@Test
	void aTokenNamesItsNumberAndAForeignOneNamesNobody() {
		assertThat(tokens.read(tokens.issue("9876543210").token())).hasValueSatisfying(
				citizen -> assertThat(citizen.mobile()).isEqualTo("9876543210"));
		CitizenTokens other = tokens(new CitizenProperties(null,
				"b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktb3RoZXIta2V5LTEyMzQ=", null, null, null, null));
		assertThat(tokens.read(other.issue("9876543210").token())).isEmpty();
	}

	/** No database: nothing here signs out, and reading a token asks only the node's memory. */
	private static CitizenTokens tokens(CitizenProperties properties) {
		return new CitizenTokens(properties, new CitizenSignOuts(null, properties));
	}

}
