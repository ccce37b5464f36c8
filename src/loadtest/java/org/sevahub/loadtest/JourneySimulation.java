package org.sevahub.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.sevahub.testsupport.TestDocuments;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The citizen's and the officers' journey through SevaHub, end to end, beside bare Camunda driving a process of
 * the same shape (three user tasks, history full) on the same PostgreSQL, in the same run, rounds alternating so
 * the shared machine's noise falls on both alike.
 *
 * <p>SevaHub, per virtual user: citizen sign-in (OTP, session token), create a birth-certificate
 * application, send the hospital's birth report, submit it, the dealing assistant finds and forwards it, the designated officer finds and approves it
 * (engine REST, HTTP Basic, as Tasklist's forms do), the citizen looks at the application once. The job executor
 * then issues, signs and delivers the certificate; the round ends when every application submitted in it is
 * DELIVERED (read from SevaHub's database twice a second), and its rate is the applications delivered over that
 * time. Bare: start, then find and complete three tasks. Besides the rates, each round's CPU time per lifecycle (the
 * node, PostgreSQL, this JVM; {@link CpuTime}) is reported: what a lifecycle costs, whatever the machine's load. Run: {@code ./mvnw -Pload -DskipTests verify}; settings as system properties:
 * {@code load.clients} (4,16), {@code load.rounds} (3), {@code load.seconds} (30), {@code load.warmup} (240), {@code load.rewarm} (60), {@code load.counterparts} (outside: the
 * MIS and the SMS gateway run in this JVM, as in an installation; sandbox: SevaHub's own, inside the node).
 */
public class JourneySimulation extends Simulation {

	static final List<Integer> CLIENTS = Arrays.stream(System.getProperty("load.clients", "4,16").split(","))
		.map(String::strip)
		.map(Integer::valueOf)
		.toList();

	static final int ROUNDS = Integer.getInteger("load.rounds", 3);

	static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("load.seconds", 30));

	/**
	 * The first round of each system at each client count is a warm-up and not counted. The first client count's is
	 * long: flight recordings (BENCHMARKS.md) showed SevaHub's JIT compiler still taking a third of a core after a
	 * 90 s warm-up, and the report's CPU figures count the compiler apart. Once compiled, a JVM stays so; the later
	 * client counts' warm-ups only let the queues settle ({@code load.rewarm}).
	 */
	static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("load.warmup", 240));

	static final Duration REWARM = Duration.ofSeconds(Integer.getInteger("load.rewarm", 60));

	/**
	 * Citizens sign in first (OTP to their mobile, then a bearer token): the application API needs it
	 * (docs/security.md). {@code -Dload.signIn=false} only against a build from before sign-in.
	 */
	static final boolean SIGN_IN = Boolean.parseBoolean(System.getProperty("load.signIn", "true"));

	static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(120);

	private final LoadTestNodes nodes;

	public JourneySimulation() throws Exception {
		nodes = new LoadTestNodes();
		HttpProtocolBuilder sevahub = http.baseUrl("http://127.0.0.1:" + nodes.sevahubPort)
			.contentTypeHeader("application/json")
			.acceptHeader("application/json");
		HttpProtocolBuilder bare = http.baseUrl("http://127.0.0.1:" + nodes.barePort)
			.contentTypeHeader("application/json")
			.acceptHeader("application/json");

		// Warm-up rounds (not counted), then the measured rounds, SevaHub and bare alternating.
		List<PopulationBuilder> sequence = new ArrayList<>();
		for (int clients : CLIENTS) {
			for (int round = 0; round <= ROUNDS; round++) {
				Duration length = round > 0 ? ROUND : clients == CLIENTS.get(0) ? WARM_UP : REWARM;
				String name = Rounds.name("sevahub", clients, round);
				sequence.add(scenario(name).exec(sevahubJourney(name))
					.injectClosed(constantConcurrentUsers(clients).during(length))
					.protocols(sevahub));
				sequence.add(scenario(name + "-delivered").exec(awaitDelivered(name)).injectOpen(atOnceUsers(1))
					.protocols(sevahub));
				sequence.add(scenario(Rounds.name("bare", clients, round)).exec(bareLifecycle(Rounds.name("bare", clients, round)))
					.injectClosed(constantConcurrentUsers(clients).during(length))
					.protocols(bare));
			}
		}
		PopulationBuilder chain = sequence.get(sequence.size() - 1);
		for (int i = sequence.size() - 2; i >= 0; i--) {
			chain = sequence.get(i).andThen(chain);
		}
		setUp(chain);
	}

	@Override
	public void before() {
		try {
			nodes.start();
		}
		catch (Exception ex) {
			try {
				nodes.close();
			}
			catch (Exception cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new IllegalStateException("Could not start the nodes under test (see target/it-logs/)", ex);
		}
	}

	@Override
	public void after() {
		try {
			Rounds.report(CLIENTS, ROUNDS,
					nodes.databaseWork(Rounds.completedBy("sevahub"), Rounds.completedBy("bare")));
		}
		catch (Exception ex) {
			ex.printStackTrace();
		}
		try {
			nodes.close();
		}
		catch (Exception ex) {
			ex.printStackTrace();
		}
	}

	static final byte[] BIRTH_REPORT = TestDocuments.pdf("Hospital birth report");

	ChainBuilder sevahubJourney(String round) {
		return exec(session -> {
			Rounds.started(round);
			return session.set("mobile", "98" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000)))
				.set("n", ThreadLocalRandom.current().nextInt(1_000_000))
				.set("token", "");
		}).exec(SIGN_IN ? citizenSignIn(nodes.counterparts) : exec(session -> session))
			.exec(http("create").post("/api/v1/applications")
				.header("Authorization", session -> bearer(session.getString("token")))
				.body(StringBody("""
						{"serviceCode": "BIRTH-CERT",
						 "applicant": {"nameEn": "Load Citizen", "nameLocal": "নাগরিক", "mobile": "#{mobile}",
						               "address": "Ward #{n}", "district": "Kolkata", "pincode": "700001"},
						 "data": {"childName": "Load Child", "childGender": "F", "childDateOfBirth": "2026-10-01",
						          "placeOfBirth": "SSKM Hospital", "fatherName": "F", "motherName": "M",
						          "relation": "parent"}}"""))
				.check(status().is(201), jsonPath("$.applicationNo").saveAs("no")))
			// The hospital's birth report, which the service requires before submission.
			.exec(http("birth report").post("/api/v1/applications/#{no}/documents/birth-report")
				.header("Authorization", session -> bearer(session.getString("token")))
				.bodyPart(ByteArrayBodyPart("file", BIRTH_REPORT).fileName("birth-report.pdf").contentType("application/pdf"))
				.asMultipartForm()
				.check(status().is(201)))
			.exec(http("submit").post("/api/v1/applications/#{no}/submit")
				.header("Authorization", session -> bearer(session.getString("token")))
				.body(StringBody("{}"))
				.check(status().is(200)))
			.exec(officerDecides("assistant", "Task_VerifyApplication", "forward"))
			.exec(officerDecides("officer", "Task_Decide", "approve"))
			.exec(http("status").get("/api/v1/applications/#{no}")
				.header("Authorization", session -> bearer(session.getString("token")))
				.check(status().is(200)));
	}

	/**
	 * Ends a SevaHub round when every application submitted so far is delivered (or after the patience runs out),
	 * counting the applications the round delivered.
	 */
	ChainBuilder awaitDelivered(String round) {
		return exec(session -> session.set("since", System.nanoTime()))
			.exec(asLongAs(session -> nodes.sevahubProgress()[1] > 0
					&& System.nanoTime() - session.getLong("since") < DELIVERY_PATIENCE.toNanos())
				.on(pause(Duration.ofMillis(500))))
			.exec(session -> {
				long delivered = nodes.sevahubProgress()[0];
				Rounds.completed(round, (int) (delivered - Rounds.deliveredBefore(delivered)));
				return session;
			});
	}

	/**
	 * DESIGN.md's citizen sign-in: an OTP to the mobile, exchanged for a bearer token that the application calls then
	 * carry. The OTP is read where the SMS went: the gateway outside SevaHub, or SevaHub's sandbox inbox.
	 */
	static ChainBuilder citizenSignIn(Counterparts counterparts) {
		ChainBuilder readOtp = counterparts != null
				? exec(session -> session.set("otp", String.valueOf(counterparts.otp(session.getString("mobile")))))
				: exec(http("sandbox sms").get("/sandbox/sms?mobile=#{mobile}")
					.check(status().is(200), regex("\\b(\\d{6})\\b").saveAs("otp")));
		return exec(http("citizen otp").post("/api/v1/citizen/otp")
			.body(StringBody("{\"mobile\": \"#{mobile}\"}"))
			.check(status().in(200, 201, 202, 204)))
			.exec(readOtp)
			.exec(http("citizen session").post("/api/v1/citizen/session")
				.body(StringBody("{\"mobile\": \"#{mobile}\", \"otp\": \"#{otp}\"}"))
				.check(status().is(200), jsonPath("$.token").saveAs("token")));
	}

	/** An officer finds the application's task through the engine's REST API and completes it with a decision. */
	static ChainBuilder officerDecides(String user, String taskKey, String decision) {
		return exec(http(taskKey + ": find").get("/engine-rest/task?processInstanceBusinessKey=#{no}&taskDefinitionKey=" + taskKey)
			.basicAuth(user, user)
			.check(status().is(200), jsonPath("$[0].id").saveAs("task")))
			.exec(http(taskKey + ": complete").post("/engine-rest/task/#{task}/complete")
				.basicAuth(user, user)
				.body(StringBody("{\"variables\": {\"decision\": {\"value\": \"" + decision + "\"}}}"))
				.check(status().is(204)));
	}

	static ChainBuilder bareLifecycle(String round) {
		return exec(session -> {
			Rounds.started(round);
			return session.set("n", ThreadLocalRandom.current().nextInt(1_000_000_000));
		}).exec(http("bare: start").post("/engine-rest/process-definition/key/bare-lifecycle/start")
			.body(StringBody("{\"businessKey\": \"load-#{n}\"}"))
			.check(status().is(200), jsonPath("$.id").saveAs("pi")))
			.exec(repeat(3).on(exec(http("bare: find task").get("/engine-rest/task?processInstanceId=#{pi}")
				.check(status().is(200), jsonPath("$[0].id").saveAs("task")))
				.exec(http("bare: complete").post("/engine-rest/task/#{task}/complete")
					.body(StringBody("{}"))
					.check(status().is(204)))))
			.exec(session -> {
				if (!session.isFailed()) {
					Rounds.completed(round);
				}
				return session;
			});
	}

	private static String bearer(String token) {
		return token == null || token.isEmpty() ? "" : "Bearer " + token;
	}

}
