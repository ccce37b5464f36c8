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
 */
final class Tables {

	private static final Set<String> LEFT_OUT = Set.of("audit_record", "flyway_schema_history", "spring_session",
			"spring_session_attributes");

	private final JdbcClient jdbc;

	Tables(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
			digests.put(name, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM \""
					+ table + "\" t").query(String.class).single());
		}
		return digests;
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
