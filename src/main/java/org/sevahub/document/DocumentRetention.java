package org.sevahub.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.AuditTrail;
import org.sevahub.application.DeletedDocuments;
import org.sevahub.application.EngineClock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the documents of closed applications once the catalog's {@code document-retention} for their service
 * has run from the day they closed (their last process ended). The bytes go; each row stays, marked deleted,
 * with its SHA-256, and the deletion is written to the application's record and to the audit trail. Any node may
 * run it: each application's documents are claimed with SKIP LOCKED inside the transaction that deletes them, so
 * two nodes never delete, or audit, the same ones.
 */
@Component
class DocumentRetention {

	static final String DELETED = "DOCUMENTS_DELETED";

	private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

	private final DocumentRepository documents;

	private final DocumentCatalog catalog;

	private final DocumentStore store;

	private final ApplicationRepository applications;

	private final ApplicationEvents events;

	private final AuditTrail audit;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final TransactionTemplate transactions;

	private final int batchSize;

	DocumentRetention(DocumentRepository documents, DocumentCatalog catalog, DocumentStore store,
			ApplicationRepository applications, ApplicationEvents events, AuditTrail audit, RuntimeService runtime,
			HistoryService history, TransactionTemplate transactions, DocumentProperties properties) {
		this.documents = documents;
		this.catalog = catalog;
		this.store = store;
		this.applications = applications;
		this.events = events;
		this.audit = audit;
		this.runtime = runtime;
		this.history = history;
		this.transactions = transactions;
		this.batchSize = properties.retention().batchSize();
	}

	@Scheduled(cron = "${sevahub.documents.retention.cron:0 30 2 * * *}")
	void scheduled() {
		int deleted = run();
		if (deleted > 0) {
			log.info("Deleted the documents of {} closed application(s) past their retention period", deleted);
		}
	}

	/** @return how many applications had their documents deleted */
	int run() {
		Instant now = EngineClock.now();
		Instant earliest = now.atOffset(ZoneOffset.UTC).minus(catalog.shortestRetention()).toInstant();
		int deleted = 0;
		List<Long> page = documents.keptSince(earliest, 0, batchSize);
		while (!page.isEmpty()) {
			for (long applicationId : page) {
				deleted += due(applicationId, now) ? 1 : 0;
			}
			page = documents.keptSince(earliest, page.get(page.size() - 1), batchSize);
		}
		return deleted;
	}

	/** Deletes the application's documents if it is closed and its retention has run out. */
	private boolean due(long applicationId, Instant now) {
		Application app = applications.findById(applicationId).orElse(null);
		Optional<Instant> closed = app == null ? Optional.empty() : closedAt(app);
		if (closed.isEmpty()) {
			return false;
		}
		Instant due = closed.get().atOffset(ZoneOffset.UTC).plus(catalog.retention(app.serviceCode())).toInstant();
		if (due.isAfter(now)) {
			return false;
		}
		String what = transactions.execute(status -> delete(app, closed.get(), now));
		if (what == null) {
			return false;
		}
		// Audited once the deletion committed: the audit never claims a deletion that was rolled back.
		audit.record(AuditTrail.Direction.OUT, "documents", "retention-delete", app.applicationNo(), "DELETED", what);
		return true;
	}

	/** When the application's last process ended; empty while any of its processes still runs. */
	private Optional<Instant> closedAt(Application app) {
		if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(app.applicationNo()).count() > 0) {
			return Optional.empty();
		}
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.finished()
			.list()
			.stream()
			.map(HistoricProcessInstance::getEndTime)
			.filter(java.util.Objects::nonNull)
			.max(Comparator.naturalOrder())
			.map(java.util.Date::toInstant);
	}

	/** @return what was deleted, or {@code null} when another node holds (or already deleted) them */
	private String delete(Application app, Instant closed, Instant now) {
		List<StoredDocument> kept = documents.claimKept(app.id());
		if (kept.isEmpty()) {
			return null;
		}
		for (StoredDocument d : kept) {
			store.delete(d.storageKey());
			documents.markDeleted(d.id(), now);
		}
		String what = kept.size() + " document(s) deleted, " + catalog.retention(app.serviceCode())
				+ " after the application closed on " + closed + ": " + String.join("; ",
						kept.stream().map(d -> d.code() + " " + d.fileName() + " SHA-256 " + d.sha256()).toList());
		events.record(app.id(), DELETED, what, new DeletedDocuments(app.serviceCode(),
				kept.stream().map(StoredDocument::code).toList(), catalog.retention(app.serviceCode()).toString(),
				closed.toString()));
		return what;
	}

}
