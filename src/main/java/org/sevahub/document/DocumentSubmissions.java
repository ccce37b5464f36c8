package org.sevahub.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.ApplicationService.Submission;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.NewApplication;
import org.sevahub.application.form.FormValidator;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A form posted with its files (the citizen's form without script, or with it for a form not saved yet): the
 * form and every file are taken together in one transaction, or nothing is. Each refused file is answered under
 * its document's key beside the form's own field errors, so the citizen sees everything to fix at once.
 */
@Service
public class DocumentSubmissions {

	private final ApplicationService applications;

	private final DocumentService documents;

	private final DocumentMessages messages;

	private final ServiceCatalog catalog;

	private final DocumentSlots slots;

	DocumentSubmissions(ApplicationService applications, DocumentService documents, DocumentMessages messages,
			ServiceCatalog catalog, DocumentSlots slots) {
		this.slots = slots;
		this.applications = applications;
		this.documents = documents;
		this.messages = messages;
		this.catalog = catalog;
	}

	@Transactional
	public Application createDraft(NewApplication cmd, Map<String, Upload> files) {
		List<DocumentService.Prepared> prepared = new ArrayList<>();
		Map<String, String> refused = prepare(cmd.serviceCode(), null, files, prepared);
		return withFiles(refused, prepared, () -> {
			Application app = applications.create(cmd);
			keep(app, prepared);
			return applications.saveDraft(app.applicationNo(), Map.of());
		});
	}

	@Transactional
	public Submission createAndSubmit(NewApplication cmd, Map<String, Upload> files) {
		List<DocumentService.Prepared> prepared = new ArrayList<>();
		Map<String, String> refused = prepare(cmd.serviceCode(), null, files, prepared);
		return withFiles(refused, prepared, () -> {
			try {
				return applications.createAndSubmit(cmd, app -> keep(app, prepared));
			}
			catch (FormInvalidException invalid) {
				// The form's errors stopped it before its documents were looked at: name the missing ones too.
				Map<String, String> all = new LinkedHashMap<>(invalid.fieldErrors());
				slots.problems(cmd.serviceCode(), cmd.values(), files.keySet()).forEach(all::putIfAbsent);
				throw new FormInvalidException(all, invalid.problems());
			}
		});
	}

	@Transactional
	public Application saveDraft(String applicationNo, Map<String, String> values, Map<String, Upload> files) {
		return withFilesOf(applicationNo, files, () -> applications.saveDraft(applicationNo, values));
	}

	@Transactional
	public Submission submit(String applicationNo, Map<String, String> values, Map<String, Upload> files) {
		return withFilesOf(applicationNo, files, () -> applications.submit(applicationNo, values));
	}

	/** {@code step} on an application that exists, its files checked first and kept before the step. */
	private <T> T withFilesOf(String applicationNo, Map<String, Upload> files, Supplier<T> step) {
		Application app = applications.get(applicationNo);
		List<DocumentService.Prepared> prepared = new ArrayList<>();
		Map<String, String> refused = prepare(app.serviceCode(), app, files, prepared);
		return withFiles(refused, prepared, () -> {
			keep(app, prepared);
			return step.get();
		});
	}

	/** Checks every file; the refused ones are answered per document key, the others kept for {@link #keep}. */
	private Map<String, String> prepare(String serviceCode, Application app, Map<String, Upload> files,
			List<DocumentService.Prepared> into) {
		catalog.get(serviceCode);
		Map<String, String> refused = new LinkedHashMap<>();
		files.forEach((code, upload) -> {
			try {
				into.add(documents.prepare(serviceCode, app, code, upload));
			}
			catch (DocumentRefusedException ex) {
				String name = documents.find(serviceCode, code).map(r -> r.name(messages.language())).orElse(code);
				refused.put(DocumentService.fieldKey(code), messages.refusal(ex, name));
			}
		});
		return refused;
	}

	private void keep(Application app, List<DocumentService.Prepared> prepared) {
		prepared.forEach(p -> documents.keep(app, p, ApplicationService.CITIZEN));
	}

	/**
	 * Runs the form's step (its changes are rolled back with everything else if any file was refused), then
	 * answers with every problem: a refused file's reason before the form's note that it is missing. A good file
	 * that came with a refused form is rolled back too: the answer says so under its document, or the page would
	 * list it as missing without a word (the browser does not send a file input's choice twice).
	 */
	private <T> T withFiles(Map<String, String> refused, List<DocumentService.Prepared> prepared, Supplier<T> step) {
		T result;
		try {
			result = step.get();
		}
		catch (FormInvalidException invalid) {
			if (refused.isEmpty() && prepared.isEmpty()) {
				throw invalid;
			}
			Map<String, String> all = new LinkedHashMap<>(invalid.fieldErrors());
			all.putAll(refused);
			all.putAll(notKept(prepared));
			// The codes stay with the form's errors (a page says them in the citizen's language); a file's
			// answer is already in words.
			Map<String, FormValidator.Problem> codes = new LinkedHashMap<>(invalid.problems());
			codes.keySet().removeAll(refused.keySet());
			throw new FormInvalidException(all, codes);
		}
		if (!refused.isEmpty()) {
			Map<String, String> all = new LinkedHashMap<>(refused);
			all.putAll(notKept(prepared));
			throw new FormInvalidException(all);
		}
		return result;
	}

	/** Per document key: this good file was not kept with the refused form, and must be chosen again. */
	private Map<String, String> notKept(List<DocumentService.Prepared> prepared) {
		Map<String, String> notes = new LinkedHashMap<>();
		for (DocumentService.Prepared p : prepared) {
			notes.put(DocumentService.fieldKey(p.requirement().code()), messages.text("document.choose-again",
					p.requirement().name(messages.language()), p.file().fileName()));
		}
		return notes;
	}

}
