package org.sevahub.portal.bsk;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.AfterEach;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle;
import org.sevahub.application.ServiceNameOnTasks;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the BSK API-1 benchmarks share: a frozen clock of the run's own, active DEOs, signed API-1 envelopes and bare
 * application rows made before the clock starts, the variables SevaHub starts the process with, and timing a path
 * with some client threads (a rate, and every request's latency).
 */
abstract class BskBenchmarkSupport {

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
	ServiceNameOnTasks serviceNames;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final AtomicInteger sequence = new AtomicInteger();

	Instant now;

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	/** A frozen clock of the run's own, {@code years} ahead, so every ticket is fresh and none was used before. */
	void freezeClock(int years) {
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().plusYears(years)
			.plusMinutes(System.nanoTime() % 500_000)
			.toInstant()));
		now = EngineClock.now();
	}

	/** {@value #DEOS} DEOs the sandbox BSK answers as active, new to this run, numbered from {@code base}. */
	List<Long> activeDeos(long base) {
		List<Long> deos = new ArrayList<>();
		for (int i = 0; i < DEOS; i++) {
			long deo = base + (System.nanoTime() % 100_000_000L) * 10 + i;
			rest.put("/sandbox/records/bsk/deos/" + deo + "?status=1", null);
			deos.add(deo);
		}
		return deos;
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** The variables SevaHub starts the process with; the service's name as the installation writes it on tasks. */
	static VariableMap startVariables(ServiceDefinition service, String serviceName, String no) {
		return Variables.createVariables()
			.putValue(Lifecycle.Variables.APPLICATION_NO, no)
			.putValue(Lifecycle.Variables.SERVICE_CODE, service.code())
			.putValue(Lifecycle.Variables.SERVICE_NAME, serviceName)
			.putValue(Lifecycle.Variables.APPLICANT_NAME, "Arindam Ray")
			.putValue(Lifecycle.Variables.CHANNEL, "bsk")
			.putValue(Lifecycle.Variables.FEE_PAYABLE, service.hasFee())
			.putValue(Lifecycle.Variables.FEE_AMOUNT, service.fee().toPlainString())
			.putValue(Lifecycle.Variables.BREACH_ACTION, service.breachAction())
			.putValueTyped(ApplicationService.ACTOR, Variables.stringValue("portal:bsk", true));
	}

	/** Signed API-1 envelopes, each a fresh (DEO, ticketNo) within the window, made before the clock starts. */
	List<String> api1Bodies(List<Long> deos) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < PER_ROUND; i++) {
			int k = sequence.getAndIncrement();
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("userid", deos.get(k % DEOS));
			claims.put("ticketNo", Long.parseLong(BskTicket.FORMAT.format(now.minusSeconds(k / DEOS).atZone(IST))));
			claims.putAll(BskRefusalsTest.citizen("Arindam Ray"));
			bodies.add(json.writeValueAsString(Map.of("passcode", BskRefusalsTest.PASSCODE, "token",
					BskRefusalsTest.hs256(claims, BskRefusalsTest.SECRET))));
		}
		return bodies;
	}

	/** Application rows without a process, for the plain start to run on. */
	List<String> bareApplications(ServiceDefinition service) {
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

	/** Runs {@code count} calls on {@code threads} client threads, each taking the next index. */
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
