package org.sevahub.document;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.platform.doors.Doors;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serving kept documents. {@code /documents/{id}} (public route, guarded by its signature) answers only to a
 * link {@link DocumentLinks} signed and that has not expired. {@code /officer/documents/{id}} (officer route) is
 * the stable address Tasklist's form and the officer's page use: it checks the signed-in officer against
 * {@link DocumentAccess} and sends them on to a fresh signed link.
 */
@RestController
class DocumentDownloadController {

	private final DocumentService documents;

	private final DocumentLinks links;

	private final DocumentAccess access;

	private final ApplicationService applications;

	private final Doors doors;

	DocumentDownloadController(DocumentService documents, DocumentLinks links, DocumentAccess access,
			ApplicationService applications, Doors doors) {
		this.documents = documents;
		this.links = links;
		this.access = access;
		this.applications = applications;
		this.doors = doors;
	}

	@GetMapping("/documents/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(defaultValue = "0") long expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response) {
		if (!links.valid(id, expires, signature)) {
			return refused(request, response, HttpStatus.FORBIDDEN);
		}
		StoredDocument document = documents.find(id).orElse(null);
		if (document == null) {
			return refused(request, response, HttpStatus.NOT_FOUND);
		}
		if (document.deletedAt() != null) {
			return refused(request, response, HttpStatus.GONE);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			// The bytes are what SevaHub checked: a browser must not second-guess the type, cache them, or tell
			// another site where they came from.
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.cacheControl(CacheControl.noStore())
			.body(documents.content(document));
	}

	@GetMapping("/officer/documents/{id}")
	ResponseEntity<byte[]> officerView(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
		if (DocumentAccess.signedIn(request).isEmpty()) {
			return refused(request, response, HttpStatus.UNAUTHORIZED);
		}
		StoredDocument document = documents.find(id).orElse(null);
		Application app = document == null ? null : applications.byId(document.applicationId());
		if (app == null || access.officer(request, app).isEmpty()) {
			return refused(request, response, HttpStatus.FORBIDDEN);
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(links.link(document))).build();
	}

	/** A page in the reader's language that says what happened (a link that expired, a document deleted). */
	private ResponseEntity<byte[]> refused(HttpServletRequest request, HttpServletResponse response, HttpStatus status) {
		doors.refuse(request, response, status.value(), null);
		return null;
	}

}
