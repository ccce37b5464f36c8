package org.sevahub.portal.bsk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle;
import org.sevahub.application.NewApplication;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.testsupport.SevaHubBenchmark;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;

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
class BskInitiationBenchmark {

	static final int ROUNDS = 5;

	static final int PER_ROUND = 200;

	static final int DEOS = 8;

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ApplicationRepository repository;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	ApplicationService applications;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final AtomicInteger sequence = new AtomicInteger();

	Instant now;

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void api1AgainstAPlainCamundaStart() throws Exception {
		// A frozen clock of this run's own, so every ticket is fresh and none was used by an earlier run.
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(40).plusMinutes(System.nanoTime() % 500_000)
			.toInstant()));
		now = EngineClock.now();
		List<Long> deos = new ArrayList<>();
		for (int i = 0; i < DEOS; i++) {
			long deo = 7000000000L + (System.nanoTime() % 100_000_000L) * 10 + i;
			rest.put("/sandbox/records/bsk/deos/" + deo + "?status=1", null);
			deos.add(deo);
		}
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
							runtime.startProcessInstanceByKey(service.processKey(), no, startVariables(service, no));
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

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
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

	/** The variables SevaHub starts the process with. */
	static VariableMap startVariables(ServiceDefinition service, String no) {
		return Variables.createVariables()
			.putValue(Lifecycle.Variables.APPLICATION_NO, no)
			.putValue(Lifecycle.Variables.SERVICE_CODE, service.code())
			.putValue(Lifecycle.Variables.SERVICE_NAME, service.nameEn())
			.putValue(Lifecycle.Variables.APPLICANT_NAME, "Arindam Ray")
			.putValue(Lifecycle.Variables.CHANNEL, "bsk")
			.putValue(Lifecycle.Variables.FEE_PAYABLE, service.hasFee())
			.putValue(Lifecycle.Variables.FEE_AMOUNT, service.fee().toPlainString())
			.putValue(Lifecycle.Variables.BREACH_ACTION, service.breachAction())
			.putValueTyped(ApplicationService.ACTOR, Variables.stringValue("portal:bsk", true));
	}

	/** The same variables in the REST API's typed form: value, type and whether it is transient. */
	private static Map<String, Object> restVariables(ServiceDefinition service, String no) {
		VariableMap variables = startVariables(service, no);
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

	/** Signed API-1 envelopes, each a fresh (DEO, ticketNo) within the window, made before the clock starts. */
	private List<String> api1Bodies(List<Long> deos) throws Exception {
		return api1Bodies(deos, now, sequence, json);
	}

	static List<String> api1Bodies(List<Long> deos, Instant now, AtomicInteger sequence, ObjectMapper json)
			throws Exception {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < PER_ROUND; i++) {
			int k = sequence.getAndIncrement();
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("userid", deos.get(k % DEOS));
			claims.put("ticketNo", Long.parseLong(BskTicket.FORMAT.format(now.minusSeconds(k / DEOS).atZone(IST))));
			claims.put("serviceCode", "AMD/002");
			claims.put("name", "Arindam Ray");
			claims.put("mobile", "9350778824");
			claims.put("email", "arindam.ray@example.in");
			claims.put("gender", "male");
			claims.put("age", 48);
			bodies.add(json.writeValueAsString(Map.of("passcode", BskRefusalsTest.PASSCODE, "token",
					BskRefusalsTest.hs256(claims, BskRefusalsTest.SECRET))));
		}
		return bodies;
	}

	/** Application rows without a process, for the plain start to run on. */
	private List<String> bareApplications(ServiceDefinition service) {
		return bareApplications(service, repository, now);
	}

	static List<String> bareApplications(ServiceDefinition service, ApplicationRepository repository, Instant now) {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < PER_ROUND; i++) {
			String no = "BN" + Long.toString(System.nanoTime(), 36).toUpperCase() + i;
			repository.insert(new Application(null, no, service.code(), null, "bsk", "INITIATED", Map.of(),
					new LinkedHashSet<>(), null, now, now, null, null, null, 0), applicant());
			numbers.add(no);
		}
		return numbers;
	}

	static Applicant applicant() {
		return new Applicant(null, "Arindam Ray", null, null, null, "M", null, "9350778824", "arindam.ray@example.in",
				null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	interface Call {

		Void call(int index) throws Exception;

	}

	record Timed(double rate, List<Long> latencies) {
	}

	static Timed run(int threads, int count, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		List<Future<Void>> workers = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit((Callable<Void>) () -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long start = System.nanoTime();
					call.call(i);
					latencies.add(System.nanoTime() - start);
				}
				return null;
			}));
		}
		for (Future<Void> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		return new Timed(count / seconds, latencies);
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
