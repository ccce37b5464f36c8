package org.sevahub.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sevahub.delivery.cluster.LifecycleDriver;
import org.sevahub.delivery.cluster.OrderCheck;
import org.sevahub.delivery.cluster.RecordingReceiver;
import org.sevahub.delivery.cluster.ScratchDatabase;
import org.sevahub.delivery.cluster.SevaHubProcess;
import org.sevahub.testsupport.TestDocuments;
import org.sevahub.testsupport.CitizenLogin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two SevaHub JVMs on one PostgreSQL behind Debian's HAProxy with the repository's configuration, citizens
 * applying and an assistant signed in to Tasklist throughout. One node is stopped gracefully and started again
 * under load: not one request fails (the health check takes it out while it drains and while it starts, in-flight
 * requests finish, its claimed deliveries go back at once). Then the other node is killed with SIGKILL: requests
 * it had in flight may fail, but every request that was answered holds, every answered application reaches its
 * department MIS with all its statuses in order, and the assistant's Tasklist session carries on, on the
 * surviving node.
 */
class BalancedNodesIT {

	static final String SECRET = "sandbox-webhook-secret-not-for-production";

	static final List<String> LIFECYCLE = LifecycleDriver.LIFECYCLE;

	@Test
	void aNodeDrainedOrKilledLosesNoAnsweredRequestNoStatusAndNoOfficerSession() throws Exception {
		try (ScratchDatabase database = new ScratchDatabase(); RecordingReceiver mis = new RecordingReceiver(SECRET, 5)) {
			int portA = SevaHubProcess.freePort();
			int portB = SevaHubProcess.freePort();
			// Declared outside the try so a node that started is stopped even when the other one failed to start.
			SevaHubProcess a = null;
			SevaHubProcess b = null;
			try {
				a = node("balanced-a", portA, database, mis);
				b = node("balanced-b", portB, database, mis);
				try (Balancer balancer = Balancer.start(SevaHubProcess.freePort(), portA, portB);
						Citizens citizens = new Citizens(balancer.url())) {
					balancer.awaitNodes(Set.of("node1", "node2"), Duration.ofSeconds(30));
					anonymousVisitorsKeepNoServerSession(balancer.url(), database);

					TasklistSession assistant = new TasklistSession(balancer.url());
					assistant.signIn("assistant", "assistant");
					assertThat(signedInOn(assistant, 10)).as("one login, answered by both nodes").containsExactlyInAnyOrder("node1", "node2");

					citizens.start(3);
					Thread.sleep(4000);
					b.stop();
					b = node("balanced-b", portB, database, mis);
					balancer.awaitNodes(Set.of("node1", "node2"), Duration.ofSeconds(30));
					Thread.sleep(2000);
					int answeredBeforeKill = citizens.answered();
					assertThat(citizens.failures()).as("requests failed while a node drained, stopped and started: %s",
							citizens.failureSamples()).isZero();
					assertThat(database.count("SELECT COALESCE(SUM(takeovers), 0) FROM delivery"))
						.as("deliveries the stopped node had claimed went back at once, none waited for its lease").isZero();
					assertThat(signedInOn(assistant, 6)).containsExactlyInAnyOrder("node1", "node2");

					a.kill();
					Thread.sleep(8000);
					citizens.stop();
					System.out.printf("Balanced nodes: %d requests answered before the kill, %d after, %d failed at the kill%n",
							answeredBeforeKill, citizens.answered() - answeredBeforeKill, citizens.failures());

					TasklistSession.Answer me = assistant.whoAmI();
					assertThat(me.status()).isEqualTo(200);
					assertThat(me.body().get("userId").asText()).isEqualTo("assistant");
					assertThat(me.node()).isEqualTo("node2");

					List<String> submitted = citizens.submitted();
					assertThat(submitted).hasSizeGreaterThan(20);
					int verified = completeAll(() -> assistant.tasks("Task_VerifyApplication"),
							id -> assistant.complete(id, "forward"));
					int decided = completeAll(() -> citizens.engineTasks("officer", "Task_Decide"),
							id -> citizens.completeEngineTask("officer", id, "approve"));
					assertThat(verified).isGreaterThanOrEqualTo(submitted.size());
					assertThat(decided).isGreaterThanOrEqualTo(submitted.size());

					Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
					while (!everyStatusArrived(mis, submitted) && Instant.now().isBefore(deadline)) {
						Thread.sleep(500);
					}
					OrderCheck.everyApplicationInOrder(mis, submitted);
					for (String no : submitted) {
						assertThat(statuses(database, no)).as(no).isEqualTo(LIFECYCLE);
					}
					for (String no : citizens.created()) {
						assertThat(database.count("SELECT COUNT(*) FROM application WHERE application_no = '" + no + "'"))
							.as("answered creation of %s", no).isEqualTo(1);
					}
				}
			}
			finally {
				if (a != null) {
					a.close();
				}
				if (b != null) {
					b.close();
				}
			}
		}
	}

