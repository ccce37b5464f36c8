package org.sevahub.platform.doors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts and content digests of SevaHub's tables and the engine's, to show a request wrote nothing. Left
 * out: the audit trail (a refusal is recorded there on purpose), the sandbox's tables (the counterparts'
 * side), Flyway's history and the HTTP sessions of the Camunda webapps.
 * <p>
 * The test shares its server with every other test of the run, whose applications live on in the engine: timers
 * fall due, the job executor and the delivery dispatcher carry on with them while the fuzz runs. The engine's rows
 * of those process instances are left out (they are {@code others}, fixed before the fuzz starts); every other row
 * counts: SevaHub's tables, engine rows of no instance, and of any instance the fuzz could have started or moved
 * (the draft it writes to, and any new one). A snapshot is taken once the tables are still.
 */
final class Tables {

	private static final Set<String> LEFT_OUT = Set.of("audit_record", "flyway_schema_history", "spring_session",
			"spring_session_attributes");

	/** Columns by which the engine's tables name their process instance. */
	private static final List<String> INSTANCE_COLUMNS = List.of("proc_inst_id_", "root_proc_inst_id_");

	private final JdbcClient jdbc;

	private String others = "";

	Tables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The process instances there are now, but the one of {@code applicationNo}: no input of the test reaches them. */
	Tables leavingOutInstancesBut(String applicationNo) {
		others = String.join(",", jdbc.sql("""
				SELECT p.id_ FROM act_hi_procinst p LEFT JOIN act_hi_procinst r ON r.id_ = coalesce(p.root_proc_inst_id_, p.id_)
				WHERE coalesce(r.business_key_, p.business_key_) IS DISTINCT FROM :no""")
			.param("no", applicationNo)
			.query(String.class)
			.list());
		return this;
	}

	/** A snapshot once two taken a moment apart agree (background work of other tests settled), for at most a minute. */
	Map<String, String> stillSnapshot() throws InterruptedException {
		Map<String, String> last = snapshot();
		for (int i = 0; i < 60; i++) {
			Thread.sleep(1000);
			Map<String, String> next = snapshot();
			if (next.equals(last)) {
				return next;
			}
			last = next;
		}
		return last;
	}

	Map<String, String> snapshot() {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
			.query(String.class)
			.list();
		Map<String, String> digests = new LinkedHashMap<>();
		for (String table : tables) {
			String name = table.toLowerCase(java.util.Locale.ROOT);
			if (LEFT_OUT.contains(name) || name.startsWith("sandbox_")) {
				continue;
			}
			StringBuilder where = new StringBuilder(" WHERE true");
			if (name.startsWith("act_")) {
				for (String column : instanceColumns(table)) {
					where.append(" AND (t.").append(column).append(" IS NULL OR t.").append(column).append(" <> ALL(string_to_array(:others, ',')))");
				}
			}
			digests.put(name, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM \""
					+ table + "\" t" + where)
				.param("others", others)
				.query(String.class)
				.single());
		}
		return digests;
	}

	private List<String> instanceColumns(String table) {
		return jdbc.sql("""
				SELECT lower(column_name) FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :table""")
			.param("table", table)
			.query(String.class)
			.list()
			.stream()
			.filter(INSTANCE_COLUMNS::contains)
			.toList();
	}

	/** The tables whose rows differ between two snapshots. */
	static Map<String, String> changed(Map<String, String> before, Map<String, String> after) {
		Map<String, String> changed = new LinkedHashMap<>();
		after.forEach((table, digest) -> {
			if (!digest.equals(before.get(table))) {
				changed.put(table, before.get(table) + " -> " + digest);
			}
		});
		return changed;
	}

}
