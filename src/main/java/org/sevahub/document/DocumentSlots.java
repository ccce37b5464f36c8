package org.sevahub.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sevahub.application.Application;
import org.sevahub.application.SubmissionCheck;

import org.springframework.stereotype.Component;

/**
 * Which of a service's documents an application needs with the answers it has, and what it holds for each;
 * and, as the application's {@link SubmissionCheck}, no submission (nor reply to a clarification) while a needed
 * document is missing or one the office asked for again has not been sent.
 */
@Component
public class DocumentSlots implements SubmissionCheck {

	private final DocumentCatalog catalog;

	private final DocumentConditions conditions;

	private final DocumentRepository documents;

	private final DocumentMessages messages;

	DocumentSlots(DocumentCatalog catalog, DocumentConditions conditions, DocumentRepository documents,
			DocumentMessages messages) {
		this.catalog = catalog;
		this.conditions = conditions;
		this.documents = documents;
		this.messages = messages;
	}

	/** @param app {@code null} for a form not saved yet, which holds nothing */
	public List<Slot> of(String serviceCode, Application app, Map<String, String> answers) {
		Map<String, StoredDocument> held = new LinkedHashMap<>();
		if (app != null) {
			documents.current(app.id()).forEach(d -> held.put(d.code(), d));
		}
		List<Slot> slots = new ArrayList<>();
		for (DocumentRequirement requirement : catalog.of(serviceCode)) {
			boolean needed = requirement.mandatory()
					|| requirement.conditional() && conditions.holds(requirement.condition(), answers);
			slots.add(new Slot(requirement, needed, held.get(requirement.code())));
		}
		return slots;
	}

	@Override
	public Map<String, String> problems(Application app, Map<String, String> answers) {
		return problems(of(app.serviceCode(), app, answers));
	}

	/** For a form not saved yet: the needed documents it does not come with ({@code sent}: codes of its files). */
	Map<String, String> problems(String serviceCode, Map<String, String> answers, java.util.Set<String> sent) {
		return problems(of(serviceCode, null, answers).stream().filter(s -> !sent.contains(s.requirement().code())).toList());
	}

	private Map<String, String> problems(List<Slot> slots) {
		String language = messages.language();
		Map<String, String> problems = new LinkedHashMap<>();
		for (Slot slot : slots) {
			String name = slot.requirement().name(language);
			if (slot.missing()) {
				problems.put(DocumentService.fieldKey(slot.requirement().code()), messages.text("document.missing", name));
			}
			else if (slot.askedAgain()) {
				problems.put(DocumentService.fieldKey(slot.requirement().code()),
						messages.text("document.asked-again", name, slot.document().verdictReason()));
			}
		}
		return problems;
	}

	/**
	 * One document of a service for one application.
	 *
	 * @param needed   mandatory, or its condition holds for the answers given
	 * @param document the file the application holds for it now, if any
	 */
	public record Slot(DocumentRequirement requirement, boolean needed, StoredDocument document) {

		public boolean missing() {
			return needed && document == null;
		}

		public boolean askedAgain() {
			return document != null && document.resendRequested();
		}

	}

}
