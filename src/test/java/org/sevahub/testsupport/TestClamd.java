package org.sevahub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real ClamAV daemon for the tests: Debian's {@code clamd} ({@code apt-get install clamav-daemon}; {@code .ci/run}
 * installs it), started once per test JVM on a free loopback port with the tests' own signatures
 * ({@code src/test/resources/clamd/sevahub-test.ndb}, since none can be downloaded here), and stopped with the
 * JVM. Its port goes to {@code sevahub.documents.clamd.port}, which the test profile's clamd scanner reads.
 * Without the binary nothing starts: every upload is then refused as "scanner unavailable", and tests that need
 * clamd fail at {@link #requireRunning()} with how to install it, as the browser tests do without Chromium.
 */
public class TestClamd implements LauncherSessionListener {

	static final String BINARY = "/usr/sbin/clamd";

	private static volatile Process clamd;

	private static volatile String problem;

	private static volatile int port;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (clamd != null) {
			return;
		}
		if (!Files.isExecutable(Path.of(BINARY))) {
			problem = BINARY + " is missing: apt-get install clamav-daemon (.ci/run installs it)";
			return;
		}
		try {
			start();
		}
		catch (IOException | InterruptedException ex) {
			problem = "clamd did not start: " + ex.getMessage();
		}
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		stop();
	}

	private static synchronized void start() throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("sevahub-clamd");
		try (InputStream signatures = TestClamd.class.getResourceAsStream("/clamd/sevahub-test.ndb")) {
			Files.copy(signatures, dir.resolve("sevahub-test.ndb"));
		}
		port = freePort();
		Files.writeString(dir.resolve("clamd.conf"), String.join("\n", "DatabaseDirectory " + dir,
				"TCPSocket " + port, "TCPAddr 127.0.0.1", "Foreground yes", "LogFile " + dir.resolve("clamd.log"),
				"StreamMaxLength 30M", "MaxThreads 4", ""));
		Process process = new ProcessBuilder(BINARY, "--config-file=" + dir.resolve("clamd.conf"))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("clamd.out").toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(TestClamd::stop));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!answersPing()) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				process.destroyForcibly();
				throw new IOException("no answer on 127.0.0.1:" + port + "; see " + dir.resolve("clamd.out"));
			}
			Thread.sleep(100);
		}
		clamd = process;
		System.setProperty("sevahub.documents.clamd.host", "127.0.0.1");
		System.setProperty("sevahub.documents.clamd.port", String.valueOf(port));
	}

	private static synchronized void stop() {
		Process process = clamd;
		clamd = null;
		if (process != null) {
			process.destroy();
		}
	}

	/** Fails the calling test, with how to fix it, unless clamd runs. */
	public static void requireRunning() {
		assertThat(problem).as("clamd for the tests").isNull();
		assertThat(clamd != null && clamd.isAlive()).as("clamd started by TestClamd answers on 127.0.0.1:" + port)
			.isTrue();
	}

	public static int port() {
		return port;
	}

	private static boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII).equals("PONG\0");
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
