package org.sevahub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surefire runs classes named *Test or *Tests, Failsafe *IT, the bench profile *Benchmark: a class of tests named
 * otherwise is compiled and silently never run (the roll-up's property test was, for a day).
 */
class TestClassNamesTest {

	private static final Pattern DECLARES_TESTS = Pattern.compile("^\\s*@(Test|Property|Example|ParameterizedTest)\\b",
			Pattern.MULTILINE);

	@Test
	void everyClassWithTestsHasANameTheBuildRuns() throws IOException {
		List<String> unnamed;
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			unnamed = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.getFileName().toString().matches(".*(Test|Tests|IT|Benchmark)\\.java"))
				.filter(TestClassNamesTest::declaresTests)
				.map(Path::toString)
				.toList();
		}
		assertThat(unnamed).as("classes with tests that no plugin runs").isEmpty();
	}

	@Test
	void theCheckSeesATestAnnotation() {
		assertThat(DECLARES_TESTS.matcher("class X {\n\t@Test\n\tvoid y() {}\n}").find()).isTrue();
		assertThat(DECLARES_TESTS.matcher("// mentions @Test in a comment\nclass X {}").find()).isFalse();
	}

	private static boolean declaresTests(Path file) {
		try {
			return DECLARES_TESTS.matcher(Files.readString(file)).find();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
