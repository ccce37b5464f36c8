package org.sevahub.delivery.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SevaHub as its own JVM, from the packaged jar, against a given database: what an operator runs, so a test can
 * kill it with SIGKILL the way a machine dies.
 */
public final class SevaHubProcess implements AutoCloseable {

	public final int port;

	public final String name;

	private final Process process;

	private SevaHubProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	public static SevaHubProcess start(String name, String databaseUrl, String webhookUrl, String... extra)
			throws Exception {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--sevahub.portals.webhook.url=" + webhookUrl,
				// A dead node's messages and jobs are taken over after seconds, not the production minute; long
				// enough that a live node starved of CPU on a busy machine does not lose its lease mid-send.
				"--sevahub.delivery.lease=15s", "--camunda.bpm.job-execution.lock-time-in-millis=15000",
				"--sevahub.delivery.poll-interval=50ms", "--logging.level.root=WARN",
				// These count the portals' messages; citizens' SMS would be queued beside them.
				"--sevahub.notify.enabled=false"));
		arguments.addAll(List.of(extra));
		return launch(name, freePort(), arguments, Map.of());
	}

	/** The jar with these arguments and environment variables on {@code port}; returns once it reports UP. */
	public static SevaHubProcess launch(String name, int port, List<String> arguments, Map<String, String> environment)
			throws Exception {
		// C1 alone: two or three nodes start beside the test's own JVM on the build machine's two cores, and C2's
		// compiling at start is what they wait for (the jar started in 14.5 and 15.0 s so, 21.3 and 18.1 s with both
		// compilers, alternating on this machine). The tests check what the nodes do, never how fast; the load test,
		// which measures them, starts its nodes with the default compilers (launchJava).
		List<String> java = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
				jar().toString(), "--server.port=" + port));
		java.addAll(arguments);
		return launchJava(name, port, java, environment);
	}

	/** A JVM with these arguments (options, then a jar or main class and its arguments) serving on {@code port}. */
	public static SevaHubProcess launchJava(String name, int port, List<String> javaArguments,
			Map<String, String> environment) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(javaArguments);
		Path log = Path.of("target", "it-logs", name + ".log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		SevaHubProcess node = new SevaHubProcess(name, port, builder.start());
		node.awaitHealthy(Duration.ofSeconds(180));
		return node;
	}

	/** The packaged jar, as an operator runs it. */
	public static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("sevahub-.*\\.jar"))
				.filter(p -> !p.toString().endsWith(".original"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"));
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** SIGKILL: no shutdown hooks, no flushing, leases and job locks left behind. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM, as systemd stops a unit: the node drains and shuts down gracefully. */
	public void stop() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			process.waitFor();
		}
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** The operating system's view of the node: the load test reads its CPU time. */
	public ProcessHandle handle() {
		return process.toHandle();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private void awaitHealthy(Duration within) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(within);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited during start; see target/it-logs/" + name + ".log");
			}
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " did not become healthy within " + within);
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
