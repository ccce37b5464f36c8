package org.sevahub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One coverage report for every process over the whole run. camunda-process-test-coverage writes a report per
 * test class, but a process is driven by several (the welfare scheme's registry paths by the DCI tests, say);
 * when the run ends this merges the reports this run wrote into {@code target/process-test-coverage/all/}
 * (the library's own HTML, every test's path) and prints each process's covered share. The library's
 * aggregator Maven plugin would do the same but is not published for this version.
 */
public class ProcessCoverageSummary implements LauncherSessionListener {

	private static final Path REPORTS = Path.of("target", "process-test-coverage");

	private static final Pattern ELEMENT_ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	private Instant started;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		started = Instant.now();
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		List<Path> reports = reportsOfThisRun();
		if (reports.isEmpty()) {
			return;
		}
		ObjectMapper json = new ObjectMapper();
		ObjectNode all = json.createObjectNode();
		ArrayNode suites = all.putArray("suites");
		Map<String, Map<String, List<JsonNode>>> versions = new TreeMap<>();
		try {
			for (Path report : reports) {
				JsonNode node = json.readTree(report.toFile());
				node.get("suites").forEach(suites::add);
				node.get("models").forEach(model -> versions.computeIfAbsent(model.get("key").asText(), k -> new HashMap<>())
					.computeIfAbsent(model.get("xml").asText(), xml -> new ArrayList<>())
					.add(model));
			}
			Map<String, JsonNode> models = new TreeMap<>();
			versions.forEach((key, byXml) -> models.put(key, mostDeployed(byXml)));
			all.putArray("models").addAll(models.values());
			Path dir = Files.createDirectories(REPORTS.resolve("all"));
			String text = json.writeValueAsString(all);
			Files.writeString(dir.resolve("report.json"), text, StandardCharsets.UTF_8);
			Files.writeString(dir.resolve("report.html"), CoverageReportUtil.generateHtml(text), StandardCharsets.UTF_8);
			StringBuilder summary = new StringBuilder("Process coverage, all test classes of this run (flow nodes and sequence flows):");
			models.forEach((key, model) -> {
				int covered = covered(suites, key, elementIds(model.get("xml").asText()));
				int total = model.get("totalElementCount").asInt();
				summary.append(String.format("%n  %-22s %3d of %3d  %5.1f%%", key, covered, total, 100.0 * covered / total));
			});
			Files.writeString(dir.resolve("summary.txt"), summary + System.lineSeparator(), StandardCharsets.UTF_8);
			System.out.println(summary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Elements of the model the runs passed; a variant's extra elements do not count. */
	private static int covered(ArrayNode suites, String modelKey, Set<String> modelElements) {
		Set<String> elements = new HashSet<>();
		for (JsonNode suite : suites) {
			for (JsonNode run : suite.get("runs")) {
				for (JsonNode event : run.get("events")) {
					if (modelKey.equals(event.path("modelKey").asText())
							&& modelElements.contains(event.get("definitionKey").asText())) {
						elements.add(event.get("definitionKey").asText());
					}
				}
			}
		}
		return elements.size();
	}

	/**
	 * The version of a process most test classes deployed: the one in processes/. A test that deploys a variant
	 * under the same key (ProcessVariantTest adds a task) must not stand for the real model.
	 */
	private static JsonNode mostDeployed(Map<String, List<JsonNode>> byXml) {
		return byXml.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow().get(0);
	}

	private static Set<String> elementIds(String bpmn) {
		Set<String> ids = new HashSet<>();
		Matcher id = ELEMENT_ID.matcher(bpmn);
		while (id.find()) {
			ids.add(id.group(1));
		}
		return ids;
	}

	private List<Path> reportsOfThisRun() {
		if (!Files.isDirectory(REPORTS)) {
			return List.of();
		}
		try (Stream<Path> dirs = Files.list(REPORTS)) {
			List<Path> reports = new ArrayList<>();
			for (Path dir : dirs.filter(d -> !d.endsWith("all") && !d.endsWith("static")).toList()) {
				Path report = dir.resolve("report.json");
				if (Files.exists(report) && Files.getLastModifiedTime(report).compareTo(FileTime.from(started)) >= 0) {
					reports.add(report);
				}
			}
			return reports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
