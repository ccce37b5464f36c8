package org.sevahub.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PortalLinks {

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	PortalLinks(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void link(long applicationId, String portal, String externalRef, Map<String, String> attributes) {
		jdbc.sql("""
				INSERT INTO portal_link (application_id, portal, external_ref, attributes, created_at)
				VALUES (:app, :portal, :ref, :attrs, :at)""")
			.param("app", applicationId)
			.param("portal", portal)
			.param("ref", externalRef)
			.param("attrs", write(attributes))
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	public void updateAttributes(long applicationId, String portal, Map<String, String> attributes) {
		jdbc.sql("UPDATE portal_link SET attributes = :attrs WHERE application_id = :app AND portal = :portal")
			.param("attrs", write(attributes))
			.param("app", applicationId)
			.param("portal", portal)
			.update();
	}

	public Optional<PortalLink> find(String portal, String externalRef) {
		return jdbc.sql("SELECT * FROM portal_link WHERE portal = :portal AND external_ref = :ref")
			.param("portal", portal)
			.param("ref", externalRef)
			.query(this::map)
			.optional();
	}

	public Optional<PortalLink> find(long applicationId, String portal) {
		return jdbc.sql("SELECT * FROM portal_link WHERE application_id = :app AND portal = :portal")
			.param("app", applicationId)
			.param("portal", portal)
			.query(this::map)
			.optional();
	}

	public List<PortalLink> of(long applicationId) {
		return jdbc.sql("SELECT * FROM portal_link WHERE application_id = :app ORDER BY id")
			.param("app", applicationId)
			.query(this::map)
			.list();
	}

	private PortalLink map(ResultSet rs, int row) throws SQLException {
		try {
			return new PortalLink(rs.getLong("id"), rs.getLong("application_id"), rs.getString("portal"),
					rs.getString("external_ref"), json.readValue(rs.getString("attributes"), MAP),
					ApplicationRepository.instant(rs, "created_at"));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String write(Map<String, String> attributes) {
		try {
			return json.writeValueAsString(attributes == null ? Map.of() : attributes);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
