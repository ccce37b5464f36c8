import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's time goes in BskInitiationBenchmark's API-1 and REST-start legs, from a flight recording of it:
 *
 * <pre>
 * ./mvnw -B -Pbench test -Dexec.skip -Dtest=BskInitiationBenchmark \
 *   -Dtest.jvm="-XX:FlightRecorderOptions:stackdepth=1024 -XX:StartFlightRecording=filename=target/bsk.jfr,settings=profile"
 * java scripts/Api1Profile.java target/bsk.jfr
 * </pre>
 *
 * The benchmark runs its paths one after another, 200 requests a leg, so a quarter second of samples belongs to the
 * leg whose requests fill it. Shares are of the web threads' samples within a leg; JFR samples a few threads at a
 * time, so counts are compared within a leg, never across legs. The deep stack depth matters: at JFR's default of
 * 64 frames a request's stack loses its controller and every sample looks like the filter chain.
 */
class Api1Profile {

	static final long WINDOW_NANOS = 250_000_000L;

	/** The first of these found anywhere in a sample's stack names the part of the request it was spent in. */
	static final Map<String, String> PARTS = new LinkedHashMap<>();

	static {
		PARTS.put("RuntimeServiceImpl.start", "process start (engine, status and outbox delegates)");
		PARTS.put("ProcessInstantiationBuilderImpl.", "process start (engine, status and outbox delegates)");
		PARTS.put("BskEnvelope.", "BSK envelope: passcode, HS256, claims");
		PARTS.put("AuditTrail.", "audit record");
		PARTS.put("BskHandovers.", "hand-over row");
		PARTS.put("BskDeoCheck.", "DEO check");
		PARTS.put("BskCallers.", "allow-list");
		PARTS.put("ApplicantRepository.", "applicant, application and link rows, number");
		PARTS.put("PortalLinks.", "applicant, application and link rows, number");
		PARTS.put("ApplicationRepository.", "applicant, application and link rows, number");
		PARTS.put("NumberSequences.", "applicant, application and link rows, number");
		PARTS.put("ApplicationService.create", "ApplicationService.create, the rest");
		PARTS.put("BskInitiation.", "BSK fields, digest, transaction");
		PARTS.put("BskApiController.", "BSK controller, the rest");
		PARTS.put("org.camunda.bpm.engine.rest.", "Camunda REST: sign-in, Jersey, JSON variables");
	}

	record Sample(long nanos, String thread, List<String> frames) {

		boolean web() {
			return thread.startsWith("http-nio");
		}

		boolean has(String part) {
			return frames.stream().anyMatch(frame -> frame.contains(part));
		}

	}

	public static void main(String[] args) throws Exception {
		List<Sample> samples = new ArrayList<>();
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<String> frames = new ArrayList<>();
			for (RecordedFrame frame : event.getStackTrace().getFrames()) {
				frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
			}
			Instant at = event.getStartTime();
			samples.add(new Sample(at.getEpochSecond() * 1_000_000_000L + at.getNano(),
					event.getThread("sampledThread").getJavaName(), frames));
		}
		Map<Long, List<Sample>> windows = new TreeMap<>();
		samples.forEach(sample -> windows.computeIfAbsent(sample.nanos() / WINDOW_NANOS, w -> new ArrayList<>()).add(sample));
		Map<String, Map<String, Integer>> legs = new LinkedHashMap<>();
		legs.put("API-1 over HTTP", new TreeMap<>());
		legs.put("process start over Camunda's REST API", new TreeMap<>());
		for (List<Sample> window : windows.values()) {
			String leg = leg(window);
			if (leg == null) {
				continue;
			}
			for (Sample sample : window) {
				if (sample.web()) {
					legs.get(leg).merge(part(sample), 1, Integer::sum);
				}
			}
		}
		legs.forEach((leg, parts) -> {
			int all = parts.values().stream().mapToInt(Integer::intValue).sum();
			System.out.printf("%n%s: %d samples of the web threads%n", leg, all);
			parts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach(part -> System.out.printf("  %5d  %5.1f%%  %s%n", part.getValue(), 100.0 * part.getValue() / all,
						part.getKey()));
		});
	}

	private static String leg(List<Sample> window) {
		long api1 = window.stream().filter(s -> s.web() && s.has("BskApiController.initiate")).count();
		long rest = window.stream().filter(s -> s.web() && s.has("org.camunda.bpm.engine.rest.")).count();
		if (api1 >= 2) {
			return "API-1 over HTTP";
		}
		return rest >= 2 ? "process start over Camunda's REST API" : null;
	}

	private static String part(Sample sample) {
		for (Map.Entry<String, String> part : PARTS.entrySet()) {
			if (sample.has(part.getKey())) {
				return part.getValue();
			}
		}
		return "HTTP: Tomcat, the filters, reading the body and writing the answer";
	}

}
