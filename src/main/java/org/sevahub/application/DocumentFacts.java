package org.sevahub.application;

import java.util.List;

/**
 * What an application's document events keep for officers (application_event.facts), to be put in their words:
 * DOCUMENT_RECEIVED and DOCUMENT_VERDICT one document, DOCUMENTS_ASKED_AGAIN and DOCUMENTS_RELIED_ON several. The
 * English detail beside it keeps the SHA-256s, sizes and scanner for support staff and the audit.
 *
 * @param service   the application's service, whose catalogue names each document type in each language
 * @param by        who did it: the officer's user id (verdicts, asking again, a decision)
 * @param decision  the decision that relied on the documents, "approve" or "reject" (DOCUMENTS_RELIED_ON)
 * @param documents the documents, by type code and file name as sent
 */
public record DocumentFacts(String service, String by, String decision, List<Item> documents) {

	public DocumentFacts {
		documents = documents == null ? List.of() : List.copyOf(documents);
	}

	public static DocumentFacts received(String service, String code, String fileName) {
		return new DocumentFacts(service, null, null, List.of(new Item(code, fileName, null, null)));
	}

	public static DocumentFacts verdict(String service, String by, String code, String fileName, String verdict,
			String remarks) {
		return new DocumentFacts(service, by, null, List.of(new Item(code, fileName, verdict, remarks)));
	}

	/**
	 * @param code     the document type's code in the service's catalogue
	 * @param fileName the file's name as the citizen sent it
	 * @param verdict  ACCEPTED or REJECTED (DOCUMENT_VERDICT)
	 * @param remarks  the officer's remarks as written (a rejection, a document asked for again)
	 */
	public record Item(String code, String fileName, String verdict, String remarks) {
	}

}
