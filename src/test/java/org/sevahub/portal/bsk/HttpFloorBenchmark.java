package org.sevahub.portal.bsk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.sevahub.application.ServiceNameOnTasks;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.testsupport.SevaHubBenchmark;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What any API reached over HTTP can reach against an in-process start of the same process, on this server and
 * with this benchmark's clients: the ceiling BSK API-1's 0.8× target is measured under. Side by side in one run,
 * rounds rotating the paths: the in-process start ({@code BskInitiationBenchmark}'s "Camunda start alone"); the
 * same start behind a controller that does nothing else ({@code POST /sandbox/records/bench/start}, this class's own, test
 * only), which is API-1 with every one of BSK's checks, rows and records taken away; API-1 itself; and the
 * liveness probe. Each HTTP path twice: through the JDK's {@link HttpClient}, as {@code BskInitiationBenchmark}
 * sends, and through the JDK's blocking {@link HttpURLConnection}, to show how much of the request is the client's,
 * which shares the node's two cores here but runs on the portal's machine in production. Last, the blocking client
 * against the JDK's own {@link HttpServer} answering 200 with nothing behind it: the client and the loopback alone.
 * Run: {@code ./mvnw -Pbench test -Dtest=HttpFloorBenchmark}. Figures: BENCHMARKS.md.
 */
@SevaHubBenchmark
class HttpFloorBenchmark extends BskBenchmarkSupport {

	static final int CLIENTS = 4;

	@Test
	void anHttpStartAgainstAnInProcessStart() throws Exception {
		freezeClock(41);
		List<Long> deos = activeDeos(7100000000L);
		ServiceDefinition service = catalog.get("INCOME-CERT");
		// Without it the JDK's server writes headers and body as two segments and the second waits for the client's
		// delayed acknowledgement: 40 ms a request, a measure of TCP's timers rather than of anything's work.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer empty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		empty.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] ok = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
			exchange.close();
		});
		empty.setExecutor(Executors.newFixedThreadPool(CLIENTS));
		empty.start();
		String[] names = { "in-process start", "start behind a bare controller, JDK HttpClient",
				"start behind a bare controller, HttpURLConnection", "API-1, JDK HttpClient", "API-1, HttpURLConnection",
				"liveness probe, JDK HttpClient", "liveness probe, HttpURLConnection",
				"JDK HttpServer answering 200, HttpURLConnection" };
		Map<String, List<Double>> rates = new LinkedHashMap<>();
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		for (String name : names) {
			rates.put(name, new ArrayList<>());
			latencies.put(name, new ArrayList<>());
		}
		// When each leg ran, so a flight recording of the run can be split by leg.
		List<String> legs = new ArrayList<>();
		try {
			for (int round = 0; round <= ROUNDS; round++) {
				for (int leg = 0; leg < names.length; leg++) {
					int path = (leg + round) % names.length;
					Call call = call(path, service, deos, empty.getAddress().getPort());
					long from = System.currentTimeMillis();
					Timed timed = run(CLIENTS, PER_ROUND, call);
					legs.add(names[path] + "\t" + from + "\t" + System.currentTimeMillis());
					if (round > 0) {
						rates.get(names[path]).add(timed.rate());
						latencies.get(names[path]).addAll(timed.latencies());
					}
				}
			}
		}
		finally {
			empty.stop(0);
		}
		Files.write(Path.of("target", "http-floor-legs.tsv"), legs);
		double start = median(rates.get(names[0]));
		System.out.printf("HTTP floor, %d client threads, %d a round, medians of %d rounds:%n", CLIENTS,
				PER_ROUND, ROUNDS);
		for (String name : names) {
			double rate = median(rates.get(name));
			System.out.printf("  %-52s %6.0f/s (p50 %5.1f ms, p99 %5.1f ms), ÷ in-process start %.2f%n", name, rate,
					percentile(latencies.get(name), 50),
					percentile(latencies.get(name), 99), rate / start);
		}
	}

	/** The path's one request; the bodies and application rows it needs are made before its clock starts. */
	private Call call(int path, ServiceDefinition service, List<Long> deos, int emptyPort)
			throws Exception {
		return switch (path) {
			case 0 -> {
				List<String> numbers = bareApplications(service);
				yield i -> {
					runtime.startProcessInstanceByKey(service.processKey(), numbers.get(i),
							startVariables(service, serviceNames.of(service), numbers.get(i)));
					return null;
				};
			}
			case 1, 2 -> {
				List<String> numbers = bareApplications(service);
				boolean jdk = path == 1;
				yield i -> post(jdk, url("/sandbox/records/bench/start"),
						json.writeValueAsString(Map.of("applicationNo", numbers.get(i))));
			}
			case 3, 4 -> {
				List<String> bodies = api1Bodies(deos);
				boolean jdk = path == 3;
				yield i -> post(jdk, url("/bsk/api/initiate"), bodies.get(i));
			}
			case 5 -> i -> get(true, url("/actuator/health/liveness"));
			case 6 -> i -> get(false, url("/actuator/health/liveness"));
			default -> i -> get(false, URI.create("http://127.0.0.1:" + emptyPort + "/"));
		};
	}

	private Void post(boolean jdk, URI url, String body) throws Exception {
		if (jdk) {
			return expectOk(http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
		}
		HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setRequestProperty("Content-Type", "application/json");
		try (OutputStream out = connection.getOutputStream()) {
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
		return expectOk(connection);
	}

	private Void get(boolean jdk, URI url) throws Exception {
		if (jdk) {
			return expectOk(http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()));
		}
		return expectOk((HttpURLConnection) url.toURL().openConnection());
	}

	/** Anything but 200 stops the run, since it would measure a refusal. */
	private static Void expectOk(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return null;
	}

	/** Reads the whole answer and closes its stream, so the connection goes back to the JDK's keep-alive cache. */
	private static Void expectOk(HttpURLConnection connection) throws IOException {
		int status = connection.getResponseCode();
		try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
			String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (status != 200) {
				throw new IllegalStateException(status + " " + body);
			}
		}
		return null;
	}

	/** API-1 with every one of BSK's checks, rows and records taken away: the start alone, behind HTTP. */
	@TestConfiguration
	static class BareStart {

		@Bean
		BareStartController bareStartController(RuntimeService runtime, ServiceCatalog catalog,
				ServiceNameOnTasks serviceNames) {
			ServiceDefinition service = catalog.get("INCOME-CERT");
			return new BareStartController(runtime, service, serviceNames.of(service));
		}

	}

	@RestController
	record BareStartController(RuntimeService runtime, ServiceDefinition service, String serviceName) {

		@PostMapping(path = "/sandbox/records/bench/start", produces = "application/json")
		Map<String, String> start(@RequestBody Map<String, String> body) {
			String no = body.get("applicationNo");
			runtime.startProcessInstanceByKey(service.processKey(), no, startVariables(service, serviceName, no));
			return Map.of("applicationNo", no);
		}

	}

}
