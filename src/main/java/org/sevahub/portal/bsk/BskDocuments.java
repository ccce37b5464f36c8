package org.sevahub.portal.bsk;

import java.util.Optional;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds what API-4 and API-5A ask for. BSK's table says documentNo, its example sends the applicationNo: both
 * work. Certificate numbers of BSK's applications are remembered as they are issued (the connector sees every
 * status), so a certificate number leads back to its application and its citizen's mobile.
 */
@Repository
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskDocuments {

	record Found(Application application, Optional<IssuedDocument> document) {
	}

	private final JdbcClient jdbc;

	private final ApplicationService applications;

	private final IssuedDocuments documents;

	BskDocuments(JdbcClient jdbc, ApplicationService applications, IssuedDocuments documents) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.documents = documents;
	}

	/** Remembers the application's certificate number once there is one; in the status transaction. */
	void remember(long applicationId) {
		documents.forApplication(applicationId).ifPresent(document -> {
			boolean known = jdbc.sql("SELECT COUNT(*) FROM bsk_document WHERE document_no = :no")
				.param("no", document.number())
				.query(Long.class)
				.single() > 0;
			if (!known) {
				jdbc.sql("INSERT INTO bsk_document (document_no, application_id) VALUES (:no, :app)")
					.param("no", document.number())
					.param("app", applicationId)
					.update();
			}
		});
	}

	Found find(String documentNo) {
		Optional<Long> byCertificate = jdbc.sql("SELECT application_id FROM bsk_document WHERE document_no = :no")
			.param("no", documentNo)
			.query(Long.class)
			.optional();
		Application app;
		try {
			app = byCertificate.isPresent() ? applications.byId(byCertificate.get()) : applications.get(documentNo);
		}
		catch (ApplicationNotFoundException ex) {
			throw new BskRefusal("No application or document numbered " + documentNo);
		}
		return new Found(app, documents.forApplication(app.id()));
	}

	IssuedDocuments store() {
		return documents;
	}

}
