package org.sevahub.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.DocumentFacts;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Messages;
import org.sevahub.document.DocumentRefusedException.Reason;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's supporting documents: taking a file (checked by {@link DocumentChecks}, then stored once and
 * recorded with its SHA-256 on the application's record), what is still missing, and whether the application may
 * be submitted. A file is taken while the form may still change, or, after a clarification, for exactly the
 * documents the office asked for again.
 */
@Service
public class DocumentService {

	static final String RECEIVED = "DOCUMENT_RECEIVED";

	private final DocumentCatalog catalog;

	private final DocumentChecks checks;

	private final DocumentStore store;

	private final DocumentRepository documents;

	private final ApplicationRepository applications;

	private final ApplicationService applicationService;

	private final ApplicationEvents events;

	DocumentService(DocumentCatalog catalog, DocumentChecks checks, DocumentStore store, DocumentRepository documents,
			ApplicationRepository applications, ApplicationService applicationService, ApplicationEvents events) {
		this.catalog = catalog;
		this.checks = checks;
		this.store = store;
		this.documents = documents;
		this.applications = applications;
		this.applicationService = applicationService;
		this.events = events;
	}

	/**
	 * Checks and keeps {@code upload} as the application's document {@code code}, replacing the one it had. A
	 * refusal ({@link DocumentRefusedException}) keeps nothing.
	 */
	@Transactional
	public StoredDocument upload(String applicationNo, String code, Upload upload, String actor) {
		Application app = applications.lockByNo(applicationNo)
			.orElseThrow(() -> new ApplicationNotFoundException(applicationNo));
		return keep(app, prepare(app.serviceCode(), app, code, upload), actor);
	}

	/**
	 * Runs every check on a file without keeping anything.
	 *
	 * @param app {@code null} while the application is being created with its form: every document may be sent
	 */
	public Prepared prepare(String serviceCode, Application app, String code, Upload upload) {
		DocumentRequirement requirement = requirement(serviceCode, code);
		if (app != null) {
			checkWindow(app, requirement);
		}
		return new Prepared(requirement, checks.check(requirement, upload));
	}

	/** A file that passed every check, not yet kept. */
	public record Prepared(DocumentRequirement requirement, DocumentChecks.CleanFile file) {
	}

	/** Keeps a prepared file: its bytes in the store, its row, and its SHA-256 on the application's record. */
	@Transactional
	public StoredDocument keep(Application app, Prepared prepared, String actor) {
		DocumentChecks.CleanFile clean = prepared.file();
		DocumentRequirement requirement = prepared.requirement();
		String key = store.put(clean.content(), clean.mediaType());
		documents.markReplaced(app.id(), requirement.code(), EngineClock.now());
		long id = documents.insert(new StoredDocument(0, app.id(), requirement.code(), clean.fileName(),
				clean.mediaType(), clean.content().length, clean.pages(), clean.sha256(), store.name(), key,
				clean.scannedBy(), actor, EngineClock.now(), null, null, null, null, null, null, null));
		events.record(app.id(), RECEIVED, requirement.nameEn() + " (" + requirement.code() + "): " + clean.fileName()
				+ ", " + clean.mediaType() + ", " + clean.content().length + " bytes"
				+ (clean.pages() == null ? "" : ", " + clean.pages() + " page(s)") + ", SHA-256 " + clean.sha256()
				+ ", " + (clean.scannedBy() == null ? "not scanned for malware" : "scanned clean by " + clean.scannedBy())
				+ ", from " + actor, DocumentFacts.received(app.serviceCode(), requirement.code(), clean.fileName()));
		return documents.find(id).orElseThrow();
	}

	public Optional<DocumentRequirement> find(String serviceCode, String code) {
		return catalog.find(serviceCode, code);
	}

	/** The service's document {@code code}; a code it does not ask for is refused. */
	public DocumentRequirement requirement(String serviceCode, String code) {
		return catalog.find(serviceCode, code)
			.orElseThrow(() -> new DocumentRefusedException(Reason.NOT_DECLARED, code, code));
	}

	/** Which documents may be sent now: all the service's while the form may change, else those asked again. */
	UploadWindow window(Application app) {
		Set<String> awaited = applicationService.awaitedMessages(app.applicationNo());
		if (awaited.contains(Messages.APPLICATION_SUBMITTED)) {
			return new UploadWindow(true, Set.of());
		}
		if (awaited.contains(Messages.CLARIFICATION_REPLIED)) {
			return new UploadWindow(false, requestedAgain(app));
		}
		return new UploadWindow(false, Set.of());
	}

	private void checkWindow(Application app, DocumentRequirement requirement) {
		UploadWindow window = window(app);
		if (window.allows(requirement.code())) {
			return;
		}
		if (!window.requested().isEmpty()) {
			throw new DocumentRefusedException(Reason.NOT_REQUESTED, requirement.code());
		}
		throw new DocumentRefusedException(Reason.NOT_NOW, requirement.code());
	}

	/** @param any every document of the service may be sent; otherwise only {@code requested} */
	record UploadWindow(boolean any, Set<String> requested) {

		boolean allows(String code) {
			return any || requested.contains(code);
		}

		boolean open() {
			return any || !requested.isEmpty();
		}

	}

	public List<StoredDocument> current(Application app) {
		return documents.current(app.id());
	}

	public List<StoredDocument> history(Application app) {
		return documents.history(app.id());
	}

	public Optional<StoredDocument> find(long id) {
		return documents.find(id);
	}

	/** The kept bytes of a document that has not been deleted. */
	public byte[] content(StoredDocument document) {
		if (!document.store().equals(store.name())) {
			throw new IllegalStateException("Document " + document.id() + " is in the " + document.store()
					+ " store, and sevahub.documents.store is " + store.name());
		}
		return store.get(document.storageKey());
	}

	/**
	 * The documents a decision on the application stands on: those it holds now that no officer rejected. What
	 * the certificate lists, with their SHA-256, so the record says exactly which files were relied on.
	 */
	public List<ReliedDocument> reliedOn(Application app) {
		return documents.current(app.id())
			.stream()
			.filter(d -> !d.rejected())
			.map(d -> new ReliedDocument(d.code(),
					catalog.find(app.serviceCode(), d.code()).map(DocumentRequirement::names).orElse(Map.of()),
					d.fileName(), d.mediaType(), d.sha256(), d.accepted()))
			.toList();
	}

	/**
	 * @param names    the catalog's name of the document per language
	 * @param accepted an officer accepted it (else no officer gave a verdict, as in a deemed approval)
	 */
	public record ReliedDocument(String code, Map<String, String> names, String fileName, String mediaType,
			String sha256, boolean accepted) {

		public ReliedDocument {
			names = names == null ? Map.of() : Map.copyOf(names);
		}

		/** The English name (the code where the catalog no longer lists the document). */
		public String name() {
			return names.getOrDefault("en", code);
		}

		public String name(String language) {
			return names.getOrDefault(language, name());
		}

	}

	/** The codes the last clarification asked to be sent again and that have not been sent since. */
	Set<String> requestedAgain(Application app) {
		return documents.current(app.id())
			.stream()
			.filter(StoredDocument::resendRequested)
			.map(StoredDocument::code)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

	/** The key a document's errors go under, beside the form's own keys. */
	public static String fieldKey(String code) {
		return "document." + code;
	}

}
