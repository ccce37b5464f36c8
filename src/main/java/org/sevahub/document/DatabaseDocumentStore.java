package org.sevahub.document;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents' bytes in the application's own database ({@code document_content}), inside its transactions. */
class DatabaseDocumentStore implements DocumentStore {

	static final String NAME = "database";

	private final JdbcClient jdbc;

	DatabaseDocumentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String put(byte[] content, String mediaType) {
		String key = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO document_content (storage_key, content) VALUES (:key, :content)")
			.param("key", key)
			.param("content", content)
			.update();
		return key;
	}

	@Override
	public byte[] get(String key) {
		return jdbc.sql("SELECT content FROM document_content WHERE storage_key = :key")
			.param("key", key)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElseThrow(() -> new IllegalStateException("No stored content under " + key));
	}

	@Override
	public void delete(String key) {
		jdbc.sql("DELETE FROM document_content WHERE storage_key = :key").param("key", key).update();
	}

}
