package org.sevahub.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sevahub.application.Application;

import org.springframework.stereotype.Component;

/** Builds {@link DocumentPanel}s: the one way pages and the API describe an application's documents. */
@Component
public class DocumentPanels {

	private final DocumentService documents;

	private final DocumentSlots slots;

	private final DocumentLinks links;

	private final DocumentMessages messages;

	DocumentPanels(DocumentService documents, DocumentSlots slots, DocumentLinks links, DocumentMessages messages) {
		this.documents = documents;
		this.slots = slots;
		this.links = links;
		this.messages = messages;
	}

	/**
	 * @param app     {@code null} for a form not yet saved: every document may be sent with it
	 * @param answers the form's values, for conditional documents
	 * @param errors  field errors of the page being shown; a document's are under {@code document.<code>}
	 */
	public DocumentPanel of(String serviceCode, Application app, Map<String, String> answers, Map<String, String> errors) {
		DocumentService.UploadWindow window = app == null ? new DocumentService.UploadWindow(true, java.util.Set.of())
				: documents.window(app);
		String language = messages.language();
		List<DocumentPanel.Item> items = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (DocumentSlots.Slot slot : slots.of(serviceCode, app, answers)) {
			DocumentRequirement r = slot.requirement();
			StoredDocument held = slot.document();
			DocumentPanel.Item item = new DocumentPanel.Item(r.code(), r.name(language), slot.needed(), r.mandatory(),
					r.conditional() ? r.conditionName(language) : null,
					r.types().stream().map(t -> AcceptedType.of(t).map(a -> a.label).orElse(t)).toList(),
					String.join(",", r.types()), messages.size(r.maxBytes()), r.maxBytes(), r.maxPages(),
					window.allows(r.code()), slot.askedAgain(), slot.askedAgain() ? held.verdictReason() : null,
					errors.get(DocumentService.fieldKey(r.code())), held == null ? null : file(held));
			items.add(item);
			if (item.missing()) {
				missing.add(item.name());
			}
		}
		return new DocumentPanel(items, missing, !window.any() && !window.requested().isEmpty());
	}

	public DocumentPanel.FileView file(StoredDocument d) {
		return new DocumentPanel.FileView(d.id(), d.code(), d.fileName(), d.mediaType(), d.sizeBytes(), messages.size(d.sizeBytes()),
				d.pages(), d.sha256(), d.scanned(), d.scannedBy(), d.uploadedAt(), d.verdict(), d.verdictReason(),
				d.deletedAt() == null ? links.link(d) : null);
	}

	/** Every file the application had, for the officer's record: replaced and deleted ones too. */
	public List<DocumentPanel.FileView> history(Application app) {
		return documents.history(app).stream().map(this::file).collect(Collectors.toList());
	}

}
