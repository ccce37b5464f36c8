package org.sevahub.portal.bsk;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.testsupport.SevaHubBenchmark;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * API-1 initiations a second and their p99 latency on PostgreSQL, side by side in one run with starting the same
 * process (certificate-issuance, Income Certificate) through Camunda's Java API alone. API-1 is the whole
 * request over HTTP: allow-list, passcode, HS256 verification, ticket checks, the (cached) API-6 DEO check,
 * the application, applicant and BSK link rows, the process start, the one-time hand-over row and the audit
 * records. The Camunda column starts the same process for application rows made beforehand, outside the
 * timing, with the variables SevaHub sets. A third column, ApplicationService.create called in-process, shows
 * how the difference splits between the application layer and BSK's own checks. A fourth starts the same process
 * through Camunda's REST API (HTTP, JSON, Basic), the bare start as a portal would reach it over the network, so
 * API-1 is also compared like for like. One client thread, then four; rounds rotate the paths.
 * Run: {@code ./mvnw -Pbench test -Dtest=BskInitiationBenchmark}. Figures: BENCHMARKS.md.
 */
@SevaHubBenchmark
class BskInitiationBenchmark extends BskBenchmarkSupport {

	@Autowired
	ApplicationService applications;

	@Test
	void api1AgainstAPlainCamundaStart() throws Exception {
		freezeClock(40);
		List<Long> deos = activeDeos(7000000000L);
		ServiceDefinition service = catalog.get("INCOME-CERT");
		for (int threads : new int[] { 1, 4 }) {
			List<Double> api1Rates = new ArrayList<>();
			List<Double> camundaRates = new ArrayList<>();
			List<Double> serviceRates = new ArrayList<>();
			List<Long> serviceLatencies = new ArrayList<>();
			List<Long> api1Latencies = new ArrayList<>();
			List<Long> camundaLatencies = new ArrayList<>();
			List<Double> restRates = new ArrayList<>();
			List<Long> restLatencies = new ArrayList<>();
			List<Double> floorRates = new ArrayList<>();
			List<Long> floorLatencies = new ArrayList<>();
			for (int round = 0; round <= ROUNDS; round++) {
				boolean measured = round > 0;
				List<String> bodies = api1Bodies(deos);
				List<String> applicationNos = bareApplications(service);
				List<String> restApplicationNos = bareApplications(service);
				Timed api1 = null;
				Timed overRest = null;
				Timed camunda = null;
				Timed direct = null;
				Timed floor = null;
				int base = sequence.getAndAdd(PER_ROUND);
				// Rotate which path goes first, so drift on the shared machine falls on all alike.
				for (int leg = 0; leg < 5; leg++) {
					int path = (leg + round) % 5;
					if (path == 4) {
						floor = run(threads, PER_ROUND, i -> sendExpectingOk(HttpRequest.newBuilder(url("/actuator/health/liveness"))
							.GET()));
					}
					else if (path == 3) {
						overRest = run(threads, restApplicationNos.size(), i -> {
							String body = json.writeValueAsString(Map.of("businessKey", restApplicationNos.get(i),
									"variables", restVariables(service, restApplicationNos.get(i))));
							return sendExpectingOk(HttpRequest.newBuilder(
									url("/engine-rest/process-definition/key/" + service.processKey() + "/start"))
								.header("Content-Type", "application/json")
								.header("Authorization", DEMO_ADMIN)
								.POST(HttpRequest.BodyPublishers.ofString(body)));
						});
					}
					else if (path == 2) {
						direct = run(threads, PER_ROUND, i -> {
							applications.create(NewApplication.fromPortal(service.code(), new NewApplication.PortalOrigin(
									"bsk", "bench/" + now.toEpochMilli() + "/" + (base + i), Map.of("userid", "1")),
									applicant(), Map.of(), Set.of("applicant.nameEn", "applicant.mobile")));
							return null;
						});
					}
					else if (path == 0) {
						api1 = run(threads, bodies.size(), i -> sendExpectingOk(HttpRequest.newBuilder(url("/bsk/api/initiate"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))));
					}
					else {
						camunda = run(threads, applicationNos.size(), i -> {
							String no = applicationNos.get(i);
							runtime.startProcessInstanceByKey(service.processKey(), no, startVariables(service, serviceNames.of(service), no));
							return null;
						});
					}
				}
				if (measured) {
					api1Rates.add(api1.rate());
					camundaRates.add(camunda.rate());
					api1Latencies.addAll(api1.latencies());
					camundaLatencies.addAll(camunda.latencies());
					serviceRates.add(direct.rate());
					serviceLatencies.addAll(direct.latencies());
					restRates.add(overRest.rate());
					restLatencies.addAll(overRest.latencies());
					floorRates.add(floor.rate());
					floorLatencies.addAll(floor.latencies());
				}
			}
			System.out.printf("BSK API-1, %d client thread(s), %d a round, medians of %d rounds: API-1 over HTTP %.0f/s "
					+ "(p50 %.1f ms, p99 %.1f ms); Camunda start alone %.0f/s (p50 %.1f ms, p99 %.1f ms); "
					+ "API-1 / Camunda throughput %.2f, p99 ratio %.2f%n", threads, PER_ROUND, ROUNDS, median(api1Rates),
					percentile(api1Latencies, 50), percentile(api1Latencies, 99), median(camundaRates),
					percentile(camundaLatencies, 50), percentile(camundaLatencies, 99),
					median(api1Rates) / median(camundaRates),
					percentile(api1Latencies, 99) / percentile(camundaLatencies, 99));
			System.out.printf("  ApplicationService.create in-process (no HTTP, envelope, DEO check, hand-over or audit) "
					+ "%.0f/s (p50 %.1f ms, p99 %.1f ms)%n", median(serviceRates), percentile(serviceLatencies, 50),
					percentile(serviceLatencies, 99));
			System.out.printf("  Camunda start through its REST API %.0f/s (p50 %.1f ms, p99 %.1f ms); API-1 / REST start "
					+ "throughput %.2f%n", median(restRates), percentile(restLatencies, 50), percentile(restLatencies, 99),
					median(api1Rates) / median(restRates));
			System.out.printf("  Liveness probe over HTTP, the same server's floor %.0f/s (p50 %.1f ms, p99 %.1f ms)%n",
					median(floorRates), percentile(floorLatencies, 50), percentile(floorLatencies, 99));
		}
	}

	/** Sends over the benchmark's HTTP client; anything but 200 stops the run, since it would measure a refusal. */
	private Void sendExpectingOk(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return null;
	}

	static final String DEMO_ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

	/** The same variables in the REST API's typed form: value, type and whether it is transient. */
	private Map<String, Object> restVariables(ServiceDefinition service, String no) {
		VariableMap variables = startVariables(service, serviceNames.of(service), no);
		Map<String, Object> rest = new LinkedHashMap<>();
		for (String name : variables.keySet()) {
			TypedValue typed = variables.getValueTyped(name);
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("value", typed.getValue());
			// An untyped value has no type: the REST API then takes the JSON value's own, as the Java API does.
			if (typed.getType() != null) {
				value.put("type", typed.getType().getName());
			}
			value.put("valueInfo", Map.of("transient", typed.isTransient()));
			rest.put(name, value);
		}
		return rest;
	}

}
