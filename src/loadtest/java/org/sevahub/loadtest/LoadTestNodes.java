package org.sevahub.loadtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.sevahub.delivery.cluster.ScratchDatabase;
import org.sevahub.delivery.cluster.SevaHubProcess;
import org.sevahub.loadtest.bare.BareCamunda;

/**
 * What the load test runs against, side by side on the same PostgreSQL, each on a scratch database of its own:
 * SevaHub from the packaged jar (the embedded default's settings, demo officers, sandbox portals, job executor
 * and outbox on) and bare Camunda; both JVMs with the same options.
 */
final class LoadTestNodes implements AutoCloseable {

	/** Both nodes' JVM options; compiler threads that never end let {@link CpuTime} count the JIT's CPU. */
	static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:-UseDynamicNumberOfCompilerThreads");

	final int sevahubPort;

	final int barePort;

	private final ScratchDatabase sevahubDatabase;

	private final ScratchDatabase bareDatabase;

	/** {@code -Dload.counterparts=sandbox} keeps SevaHub's own sandbox MIS and SMS gateway, inside the node. */
	static final boolean OUTSIDE = !"sandbox".equals(System.getProperty("load.counterparts", "outside"));

	final Counterparts counterparts;

	private SevaHubProcess sevahub;

	private SevaHubProcess bare;

	private DatabaseWork sevahubAtStart;

	private DatabaseWork bareAtStart;

