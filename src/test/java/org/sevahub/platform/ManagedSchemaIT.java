package org.sevahub.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sevahub.delivery.cluster.ScratchDatabase;
import org.sevahub.delivery.cluster.SevaHubProcess;
import org.sevahub.testsupport.TestDatabase;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape on an empty PostgreSQL: the packaged jar under {@code postgres} builds every table through
 * Flyway (SevaHub's, Camunda's from the engine's own scripts, Spring Session's) and creates the first administrator
 * from the environment, before its port opens (no stranger is offered Camunda's page that creates one); started
 * again, with other administrator variables, it changes nothing at all.
 */
class ManagedSchemaIT {

	@Test
	void anEmptyDatabaseGetsEverythingOnceAndASecondStartChangesNothing() throws Exception {
		try (ScratchDatabase database = new ScratchDatabase()) {
			Path keystore = keystore();
			Map<String, String> first = environment(database, keystore, "chief", "first-admin-password-1");
			int port = SevaHubProcess.freePort();
			try (Stranger stranger = Stranger.knockingOn(port)) {
				try (SevaHubProcess node = SevaHubProcess.launch("managed-schema-1", port,
						List.of("--spring.profiles.active=postgres"), first)) {
					stranger.close();
					node.stop();
				}
				assertThat(stranger.answers()).as("answers the stranger had while the node started").isNotEmpty();
				assertThat(stranger.answers()).as("Camunda's page that creates the first administrator, offered to a stranger")
					.noneMatch(answer -> answer.contains("/setup"))
					.as("the stranger making themselves administrator")
					.noneMatch(answer -> answer.startsWith("create 2"));
			}
			try (Connection c = database.connect()) {
				assertThat(strings(c, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
					.contains("1", "13", "14", "15");
				assertThat(strings(c, "SELECT version FROM flyway_schema_history WHERE NOT success")).isEmpty();
				assertThat(strings(c, "SELECT version_ FROM act_ge_schema_log")).contains("7.24.0");
				assertThat(strings(c, "SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = 'public'"))
					.containsAll(camundaTables())
					.contains("spring_session", "spring_session_attributes", "application", "delivery");
				assertThat(strings(c, "SELECT id_ FROM act_id_user")).containsExactly("chief");
				assertThat(strings(c, "SELECT group_id_ FROM act_id_membership WHERE user_id_ = 'chief'"))
					.containsExactly("camunda-admin");
			}
			Map<String, String> afterFirst = snapshot(database);

			Map<String, String> second = environment(database, keystore, "intruder", "another-password-2");
			try (SevaHubProcess node = SevaHubProcess.launch("managed-schema-2", SevaHubProcess.freePort(),
					List.of("--spring.profiles.active=postgres"), second)) {
				node.stop();
			}
			assertThat(snapshot(database)).isEqualTo(afterFirst);
		}
	}

	/**
	 * Someone on the network knocking from the moment the node's process starts: they open Tasklist (Camunda
	 * redirects to its setup page while no administrator exists) and, once they have a CSRF token, ask Camunda's setup
	 * API to make them an administrator. Every answer is recorded; they knock again 20 ms after each try.
	 */
	static final class Stranger implements AutoCloseable {

		private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(1))
			.build();

		private final Thread knocking;

		private volatile boolean stopped;

		private Stranger(String base) {
			knocking = new Thread(() -> {
				try {
					while (!stopped) {
						try {
							knock(base);
						}
						catch (IOException notListeningYet) {
							// the port is not open yet
						}
						Thread.sleep(20);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "stranger");
			knocking.start();
		}

		static Stranger knockingOn(int port) {
			return new Stranger("http://127.0.0.1:" + port);
		}

		private void knock(String base) throws IOException, InterruptedException {
			// A first visit each time: no session, no token from the knock before.
			cookies.getCookieStore().removeAll();
			HttpResponse<Void> tasklist = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
					HttpResponse.BodyHandlers.discarding());
			answers.add("tasklist " + tasklist.statusCode() + " " + tasklist.headers().firstValue("Location").orElse(""));
			HttpResponse<Void> api = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
					HttpResponse.BodyHandlers.discarding());
			Optional<String> token = api.headers().firstValue("X-XSRF-TOKEN");
			if (token.isEmpty()) {
				return;
			}
			HttpResponse<Void> create = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/setup/default/user/create"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", token.get())
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"profile": {"id": "stranger", "firstName": "A", "lastName": "Stranger", "email": "s@example.com"},
						 "credentials": {"password": "Stranger-Pa55word!"}}"""))
				.build(), HttpResponse.BodyHandlers.discarding());
			answers.add("create " + create.statusCode());
		}

		List<String> answers() {
			return List.copyOf(answers);
		}

		@Override
		public void close() throws InterruptedException {
			stopped = true;
			knocking.join(5_000);
		}

	}

	/** Every table Camunda's create scripts for PostgreSQL make, read from the scripts in the engine's jar. */
	private static List<String> camundaTables() throws Exception {
		List<String> tables = new ArrayList<>();
		for (String component : List.of("engine", "history", "identity", "case.engine", "case.history",
				"decision.engine", "decision.history")) {
			String sql = new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + component
					+ ".sql").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			Matcher m = Pattern.compile("(?i)create table (\\w+)").matcher(sql);
			while (m.find()) {
				tables.add(m.group(1).toLowerCase());
			}
		}
		assertThat(tables).hasSizeGreaterThan(40);
		return tables;
	}

	/**
	 * The schema (columns, indexes) and what a start could write: migrations, deployments and definitions, users,
	 * groups, grants, filters, engine properties, the cleanup job.
	 */
	private static Map<String, String> snapshot(ScratchDatabase database) throws SQLException {
		Map<String, String> state = new LinkedHashMap<>();
		try (Connection c = database.connect()) {
			state.put("columns", String.join("\n", strings(c, """
					SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
					FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1""")));
			state.put("indexes", String.join("\n",
					strings(c, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")));
			for (String query : List.of(
					"SELECT installed_rank, version, checksum, success FROM flyway_schema_history ORDER BY 1",
					"SELECT id_, name_ FROM act_re_deployment ORDER BY 1",
					"SELECT id_, rev_, key_, version_, history_ttl_ FROM act_re_procdef ORDER BY 1",
					"SELECT id_, rev_, history_ttl_ FROM act_re_decision_def ORDER BY 1",
					"SELECT id_, rev_, pwd_, salt_ FROM act_id_user ORDER BY 1",
					"SELECT id_, rev_ FROM act_id_group ORDER BY 1",
					"SELECT user_id_, group_id_ FROM act_id_membership ORDER BY 1, 2",
					"SELECT id_, rev_, perms_ FROM act_ru_authorization ORDER BY 1",
					"SELECT id_, rev_, query_ FROM act_ru_filter ORDER BY 1",
					"SELECT name_, value_, rev_ FROM act_ge_property ORDER BY 1",
					"SELECT id_, version_ FROM act_ge_schema_log ORDER BY 1",
					"SELECT id_, rev_, duedate_, handler_type_ FROM act_ru_job WHERE handler_type_ = 'history-cleanup' ORDER BY 1")) {
				state.put(query, String.join("\n", rows(c, query)));
			}
		}
		return state;
	}

	private static List<String> strings(Connection c, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static List<String> rows(Connection c, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.append(rs.getString(i)).append('|');
				}
				values.add(row.toString());
			}
		}
		return values;
	}

	private static Map<String, String> environment(ScratchDatabase database, Path keystore, String admin,
			String password) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SEVAHUB_DB_URL", database.url());
		env.put("SEVAHUB_DB_USER", TestDatabase.user());
		env.put("SEVAHUB_DB_PASSWORD", TestDatabase.password());
		env.put("SEVAHUB_FIELD_KEY", Base64.getEncoder().encodeToString("managed-schema-field-key-32bytes".getBytes()));
		env.put("SEVAHUB_LINK_KEY", Base64.getEncoder().encodeToString("managed-schema-link-key-32-bytes".getBytes()));
		env.put("SEVAHUB_CITIZEN_OTP_KEY", Base64.getEncoder().encodeToString("managed-schema-citizen-otp-key-32b".getBytes()));
		env.put("SEVAHUB_CITIZEN_JWT_KEY",
				Base64.getEncoder().encodeToString("managed-schema-citizen-jwt-key-of-48-bytes-long!".getBytes()));
		env.put("SEVAHUB_SIGNING_KEYSTORE", "file:" + keystore.toAbsolutePath());
		env.put("SEVAHUB_SIGNING_KEYSTORE_PASSWORD", "changeit");
		env.put("SEVAHUB_ADMIN_USER", admin);
		env.put("SEVAHUB_ADMIN_PASSWORD", password);
		// The nightly cleanup window half a day away: inside it (01:00-05:00 by default) the job executor runs the
		// cleanup job while a node is up and reschedules it, which is the engine at work, not a start changing things.
		LocalTime window = LocalTime.now().plusHours(12).truncatedTo(ChronoUnit.HOURS);
		env.put("SEVAHUB_HISTORY_CLEANUP_START", window.toString());
		env.put("SEVAHUB_HISTORY_CLEANUP_END", window.plusHours(1).toString());
		return env;
	}

	/** The department's signing key, as an operator makes one with the JDK's keytool. */
	static Path keystore() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "it-keys"));
		Path file = dir.resolve("signing.p12");
		if (!Files.exists(file)) {
			Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
					"-genkeypair", "-alias", "sevahub", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname",
					"CN=Test Department", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
					"-keypass", "changeit").redirectErrorStream(true).start();
			keytool.getInputStream().readAllBytes();
			assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(keytool.exitValue()).isZero();
		}
		return file;
	}

}
