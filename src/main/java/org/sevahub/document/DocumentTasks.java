package org.sevahub.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.DocumentFacts;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.workflow.DecisionRefusedException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Documents in officers' tasks, with no change to any BPMN: Camunda's Spring eventing publishes every task's
 * events, and this listens.
 * <ul>
 * <li>When a task of an application is created, it gets local variables: {@value #VARIABLE}, one row per document
 * with its name, what the file is, whether it was scanned and a link that opens it in the browser (the Camunda
 * Form {@code forms/verify-application.form} loops over it in an HTML view, pictures shown inline), and
 * {@value #OPTIONS}, the documents as the choices of the form's checklist {@value #REJECTED}.</li>
 * <li>When the task completes with {@value #REJECTED} (the form always sends it), the documents in it are rejected
 * with {@value #REMARKS} as the reason, and every other document is accepted; a forward or approval without it
 * accepts them all. Forwarding or approving while a
 * document stands rejected is refused; a clarification asks the citizen for exactly the rejected documents
 * again; an approval or rejection records which documents the decision relied on, with their SHA-256.</li>
 * </ul>
 * Not a dynamic list: with one in the form, Tasklist 7.24 never enables the task's Complete button.
 * The engine runs the BPMN's own complete listeners first, so {@code decisions.require} has checked the decision
 * itself by then. A refusal here is a {@link DecisionRefusedException}: Tasklist shows its sentence.
 */
@Component
class DocumentTasks {

	static final String VARIABLE = "documents";

	static final String OPTIONS = "documentOptions";

	static final String REJECTED = "rejectedDocuments";

	static final String REMARKS = "documentRemarks";

	static final String RELIED_ON = "DOCUMENTS_RELIED_ON";

	static final String ASKED_AGAIN = "DOCUMENTS_ASKED_AGAIN";

	static final String VERDICT = "DOCUMENT_VERDICT";

	/** The decisions that stand on the documents: each one judges them, with the checklist or without it. */
	private static final Set<String> JUDGING = Set.of("forward", "approve");

	private final ApplicationRepository applications;

	private final DocumentRepository documents;

	private final DocumentCatalog catalog;

	private final Languages languages;

	private final ApplicationEvents events;

	private final IdentityService identity;

	private final ObjectMapper json;

	private final Words words;

	DocumentTasks(ApplicationRepository applications, DocumentRepository documents, DocumentCatalog catalog,
			Languages languages, ApplicationEvents events, IdentityService identity, ObjectMapper json,
			Words words) {
		this.applications = applications;
		this.documents = documents;
		this.catalog = catalog;
		this.languages = languages;
		this.events = events;
		this.identity = identity;
		this.json = json;
		this.words = words;
	}

	@EventListener
	void on(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			application(task).ifPresent(app -> offer(task, app));
		}
		else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) && task.getVariableLocal(VARIABLE) != null) {
			application(task).ifPresent(app -> record(task, app));
		}
	}

	private Optional<Application> application(DelegateTask task) {
		String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		return key == null ? Optional.empty()
				: applications.findByNo(key).filter(app -> !catalog.of(app.serviceCode()).isEmpty());
	}

	private void offer(DelegateTask task, Application app) {
		// The language Tasklist's forms are deployed in beside English (BilingualTasklistForms), not the service's.
		String language = languages.stateLanguage();
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Map<String, String>> options = new ArrayList<>();
		for (StoredDocument d : documents.current(app.id())) {
			DocumentRequirement requirement = catalog.find(app.serviceCode(), d.code()).orElse(null);
			String name = requirement == null ? d.code() : requirement.nameEn();
			String local = requirement == null ? null : requirement.names().get(language);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", d.code());
			row.put("name", Words.bilingual(name, local));
			row.put("file", d.fileName());
			row.put("details", details(d, language));
			// In English and the state language, as the form around it is ("accepted / গৃহীত").
			row.put("scan", capitalised(words.inEnglishAnd(language,
					d.scanned() ? "document.officer.scanned" : "document.officer.not-scanned", null, d.scannedBy())));
			// Relative: officers reach the documents on the host they reached Tasklist on, with its session.
			row.put("viewUrl", "/officer/documents/" + d.id());
			row.put("image", d.isImage());
			row.put("verdict", words.inEnglishAnd(language,
					d.verdict() == null ? "document.officer.unchecked" : "document.officer." + d.verdict(), null));
			rows.add(row);
			// Named as the rows above name it, but without the examples in brackets: form-js sets a choice on one line
			// and cuts off what does not fit, and "Proof of address (ration card, electricity bill or voter ID) / पते
			// का प्रमाण (राशन कार्ड, …)" lost its file name even at a desktop's width. The form submits the code, which
			// the verdicts are recorded by.
			options.add(Map.of("label", Words.bilingual(withoutExamples(name), withoutExamples(local)) + " ("
					+ d.fileName() + ")", "value", d.code()));
		}
		try {
			task.setVariableLocal(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(rows)).create());
			task.setVariableLocal(OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** "Proof of address (ration card, …)" as "Proof of address": a name without the examples it ends with. */
	static String withoutExamples(String name) {
		if (name == null || !name.endsWith(")")) {
			return name;
		}
		int open = name.lastIndexOf(" (");
		return open > 0 ? name.substring(0, open) : name;
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** "PDF, 2 pages / 2 পৃষ্ঠা, 180 KB, SHA-256 …": the pages in both languages, as the rest of the form. */
	private String details(StoredDocument d, String language) {
		String type = AcceptedType.of(d.mediaType()).map(t -> t.label).orElse(d.mediaType());
		String size = d.sizeBytes() >= 1024 * 1024
				? String.format(Locale.ROOT, "%.1f MB", d.sizeBytes() / (1024.0 * 1024.0))
				: Math.max(1, Math.round(d.sizeBytes() / 1024.0)) + " KB";
		// The count as text: Java would write it in Bengali or Devanagari digits (TaskBriefs' due date does too).
		String pages = d.pages() == null ? ""
				: ", " + words.inEnglishAnd(language, d.pages() == 1 ? "document.officer.page" : "document.officer.pages",
						null, String.valueOf(d.pages()));
		return type + pages + ", " + size + ", SHA-256 " + d.shortDigest() + "…";
	}

	private void record(DelegateTask task, Application app) {
		String actor = actor(task);
		Map<String, StoredDocument> current = new LinkedHashMap<>();
		documents.current(app.id()).forEach(d -> current.put(d.code(), d));
		Object submitted = completed(task, REJECTED);
		Object reason = completed(task, REMARKS);
		String decision = Objects.toString(task.getVariable(Variables.DECISION), "");
		if (submitted != null || JUDGING.contains(decision)) {
			// A forward or approval says the documents hold: completed without the checklist (/engine-rest, as the
			// README shows), it ticked none, as the form would send it, rather than leaving the documents unchecked.
			judge(app, current, submitted == null ? List.of() : codes(submitted),
					reason == null ? "" : reason.toString().strip(), actor);
		}
		List<StoredDocument> now = documents.current(app.id());
		List<StoredDocument> rejected = now.stream().filter(StoredDocument::rejected).toList();
		if (!rejected.isEmpty() && JUDGING.contains(decision)) {
			throw new DecisionRefusedException(String.join(", ", rejected.stream().map(d -> name(app, d)).toList())
					+ " is marked rejected: seek a clarification to ask the citizen for it again, or accept it");
		}
		if (decision.equals("clarify") && !rejected.isEmpty()) {
			rejected.forEach(d -> documents.requestResend(d.id(), EngineClock.now()));
			events.record(app.id(), ASKED_AGAIN, "Asked again by " + actor + ": "
					+ String.join("; ", rejected.stream().map(d -> name(app, d) + " (" + d.verdictReason() + ")").toList()),
					new DocumentFacts(app.serviceCode(), actor, null, rejected.stream()
						.map(d -> new DocumentFacts.Item(d.code(), d.fileName(), d.verdict(), d.verdictReason()))
						.toList()));
		}
		if (decision.equals("approve") || decision.equals("reject")) {
			events.record(app.id(), RELIED_ON, "The decision to " + decision + " by " + actor + " relied on: "
					+ reliedOn(app, now), new DocumentFacts(app.serviceCode(), actor, decision, now.stream()
						.filter(d -> !d.rejected())
						.map(d -> new DocumentFacts.Item(d.code(), d.fileName(), null, null))
						.toList()));
		}
	}

	/** The officer's verdicts: the documents in {@code rejectedCodes} rejected for {@code why}, the others accepted. */
	private void judge(Application app, Map<String, StoredDocument> current,
			List<String> rejectedCodes, String why, String actor) {
		if (!rejectedCodes.isEmpty() && why.isEmpty()) {
			throw new DecisionRefusedException("Say why the rejected documents are rejected: the citizen reads the reason");
		}
		if (why.length() > 500) {
			throw new DecisionRefusedException("The reason for rejecting documents must be at most 500 characters");
		}
		for (StoredDocument d : current.values()) {
			boolean rejected = rejectedCodes.contains(d.code());
			String verdict = rejected ? StoredDocument.REJECTED : StoredDocument.ACCEPTED;
			String kept = rejected ? why : null;
			if (!verdict.equals(d.verdict()) || !Objects.equals(kept, d.verdictReason())) {
				documents.setVerdict(d.id(), verdict, kept, actor, EngineClock.now());
				events.record(app.id(), VERDICT, name(app, d) + " (" + d.fileName() + ", SHA-256 " + d.sha256() + ") "
						+ verdict + " by " + actor + (kept == null ? "" : ": " + kept),
						DocumentFacts.verdict(app.serviceCode(), actor, d.code(), d.fileName(), verdict, kept));
			}
		}
	}

	/** {@code Proof of income: salary.pdf, SHA-256 …; …}, the documents a decision or certificate stands on. */
	String reliedOn(Application app, List<StoredDocument> current) {
		List<String> used = current.stream()
			.filter(d -> !d.rejected())
			.map(d -> name(app, d) + ": " + d.fileName() + ", SHA-256 " + d.sha256())
			.toList();
		return used.isEmpty() ? "no documents" : String.join("; ", used);
	}

	private String name(Application app, StoredDocument d) {
		return catalog.find(app.serviceCode(), d.code()).map(DocumentRequirement::nameEn).orElse(d.code());
	}

	/**
	 * A variable as the officer completed the task. Tasklist's form submits into the task's own variables;
	 * {@code /task/{id}/complete} sets variables on the process instead, where they are read (and removed: the
	 * process keeps ids, not payloads).
	 */
	private static Object completed(DelegateTask task, String name) {
		Object value = task.getVariableLocal(name);
		if (task.getExecution().hasVariable(name)) {
			value = task.getExecution().getVariable(name);
			task.getExecution().removeVariable(name);
		}
		return value;
	}

	/** The rejected documents' codes: a JSON list (the form's checklist), or one code as text. */
	private List<String> codes(Object value) {
		try {
			JsonNode node = json.readTree(value.toString());
			List<String> codes = new ArrayList<>();
			if (node.isArray()) {
				node.forEach(code -> codes.add(code.asText()));
			}
			else {
				codes.add(node.asText());
			}
			return codes;
		}
		catch (JsonProcessingException notJson) {
			return value.toString().isBlank() ? List.of() : List.of(value.toString().strip());
		}
	}

	/** The officer signed in to the engine (Tasklist, the REST API), else the task's assignee. */
	private String actor(DelegateTask task) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		return task.getAssignee() != null ? task.getAssignee() : "system";
	}

}