	/**
	 * PostgreSQL's autovacuum, for a server that has it off (this machine's has): once a minute (autovacuum's default
	 * naptime) the tables of the system under load that autovacuum would pick are vacuumed or analysed, by its own
	 * rule and the server's own settings: dead rows, or rows inserted, past a threshold plus a share of the table's
	 * size; rows changed since the last analysis past another. Without it the planner never learns that the tables
	 * grew and keeps the plans it made for empty ones (a sequential scan of every applicant for each ownership check),
	 * and dead rows pile up: a cost no installation pays. A blanket {@code VACUUM (ANALYZE)} of every table each
	 * minute, as before, did more than autovacuum does, and more of it the more tables a system has. The work is the
	 * running system's, so its round's CPU counts it.
	 */
	private final ScheduledExecutorService autovacuum = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "load-test-autovacuum");
		thread.setDaemon(true);
		return thread;
	});

	/** The tables autovacuum would vacuum ({@code v}) or analyse ({@code a}) now, from its own settings. */
	private static final String AUTOVACUUM_WOULD = """
			SELECT s.relname,
			       s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
			           + current_setting('autovacuum_vacuum_scale_factor')::float8 * GREATEST(c.reltuples, 0)
			       OR s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
			           + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * GREATEST(c.reltuples, 0) AS v,
			       s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
			           + current_setting('autovacuum_analyze_scale_factor')::float8 * GREATEST(c.reltuples, 0) AS a
			FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid""";

	LoadTestNodes() throws Exception {
		this.sevahubPort = SevaHubProcess.freePort();
		this.barePort = SevaHubProcess.freePort();
		this.sevahubDatabase = new ScratchDatabase();
		this.bareDatabase = new ScratchDatabase();
		this.counterparts = OUTSIDE ? new Counterparts() : null;
	}

	/** Optional: -Dload.jfr=true records a flight recording of SevaHub (target/it-logs/load-sevahub.jfr) to profile. */
	static List<String> sevahubJvm() {
		List<String> options = new ArrayList<>(JVM);
		if (Boolean.getBoolean("load.jfr")) {
			// Deep stacks: the engine under Tomcat and Spring Security runs deeper than JFR's default 64 frames.
			options.add("-XX:FlightRecorderOptions:stackdepth=512");
			options.add("-XX:StartFlightRecording=filename=target/it-logs/load-sevahub.jfr,settings=profile");
		}
		return options;
	}

	void start() throws Exception {
		List<String> sevahubCommand = sevahubJvm();
		sevahubCommand.addAll(List.of("-jar", SevaHubProcess.jar().toString(), "--server.port=" + sevahubPort,
				"--spring.datasource.url=" + sevahubDatabase.url(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--logging.level.root=WARN",
				// Every virtual citizen signs in from this one address, with a number of its own.
				"--sevahub.citizen.limits.otp-per-address=100000000"));
		if (OUTSIDE) {
			sevahubCommand.addAll(List.of("--sevahub.portals.webhook.url=" + counterparts.mis.url(),
					"--sevahub.portals.webhook.secret=" + Counterparts.WEBHOOK_SECRET,
					"--sevahub.notify.sms.gateway.url=" + counterparts.smsUrl()));
		}
		sevahub = SevaHubProcess.launchJava("load-sevahub", sevahubPort, sevahubCommand, Map.of());

		List<String> bareCommand = new ArrayList<>(JVM);
		bareCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), BareCamunda.class.getName(),
				"--spring.config.location=classpath:loadtest/bare-camunda.yml", "--server.port=" + barePort,
				"--spring.datasource.url=" + bareDatabase.url(), "--spring.datasource.username=postgres",
				"--spring.datasource.password="));
		bare = SevaHubProcess.launchJava("load-bare-camunda", barePort, bareCommand, Map.of());
		sevahubAtStart = DatabaseWork.of(sevahubDatabase);
		bareAtStart = DatabaseWork.of(bareDatabase);
		ProcessHandle sevahubHandle = sevahub.handle();
		ProcessHandle bareHandle = bare.handle();
		Rounds.cpuClock = () -> CpuTime.of(sevahubHandle, bareHandle);
		autovacuum.scheduleWithFixedDelay(this::vacuumRunningSystem, 60, 60, TimeUnit.SECONDS);
	}

	private void vacuumRunningSystem() {
		String system = Rounds.runningSystem();
		if (system == null) {
			return;
		}
		try (Connection c = ("sevahub".equals(system) ? sevahubDatabase : bareDatabase).connect();
				Statement s = c.createStatement()) {
			List<String> work = new ArrayList<>();
			try (ResultSet rs = s.executeQuery(AUTOVACUUM_WOULD)) {
				while (rs.next()) {
					boolean vacuum = rs.getBoolean("v");
					boolean analyse = rs.getBoolean("a");
					String table = "\"" + rs.getString("relname") + "\"";
					if (vacuum) {
						work.add((analyse ? "VACUUM (ANALYZE) " : "VACUUM ") + table);
					}
					else if (analyse) {
						work.add("ANALYZE " + table);
					}
				}
			}
			for (String command : work) {
				s.execute(command);
			}
		}
		catch (SQLException ex) {
			System.err.println("load test: could not vacuum " + system + "'s database: " + ex.getMessage());
		}
	}

	/** Applications SevaHub has delivered so far (status DELIVERED), and those submitted but not yet delivered. */
	long[] sevahubProgress() {
		try (Connection c = sevahubDatabase.connect();
				PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FILTER (WHERE status = 'DELIVERED'),"
						+ " COUNT(*) FILTER (WHERE status NOT IN ('DELIVERED', 'INITIATED', 'DRAFT')) FROM application");
				ResultSet rs = s.executeQuery()) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2) };
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What each system asked of PostgreSQL per lifecycle since it started: where the time can go. */
	String databaseWork(int sevahubLifecycles, int bareLifecycles) throws Exception {
		return "  SevaHub, per delivered application: " + DatabaseWork.of(sevahubDatabase).minus(sevahubAtStart).per(sevahubLifecycles)
				+ "\n  bare Camunda, per lifecycle:        " + DatabaseWork.of(bareDatabase).minus(bareAtStart).per(bareLifecycles)
				+ "\n  SevaHub's tables by rows read in sequential scans (a table read whole for each application grows"
				+ " with every one):\n" + sequentialReads(sevahubLifecycles)
				+ "  SevaHub's tables by rows written (each row is WAL, an index entry or more, and later vacuum's work):\n"
				+ writes(sevahubLifecycles);
	}

	/** pg_stat_user_tables of SevaHub's database, per delivered application: where the rows written go. */
	private String writes(int lifecycles) throws Exception {
		return perTable("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables"
				+ " ORDER BY n_tup_ins + n_tup_upd + n_tup_del DESC LIMIT 16",
				"    %-32s %6.1f inserted, %6.1f updated, %6.1f deleted%n", lifecycles, 3, 0);
	}

	/** pg_stat_user_tables of SevaHub's database, per delivered application: where rows are read without an index. */
	private String sequentialReads(int lifecycles) throws Exception {
		return perTable("SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0), COALESCE(idx_tup_fetch, 0),"
				+ " n_live_tup FROM pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT 8",
				"    %-32s %6.1f scans, %9.1f rows read by scans, %6.1f index scans, %7.1f rows by index; %d rows now%n",
				lifecycles, 4, 1);
	}

	/**
	 * One line per table of {@code sql}'s rows: the table's name, then {@code perLifecycle} counters divided by the
	 * lifecycles, then {@code asIs} counters as they stand.
	 */
	private String perTable(String sql, String line, int lifecycles, int perLifecycle, int asIs) throws Exception {
		double n = Math.max(1, lifecycles);
		StringBuilder out = new StringBuilder();
		try (Connection c = sevahubDatabase.connect();
				PreparedStatement s = c.prepareStatement(sql);
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				List<Object> values = new ArrayList<>();
				values.add(rs.getString(1));
				for (int i = 2; i < 2 + perLifecycle; i++) {
					values.add(rs.getLong(i) / n);
				}
				for (int i = 2 + perLifecycle; i < 2 + perLifecycle + asIs; i++) {
					values.add(rs.getLong(i));
				}
				out.append(String.format(Locale.ROOT, line, values.toArray()));
			}
		}
		return out.toString();
	}

	@Override
	public void close() throws Exception {
		autovacuum.shutdownNow();
		try {
			if (sevahub != null) {
				sevahub.close();
			}
			if (bare != null) {
				bare.close();
			}
		}
		finally {
			sevahubDatabase.close();
			bareDatabase.close();
			if (counterparts != null) {
				counterparts.close();
			}
		}
	}

	/** PostgreSQL's own counters for a database (pg_stat_database). */
	record DatabaseWork(long commits, long inserted, long updated, long deleted, long returned, long bytes) {

		static DatabaseWork of(ScratchDatabase database) throws Exception {
			try (Connection c = database.connect();
					PreparedStatement s = c.prepareStatement("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted,"
							+ " tup_returned, pg_database_size(current_database()) FROM pg_stat_database"
							+ " WHERE datname = current_database()");
					ResultSet rs = s.executeQuery()) {
				rs.next();
				return new DatabaseWork(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6));
			}
		}

		DatabaseWork minus(DatabaseWork before) {
			return new DatabaseWork(commits - before.commits, inserted - before.inserted, updated - before.updated,
					deleted - before.deleted, returned - before.returned, bytes - before.bytes);
		}

		String per(int lifecycles) {
			double n = Math.max(1, lifecycles);
			return String.format(Locale.ROOT,
					"%.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted, %.0f read, database grew %.1f KB",
					commits / n, inserted / n, updated / n, deleted / n, returned / n, bytes / n / 1024);
		}

	}

}
