package org.sevahub.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Debian's HAProxy with the repository's own configuration (deploy/haproxy/haproxy.cfg) in front of two nodes. */
final class Balancer implements AutoCloseable {

	static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

	static final Path CONFIG = Path.of("deploy", "haproxy", "haproxy.cfg");

	final int port;

	private final Process process;

	private Balancer(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	static Balancer start(int port, int node1, int node2) throws Exception {
		if (!Files.isExecutable(HAPROXY)) {
			throw new IllegalStateException(HAPROXY + " is missing: apt-get install haproxy (.ci/run does)");
		}
		Path log = Path.of("target", "it-logs", "haproxy.log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", CONFIG.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("SEVAHUB_LB_BIND", "127.0.0.1:" + port);
		builder.environment().put("SEVAHUB_NODE1", "127.0.0.1:" + node1);
		builder.environment().put("SEVAHUB_NODE2", "127.0.0.1:" + node2);
		return new Balancer(port, builder.start());
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	/** Waits until both servers have answered through the balancer (each is in rotation). */
	void awaitNodes(Set<String> names, Duration within) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Set<String> seen = new HashSet<>();
		Instant deadline = Instant.now().plus(within);
		while (!seen.containsAll(names)) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Only " + seen + " of " + names + " answered through HAProxy; see "
						+ "target/it-logs/haproxy.log");
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("HAProxy exited; see target/it-logs/haproxy.log");
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				response.headers().firstValue("X-SevaHub-Node").filter(n -> response.statusCode() == 200).ifPresent(seen::add);
			}
			catch (java.io.IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		process.waitFor();
	}

}
