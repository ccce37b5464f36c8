package org.sevahub.officer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist's page, loaded by many officers at once, always carries the script nonce its own Content-Security-Policy
 * allows; a page whose scripts carry another nonce never starts (the browser refuses every script).
 */
@SevaHubTest
class WebappNoncesTest {

	private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'");

	private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([A-Za-z0-9_-]*)\"");

	@LocalServerPort
	int port;

	@Test
	void everyPageCarriesTheNonceOfItsOwnPolicyUnderConcurrentLoads() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI tasklist = URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
		Callable<List<String>> officer = () -> {
			List<String> mismatches = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				HttpResponse<String> page = http.send(HttpRequest.newBuilder(tasklist).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).isEqualTo(200);
				Matcher policy = HEADER_NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElseThrow());
				assertThat(policy.find()).isTrue();
				Matcher scripts = PAGE_NONCE.matcher(page.body());
				int tagged = 0;
				while (scripts.find()) {
					tagged++;
					if (!scripts.group(1).equals(policy.group(1))) {
						mismatches.add("policy " + policy.group(1) + ", page " + scripts.group(1));
					}
				}
				assertThat(tagged).as("scripts carrying a nonce on Tasklist's page").isPositive();
			}
			return mismatches;
		};
		ExecutorService officers = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<String>>> loads = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				loads.add(officers.submit(officer));
			}
			List<String> mismatches = new ArrayList<>();
			for (Future<List<String>> load : loads) {
				mismatches.addAll(load.get());
			}
			assertThat(mismatches).as("pages whose scripts the browser would refuse").isEmpty();
		}
		finally {
			officers.shutdownNow();
		}
	}

}
