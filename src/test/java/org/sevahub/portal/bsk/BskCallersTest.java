package org.sevahub.portal.bsk;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sevahub.platform.TrustedProxies;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who is calling, behind and without a trusted proxy; what the allow-list lets in. */
class BskCallersTest {

	final BskCallers callers = new BskCallers(List.of("164.100.0.0/16", "10.1.2.3"),
			new TrustedProxies(List.of("10.0.0.5")));

	@Test
	void aDirectCallerIsItsConnectionWhateverItsHeaderSays() {
		MockHttpServletRequest request = request("164.100.9.9", "10.1.2.3");
		assertThat(callers.callerOf(request)).isEqualTo("164.100.9.9");
		assertThat(callers.check(request)).isEqualTo("164.100.9.9");
		assertThatThrownBy(() -> callers.check(request("203.0.113.9", "164.100.1.1")))
			.isInstanceOf(BskRefusal.class)
			.hasMessageContaining("Caller 203.0.113.9 is not on the department's IP allow-list");
	}

	@Test
	void behindTheTrustedProxyTheNearestUntrustedForwardedAddressIsTheCaller() {
		assertThat(callers.callerOf(request("10.0.0.5", "164.100.3.4"))).isEqualTo("164.100.3.4");
		// A client cannot get in by writing an allowed address at the left of the header.
		assertThat(callers.callerOf(request("10.0.0.5", "164.100.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(callers.callerOf(request("10.0.0.5", "164.100.3.4, 10.0.0.5"))).isEqualTo("164.100.3.4");
		assertThatThrownBy(() -> callers.check(request("10.0.0.5", "not-an-ip"))).isInstanceOf(BskRefusal.class);
		assertThat(callers.callerOf(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
	}

	@Test
	void behindAProxyThatAppendsItsOwnLineTheClientsLineIsNotBelieved() {
		// HAProxy's option forwardfor keeps the client's X-Forwarded-For and adds its own line after it.
		MockHttpServletRequest appended = request("10.0.0.5", "164.100.3.4");
		appended.addHeader("X-Forwarded-For", "198.51.100.7");
		assertThat(callers.callerOf(appended)).isEqualTo("198.51.100.7");
		assertThatThrownBy(() -> callers.check(appended)).isInstanceOf(BskRefusal.class);
		MockHttpServletRequest chained = request("10.0.0.5", "198.51.100.7");
		chained.addHeader("X-Forwarded-For", "164.100.3.4, 10.0.0.5");
		assertThat(callers.callerOf(chained)).isEqualTo("164.100.3.4");
	}

	private static MockHttpServletRequest request(String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/bsk/api/initiate");
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
