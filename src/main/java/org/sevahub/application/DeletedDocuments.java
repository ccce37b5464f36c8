package org.sevahub.application;

import java.util.List;

/**
 * What an application's DOCUMENTS_DELETED event keeps for officers (application_event.facts), to be put in their
 * words: which documents went, and under which retention rule. The English detail beside it keeps each file's name
 * and SHA-256 for support staff and the audit.
 *
 * @param service   the application's service, whose catalogue names each document type and sets the retention
 * @param documents the deleted documents' type codes in the service's catalogue, one per document
 * @param retention the service's {@code document-retention} that ran out, an ISO-8601 period (P1Y)
 * @param closedAt  when the application closed (its last process ended), ISO instant: the retention ran from then
 */
public record DeletedDocuments(String service, List<String> documents, String retention, String closedAt) {

	public DeletedDocuments {
		documents = documents == null ? List.of() : List.copyOf(documents);
	}

}