	/**
	 * A stranger reading the public and sign-in pages costs no row in the shared session table: the CSRF token
	 * travels in a cookie, so only officers and admins who sign in hold a server session.
	 */
	private static void anonymousVisitorsKeepNoServerSession(String baseUrl, ScratchDatabase database) throws Exception {
		long before = database.count("SELECT COUNT(*) FROM spring_session");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String page : List.of("/", "/citizen/sign-in", "/track")) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + page))
				.timeout(Duration.ofSeconds(20)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			List<String> cookies = answer.headers().allValues("Set-Cookie");
			assertThat(cookies).as("cookies set by %s", page).noneMatch(c -> c.startsWith("SEVAHUB_SESSION="));
			if (page.equals("/citizen/sign-in")) {
				assertThat(cookies).as("the sign-in form's CSRF token").anyMatch(c -> c.startsWith("XSRF-TOKEN="));
			}
		}
		assertThat(database.count("SELECT COUNT(*) FROM spring_session")).as("session rows").isEqualTo(before);
	}

	private static SevaHubProcess node(String name, int port, ScratchDatabase database, RecordingReceiver mis)
			throws Exception {
		return SevaHubProcess.launch(name, port, List.of("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--sevahub.portals.webhook.url=" + mis.url(), "--sevahub.delivery.lease=5s",
				"--camunda.bpm.job-execution.lock-time-in-millis=5000", "--sevahub.delivery.poll-interval=100ms",
				"--sevahub.shutdown.drain=5s", "--logging.level.root=WARN"), Map.of());
	}

	/** The nodes that answered the session's "who am I" as the assistant, over {@code tries} requests. */
	private static Set<String> signedInOn(TasklistSession session, int tries) throws Exception {
		Set<String> nodes = new HashSet<>();
		for (int i = 0; i < tries; i++) {
			TasklistSession.Answer me = session.whoAmI();
			assertThat(me.status()).as("who am I, from %s", me.node()).isEqualTo(200);
			assertThat(me.body().get("userId").asText()).isEqualTo("assistant");
			nodes.add(me.node());
		}
		return nodes;
	}

	interface TaskList {
		TasklistSession.Answer get() throws Exception;
	}

	interface Completion {
		TasklistSession.Answer complete(String taskId) throws Exception;
	}

	private static int completeAll(TaskList list, Completion completion) throws Exception {
		int completed = 0;
		for (int round = 0; round < 200; round++) {
			TasklistSession.Answer tasks = list.get();
			assertThat(tasks.status()).isEqualTo(200);
			if (tasks.body().isEmpty()) {
				return completed;
			}
			for (JsonNode task : tasks.body()) {
				TasklistSession.Answer done = completion.complete(task.get("id").asText());
				assertThat(done.status()).as("completing %s: %s", task.get("id"), done.body()).isEqualTo(204);
				completed++;
			}
		}
		return completed;
	}

	private static boolean everyStatusArrived(RecordingReceiver mis, List<String> applications) {
		return applications.stream().allMatch(no -> {
			List<RecordingReceiver.Received> got = mis.byApplication().get(no);
			return got != null && got.size() >= LIFECYCLE.size();
		});
	}

	private static List<String> statuses(ScratchDatabase database, String no) throws Exception {
		List<String> statuses = new ArrayList<>();
		try (var c = database.connect(); var s = c.prepareStatement("""
				SELECT h.status FROM status_history h JOIN application a ON a.id = h.application_id
				WHERE a.application_no = ? ORDER BY h.id""")) {
			s.setString(1, no);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					statuses.add(rs.getString(1));
				}
			}
		}
		return statuses;
	}

	/**
	 * Citizens applying through the balancer on a few threads: create, then submit (a citizen whose submit got no
	 * answer submits again; a second submit changes nothing). Every request's outcome is counted.
	 */
	static final class Citizens implements AutoCloseable {

		private final String baseUrl;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final ObjectMapper json = new ObjectMapper();

		private final Set<String> created = ConcurrentHashMap.newKeySet();

		private final Set<String> submitted = ConcurrentHashMap.newKeySet();

		private final AtomicInteger answered = new AtomicInteger();

		private static final String CITIZEN_MOBILE = "9830000000";

		private final AtomicInteger failures = new AtomicInteger();

		private final List<String> failureSamples = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean();

		private final AtomicInteger serial = new AtomicInteger();

		private ExecutorService threads;

		Citizens(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		void start(int count) {
			running.set(true);
			threads = Executors.newFixedThreadPool(count);
			for (int i = 0; i < count; i++) {
				threads.submit(this::apply);
			}
		}

		void stop() throws InterruptedException {
			running.set(false);
			threads.shutdown();
			threads.awaitTermination(2, TimeUnit.MINUTES);
		}

		private Void apply() {
			while (running.get()) {
				int n = serial.incrementAndGet();
				JsonNode app = call("POST", "/api/v1/applications", """
						{"serviceCode": "BIRTH-CERT",
						 "applicant": {"nameEn": "Citizen %s", "mobile": "9830000000", "address": "Ward %d",
						               "district": "Kolkata", "pincode": "700001"},
						 "data": {"childName": "Child %s", "childGender": "F", "childDateOfBirth": "2026-10-01",
						          "placeOfBirth": "SSKM Hospital", "fatherName": "F", "motherName": "M",
						          "relation": "parent"}}""".formatted(LifecycleDriver.letters(n), n, LifecycleDriver.letters(n)), null, 201);
				if (app == null) {
					continue;
				}
				String no = app.get("applicationNo").asText();
				created.add(no);
				// The hospital's birth report the service needs, sent until answered like the submission below.
				for (int attempt = 0; attempt < 10; attempt++) {
					if (sendBirthReport(no) != null) {
						break;
					}
				}
				// The citizen submits until answered: the kill may swallow one answer.
				for (int attempt = 0; attempt < 10; attempt++) {
					if (call("POST", "/api/v1/applications/" + no + "/submit", "{}", null, 200) != null) {
						submitted.add(no);
						break;
					}
				}
				try {
					// A citizen's pace, not a benchmark's: enough traffic to be in flight at every moment, few
					// enough applications that the officers' work afterwards stays short.
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					return null;
				}
			}
			return null;
		}

		TasklistSession.Answer engineTasks(String user, String key) {
			JsonNode tasks = call("GET", "/engine-rest/task?taskDefinitionKey=" + key + "&maxResults=50", null, user, 200);
			return new TasklistSession.Answer(tasks == null ? 500 : 200, "?", tasks);
		}

		TasklistSession.Answer completeEngineTask(String user, String id, String decision) {
			JsonNode done = call("POST", "/engine-rest/task/" + id + "/complete",
					"{\"variables\": {\"decision\": {\"value\": \"" + decision + "\"}}}", user, 204);
			return new TasklistSession.Answer(done == null ? 500 : 204, "?", done);
		}

		/** The answer's body (an empty object for 204), or null when the request failed or got another status. */
		private JsonNode sendBirthReport(String no) {
			String boundary = "----balanced" + no;
			return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/applications/" + no + "/documents/birth-report"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Authorization", "Bearer " + CitizenLogin.token(LifecycleDriver.CITIZEN_KEY, CITIZEN_MOBILE))
				.POST(HttpRequest.BodyPublishers.ofByteArray(TestDocuments.multipart(boundary, "file",
						"birth-report.pdf", "application/pdf", TestDocuments.pdf("Birth report " + no)))),
					"POST", "/api/v1/applications/" + no + "/documents/birth-report", 201);
		}

		private JsonNode call(String method, String path, String body, String user, int expected) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body));
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
			}
			else if (path.startsWith("/api/v1/")) {
				// The citizen who owns the applications, signed in (a session token as SevaHub's default profile signs).
				request.header("Authorization", "Bearer " + CitizenLogin.token(LifecycleDriver.CITIZEN_KEY, CITIZEN_MOBILE));
			}
			return send(request, method, path, expected);
		}

		private JsonNode send(HttpRequest.Builder request, String method, String path, int expected) {
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == expected) {
					answered.incrementAndGet();
					return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
				}
				fail(method + " " + path + ": " + response.statusCode() + " from "
						+ response.headers().firstValue("X-SevaHub-Node").orElse("?") + " " + response.body());
			}
			catch (java.io.IOException ex) {
				fail(method + " " + path + ": " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		}

		private void fail(String what) {
			failures.incrementAndGet();
			if (failureSamples.size() < 5) {
				failureSamples.add(what);
			}
		}

		int answered() {
			return answered.get();
		}

		int failures() {
			return failures.get();
		}

		List<String> failureSamples() {
			return failureSamples;
		}

		List<String> created() {
			return new ArrayList<>(created);
		}

		List<String> submitted() {
			return new ArrayList<>(submitted);
		}

		@Override
		public void close() throws InterruptedException {
			if (threads != null) {
				stop();
			}
		}

	}

}
