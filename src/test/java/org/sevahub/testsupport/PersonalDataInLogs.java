package org.sevahub.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * No Aadhaar or mobile number in any log line, over the whole test run. When the run starts, this collects
 * every Aadhaar-like and mobile-like number the tests' fixtures use (the test sources and the sandbox's data)
 * and puts itself between the JVM's standard streams and whatever writes to them, which is where every log
 * line goes (Logback's console appender). Each line written is checked; as a JUnit extension (registered for
 * every test class through META-INF/services) it fails the test during which a line named a fixture's number,
 * with that line (masked) in the failure.
 */
public class PersonalDataInLogs implements LauncherSessionListener, AfterEachCallback, AfterAllCallback {

	/** Aadhaar-like (12 digits, not starting 0/1) and mobile-like (10 digits from 6) runs in a literal. */
	private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])([2-9]\\d{11}|[6-9]\\d{9})(?![\\d.])");

	private static final Set<String> FIXTURES = new LinkedHashSet<>();

	private static final List<String> FOUND = new ArrayList<>();

	private static Pattern fixtures;

	private static boolean installed;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		install();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		failOnFindings(context.getDisplayName());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		failOnFindings(context.getDisplayName());
	}

	/** The fixture numbers found, for a test that wants to see the scan is armed. */
	public static synchronized Set<String> fixtures() {
		install();
		return Set.copyOf(FIXTURES);
	}

	/** Lines with a fixture's number written since the last check, masked; the list is emptied. */
	public static synchronized List<String> drain() {
		List<String> found = new ArrayList<>(FOUND);
		FOUND.clear();
		return found;
	}

	private static void failOnFindings(String where) {
		List<String> found = drain();
		if (!found.isEmpty()) {
			throw new AssertionError("Log output during " + where + " named a test fixture's Aadhaar or mobile number"
					+ " in clear (" + found.size() + " lines), e.g.:\n" + String.join("\n", found.subList(0, Math.min(5, found.size()))));
		}
	}

	static synchronized void install() {
		if (installed) {
			return;
		}
		installed = true;
		collect(Path.of("src", "test", "java"));
		collect(Path.of("src", "main", "resources"));
		if (FIXTURES.isEmpty()) {
			return;
		}
		List<String> alternatives = new ArrayList<>();
		for (String number : FIXTURES) {
			alternatives.add(number.length() == 12
					? number.substring(0, 4) + "[ -]?" + number.substring(4, 8) + "[ -]?" + number.substring(8) : number);
		}
		fixtures = Pattern.compile("(?<!\\d)(?:" + String.join("|", alternatives) + ")(?!\\d)");
		System.setOut(new PrintStream(new Scanning(System.out), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new Scanning(System.err), true, StandardCharsets.UTF_8));
	}

	private static void collect(Path root) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			files.filter(Files::isRegularFile)
				.filter(file -> file.toString().matches(".*\\.(java|yml|yaml|sql|json|properties)$"))
				.forEach(PersonalDataInLogs::collectFrom);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collectFrom(Path file) {
		try {
			Matcher matcher = NUMBER.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (matcher.find()) {
				FIXTURES.add(matcher.group(1));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// Not text: no fixture in it.
		}
	}

	private static synchronized void found(String line) {
		FOUND.add(org.sevahub.application.AuditTrail.redact(line));
	}

	/** Passes everything on unchanged, and checks each line once it is complete. */
	private static final class Scanning extends OutputStream {

		private final PrintStream target;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		Scanning(PrintStream target) {
			this.target = target;
		}

		@Override
		public synchronized void write(int b) {
			target.write(b);
			if (b == '\n') {
				check();
			}
			else if (line.size() < 1 << 20) {
				line.write(b);
			}
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			target.write(bytes, offset, length);
			for (int i = offset; i < offset + length; i++) {
				if (bytes[i] == '\n') {
					check();
				}
				else if (line.size() < 1 << 20) {
					line.write(bytes[i]);
				}
			}
		}

		@Override
		public void flush() {
			target.flush();
		}

		private void check() {
			String text = line.toString(StandardCharsets.UTF_8);
			line.reset();
			if (fixtures.matcher(text).find()) {
				found(text);
			}
		}

	}

}
