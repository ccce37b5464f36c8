package org.sevahub.portal.bsk;

import java.util.Optional;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.IssuedDocuments.IssuedDocument;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Repository;

/**
 * Finds what API-4 and API-5A ask for. BSK's table says documentNo, its example sends the applicationNo: both
 * work: a certificate number leads back to its application (and so its citizen's mobile) through the
 * certificate register.
 */
@Repository
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskDocuments {

	record Found(Application application, Optional<IssuedDocument> document) {
	}

	private final ApplicationService applications;

	private final IssuedDocuments documents;

	BskDocuments(ApplicationService applications, IssuedDocuments documents) {
		this.applications = applications;
		this.documents = documents;
	}

	Found find(String documentNo) {
		Application app;
		try {
			app = documents.find(documentNo)
				.map(document -> applications.byId(document.applicationId()))
				.orElseGet(() -> applications.get(documentNo));
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
