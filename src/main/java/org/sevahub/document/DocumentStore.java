package org.sevahub.document;

/**
 * Where the bytes of kept documents live: {@code database} (PostgreSQL {@code bytea}, the default, in the same
 * transaction as the document's row) or {@code s3} (an S3-compatible object store, for installations whose
 * database should not hold the files). The row in {@code application_document} is the record either way.
 */
interface DocumentStore {

	/** The name recorded with each document, so a later change of store still finds older files. */
	String name();

	/** Keeps {@code content} under a new key; undone if the surrounding transaction rolls back. */
	String put(byte[] content, String mediaType);

	byte[] get(String key);

	void delete(String key);

}
