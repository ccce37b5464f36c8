package org.sevahub.web.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.application.ApplicationService;
import org.sevahub.document.DocumentAccess;
import org.sevahub.document.DocumentMessages;
import org.sevahub.document.DocumentPanel;
import org.sevahub.document.DocumentPanels;
import org.sevahub.document.DocumentRefusedException;
import org.sevahub.document.DocumentRequirement;
import org.sevahub.document.DocumentService;
import org.sevahub.document.StoredDocument;
import org.sevahub.document.Upload;
import org.sevahub.platform.doors.FileNameTooLong;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * One supporting document at a time, multipart with the file in the part {@code file}: on the application API
 * (mobile apps, kiosks) and on the citizen's form, whose script sends each file as soon as it is chosen and shows
 * its progress. Owner route: only the application's citizen (see {@link DocumentAccess}); anyone else is told
 * there is no such application. Answers with the document kept and the application's documents as they stand.
 */
@RestController
class DocumentUploadController {

	/** What a multipart body adds to its file: boundaries, part headers, the file's name. */
	static final long MULTIPART_OVERHEAD = 16 * 1024;

	private final ApplicationService applications;

	private final DocumentService documents;

	private final DocumentPanels panels;

	private final DocumentAccess access;

	private final DocumentMessages messages;

	DocumentUploadController(ApplicationService applications, DocumentService documents, DocumentPanels panels,
			DocumentAccess access, DocumentMessages messages) {
		this.applications = applications;
		this.documents = documents;
		this.panels = panels;
		this.access = access;
		this.messages = messages;
	}

	// JSON only, decided when the call is mapped: an upload asking for another format is refused before its file is
	// read or kept. The form's script asks for JSON too.
	@PostMapping(path = { "/api/v1/applications/{applicationNo}/documents/{code}",
			"/applications/{applicationNo}/documents/{code}" }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> upload(@PathVariable String applicationNo, @PathVariable String code,
			HttpServletRequest request) {
		Application app = owned(applicationNo, request);
		DocumentRequirement requirement;
		try {
			requirement = documents.requirement(app.serviceCode(), code);
			// Refused on the declared length, before the body is read: multipart parsing is lazy
			// (spring.servlet.multipart.resolve-lazily), and a client that sent Expect: 100-continue never sends it.
			if (request.getContentLengthLong() > requirement.maxBytes() + MULTIPART_OVERHEAD) {
				throw DocumentRefusedException.tooLarge(code, request.getContentLengthLong(), requirement.maxBytes());
			}
			MultipartFile file = file(request, code);
			if (file == null) {
				return ResponseEntity.badRequest()
					.contentType(MediaType.APPLICATION_JSON)
					.body(new ApiError("invalid", messages.text("document.part-missing"),
							Map.of(DocumentService.fieldKey(code), messages.text("document.part-missing"))));
			}
			StoredDocument kept = documents.upload(applicationNo, code, Upload.of(file), ApplicationService.CITIZEN);
			return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(new Answer(panels.file(kept), panel(app)));
		}
		catch (DocumentRefusedException refused) {
			String name = documents.find(app.serviceCode(), code)
				.map(r -> r.name(messages.language()))
				.orElse(code);
			String message = messages.refusal(refused, name);
			return ResponseEntity.status(refused.reason().status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new ApiError("refused", message, Map.of(DocumentService.fieldKey(code), message)));
		}
	}

	@GetMapping(path = "/api/v1/applications/{applicationNo}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
	DocumentPanel list(@PathVariable String applicationNo, HttpServletRequest request) {
		return panel(owned(applicationNo, request));
	}

	private DocumentPanel panel(Application app) {
		return panels.of(app.serviceCode(), applications.get(app.applicationNo()), applications.formValues(app), Map.of());
	}

	/** Another citizen's application looks exactly like one that does not exist. */
	private Application owned(String applicationNo, HttpServletRequest request) {
		Application app = applications.get(applicationNo);
		if (!access.isOwner(request, app)) {
			throw new ApplicationNotFoundException(applicationNo);
		}
		return app;
	}

	/** The parts are read here, the first time anything asks for them (they are resolved lazily). */
	private static MultipartFile file(HttpServletRequest request, String code) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		try {
			return multipart == null ? null : multipart.getFile("file");
		}
		catch (MaxUploadSizeExceededException ex) {
			if (FileNameTooLong.causedBy(ex)) {
				throw DocumentRefusedException.fileNameTooLong(code);
			}
			throw ex;
		}
	}

	/** @param document the file just kept; {@code documents}: all of the application's, and what is still missing */
	record Answer(DocumentPanel.FileView document, DocumentPanel documents) {
	}

}
