package org.sevahub.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.authorization.Groups;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormField;
import org.sevahub.application.form.FormRegistry;
import org.sevahub.desk.OnTheRecord;
import org.sevahub.application.ApplicationNotFoundException;
import org.sevahub.document.DocumentAccess;
import org.sevahub.document.DocumentPanels;
import org.sevahub.workflow.OfficerRoles;

import org.sevahub.language.Words;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The whole application as an officer needs it to verify or decide: every answer with its label, the
 * applicant in both scripts, the portals it is linked to, the events on its record. Officers are the people
 * signed in to Camunda's webapps (the Tasklist forms link here), so this page reads that same session.
 */
@Controller
class OfficerPagesController {

	private static final Set<String> OFFICER_GROUPS = Set.of(OfficerRoles.DEALING_ASSISTANT,
			OfficerRoles.DESIGNATED_OFFICER, OfficerRoles.FIRST_APPELLATE, OfficerRoles.SECOND_APPELLATE,
			Groups.CAMUNDA_ADMIN);

	private final ApplicationService applications;

	private final ApplicationViews views;

	private final ServiceCatalog catalog;

	private final FormRegistry forms;

	private final PortalLinks links;

	private final OnTheRecord events;

	private final DocumentPanels documents;

	private final Words words;

	private final DocumentAccess access;

	OfficerPagesController(ApplicationService applications, ApplicationViews views, ServiceCatalog catalog,
			FormRegistry forms, PortalLinks links, OnTheRecord events, DocumentPanels documents, Words words,
			DocumentAccess access) {
		this.words = words;
		this.access = access;
		this.documents = documents;
		this.applications = applications;
		this.views = views;
		this.catalog = catalog;
		this.forms = forms;
		this.links = links;
		this.events = events;
	}

	@GetMapping("/officer/applications/{applicationNo}")
	String application(@PathVariable String applicationNo, HttpServletRequest request, Model model) {
		String officer = signedInOfficer(request);
		Application app = applications.get(applicationNo);
		// Officers open the applications whose tasks their groups hold or held, as with its documents. Another
		// office's is answered as an unknown number is, so that numbers, which are sequential, cannot be probed.
		if (access.officer(request, app).isEmpty()) {
			throw new ApplicationNotFoundException(applicationNo);
		}
		Map<String, String> values = applications.formValues(app);
		// Labels and choices in the officer's language (English or the state's), answers as the citizen gave them.
		Locale locale = LocaleContextHolder.getLocale();
		ServiceDefinition service = catalog.get(app.serviceCode());
		FormDefinition form = forms.get(service.form());
		Map<String, String> labelled = new LinkedHashMap<>();
		for (FormField field : form.inputs()) {
			labelled.put(form.translate(field.label() != null ? field.label() : field.key(), locale.getLanguage()),
					words.value(form, field.key(), values.getOrDefault(field.key(), ""), locale));
		}
		model.addAttribute("officer", officer);
		model.addAttribute("view", views.of(app));
		model.addAttribute("serviceName", service.name(locale.getLanguage()));
		model.addAttribute("fields", labelled);
		model.addAttribute("locked", app.lockedFields());
		model.addAttribute("links", links.of(app.id()));
		// In the page's language too: the registry's answers and refusals in words, without its transaction ids.
		model.addAttribute("events", events.of(app.id(), locale));
		model.addAttribute("documents", documents.of(app.serviceCode(), app, values, Map.of()));
		model.addAttribute("documentHistory", documents.history(app));
		return "officer/application";
	}

	/** The user signed in to Camunda's webapps in this browser, if an officer; otherwise 401. */
	private static String signedInOfficer(HttpServletRequest request) {
		DocumentAccess.Officer user = DocumentAccess.signedIn(request).orElse(null);
		if (user != null) {
			if (user.groups().stream().anyMatch(g -> OFFICER_GROUPS.contains(g.split(":")[0]))) {
				return user.name();
			}
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only officers may open applications here");
		}
		throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
				"Sign in to Tasklist (/camunda/app/tasklist/) first");
	}

}
