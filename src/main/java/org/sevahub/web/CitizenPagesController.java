package org.sevahub.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.FeeGateway;
import org.sevahub.application.FormInvalidException;
import org.sevahub.application.IssuedDocuments;
import org.sevahub.application.NewApplication;
import org.sevahub.application.PortalReturn;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormRegistry;
import org.sevahub.office.OfficeAssignments;
import org.sevahub.application.form.FormValidator;
import org.sevahub.document.DocumentPanels;
import org.sevahub.document.DocumentSubmissions;
import org.sevahub.document.Upload;
import org.sevahub.language.Words;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's pages: the service list, the form (rendered from the service's Camunda Form, portal fields
 * locked), drafts, submission with field errors, the acknowledgement and its PDF receipt, the stage-wise status,
 * appeals and withdrawal.
 */
@Controller
class CitizenPagesController {

	private final ServiceCatalog catalog;

	private final FormRegistry forms;

	private final ApplicationService applications;

	private final ApplicationViews views;

	private final CitizenAccess access;

	private final List<FeeGateway> gateways;

	private final List<PortalReturn> portalReturns;

	private final IssuedDocuments documents;

	private final DocumentSubmissions submissions;

	private final DocumentPanels documentPanels;

	private final OfficeAssignments offices;

	private final ApplicationRepository repository;

	private final MessageSource messages;

	private final WhoAndWhenViews whoAndWhen;

	private final Words words;

	CitizenPagesController(ServiceCatalog catalog, FormRegistry forms, ApplicationService applications,
			ApplicationViews views, CitizenAccess access, List<FeeGateway> gateways, List<PortalReturn> portalReturns,
			IssuedDocuments documents, DocumentSubmissions submissions,
			DocumentPanels documentPanels, MessageSource messages, WhoAndWhenViews whoAndWhen,
			Words words, OfficeAssignments offices, ApplicationRepository repository) {
		this.repository = repository;
		this.offices = offices;
		this.words = words;
		this.whoAndWhen = whoAndWhen;
		this.messages = messages;
		this.submissions = submissions;
		this.documentPanels = documentPanels;
		this.documents = documents;
		this.catalog = catalog;
		this.forms = forms;
		this.applications = applications;
		this.views = views;
		this.access = access;
		this.gateways = gateways;
		this.portalReturns = portalReturns;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("services", catalog.all());
		return "home";
	}

	/**
	 * Tracking by number without signing in: the service, the status in words and dates, nothing else. Numbers
	 * are sequential, so this must say nothing a stranger should not know (docs/security.md). A number is taken
	 * as the acknowledgement prints it, whatever the case it was typed in (bc2026000001 is BC2026000001).
	 */
	@GetMapping("/track")
	String track(@RequestParam(defaultValue = "") String applicationNo, Model model, HttpServletResponse response) {
		String no = applicationNo.strip().toUpperCase(Locale.ROOT);
		if (no.isEmpty()) {
			// Nothing typed yet (a bookmark, or the header's box sent empty): ask for the number, not "no such number".
			model.addAttribute("askNumber", true);
			return "track";
		}
		Application app = no.length() > 40 ? null : repository.findByNo(no).orElse(null);
		if (app == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("track", null);
			return "track";
		}
		ServiceDefinition service = catalog.find(app.serviceCode()).orElse(null);
		String language = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("track", new Tracked(app.applicationNo(),
				service == null ? app.serviceCode() : service.name(language),
				app.status(), app.createdAt(), app.submittedAt(), app.updatedAt(), app.slaDueAt()));
		return "track";
	}

	/** What public tracking shows. */
	record Tracked(String applicationNo, String serviceName, String status, java.time.Instant createdAt,
			java.time.Instant submittedAt, java.time.Instant updatedAt, java.time.Instant slaDueAt) {
	}

	@GetMapping("/apply/{serviceCode}")
	String newForm(@PathVariable String serviceCode, Model model) {
		ServiceDefinition service = catalog.get(serviceCode);
		return formPage(model, service, null, Map.of(), Map.of(), Set.of());
	}

	@PostMapping("/apply/{serviceCode}")
	String create(@PathVariable String serviceCode, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "draft") String action, Model model, HttpServletRequest request,
			HttpServletResponse response) throws HttpMediaTypeNotSupportedException {
		formBody(request);
		ServiceDefinition service = catalog.get(serviceCode);
		Map<String, String> values = formValues(params);
		try {
			NewApplication cmd = NewApplication.direct(service.code(), values);
			Application app = "submit".equals(action)
					? submissions.createAndSubmit(cmd, Upload.fromForm(request)).application()
					: submissions.createDraft(cmd, Upload.fromForm(request));
			access.grant(response, app.applicationNo());
			return "submit".equals(action) ? "redirect:/applications/" + app.applicationNo() + "/acknowledgement"
					: "redirect:/applications/" + app.applicationNo() + "/form?saved";
		}
		catch (FormInvalidException ex) {
			response.setStatus(400);
			FormShownAgain again = shownAgain(service, Map.of(), values, ex);
			return formPage(model, service, null, again.values(), again.errors(), Set.of());
		}
	}

	@GetMapping("/applications/{applicationNo}/form")
	String form(@PathVariable String applicationNo, HttpServletRequest request, Model model) {
		Application app = accessible(applicationNo, request);
		return formPage(model, catalog.get(app.serviceCode()), app, applications.formValues(app), Map.of(),
				app.lockedFields());
	}

	@PostMapping("/applications/{applicationNo}/form")
	String update(@PathVariable String applicationNo, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "draft") String action, HttpServletRequest request,
			HttpServletResponse response, Model model) throws HttpMediaTypeNotSupportedException {
		formBody(request);
		Application app = accessible(applicationNo, request);
		Map<String, String> values = formValues(params);
		try {
			if ("submit".equals(action)) {
				submissions.submit(applicationNo, values, Upload.fromForm(request));
				return "redirect:/applications/" + applicationNo + "/acknowledgement";
			}
			submissions.saveDraft(applicationNo, values, Upload.fromForm(request));
			return "redirect:/applications/" + applicationNo + "/form?saved";
		}
		catch (FormInvalidException ex) {
			response.setStatus(400);
			ServiceDefinition service = catalog.get(app.serviceCode());
			FormShownAgain again = shownAgain(service, applications.formValues(app), values, ex);
			return formPage(model, service, app, again.values(), again.errors(), app.lockedFields());
		}
	}

	@GetMapping("/applications/{applicationNo}/acknowledgement")
	String acknowledgement(@PathVariable String applicationNo, HttpServletRequest request, Model model) {
		Application app = accessible(applicationNo, request);
		model.addAttribute("view", views.of(app));
		model.addAttribute("serviceName", catalog.get(app.serviceCode())
			.names()
			.getOrDefault(LocaleContextHolder.getLocale().getLanguage(), catalog.get(app.serviceCode()).nameEn()));
		model.addAttribute("returns", returnLinks(app, app.submittedAt() != null));
		return "acknowledgement";
	}

	/** The receipt, for the citizen's browser, or for a portal holding the signed link SevaHub gave it. */
	@GetMapping("/applications/{applicationNo}/receipt.pdf")
	ResponseEntity<byte[]> receipt(@PathVariable String applicationNo, @RequestParam(required = false) String key,
			HttpServletRequest request) {
		Application app = key != null && java.security.MessageDigest.isEqual(
				access.sign("receipt", applicationNo).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) ? applications.get(applicationNo)
						: accessible(applicationNo, request);
		Locale locale = LocaleContextHolder.getLocale();
		ServiceDefinition service = catalog.get(app.serviceCode());
		byte[] pdf = ReceiptPdf.render(views.of(app), applications.applicantOf(app),
				service.name(locale.getLanguage()), words, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("receipt-" + applicationNo + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/applications/{applicationNo}")
	String status(@PathVariable String applicationNo, HttpServletRequest request, Model model) {
		model.addAttribute("withdrawUnconfirmed", false);
		return statusPage(applicationNo, request, model);
	}

	private String statusPage(String applicationNo, HttpServletRequest request, Model model) {
		Application app = applications.get(applicationNo);
		boolean owner = access.has(request, applicationNo);
		ApplicationView view = views.of(app);
		model.addAttribute("view", view);
		model.addAttribute("who", whoAndWhen.of(app, view, LocaleContextHolder.getLocale().getLanguage()));
		model.addAttribute("owner", owner);
		model.addAttribute("office",
				offices.of(app, LocaleContextHolder.getLocale().getLanguage()).orElse(null));
		model.addAttribute("documents",
				owner ? documentPanels.of(app.serviceCode(), app, applications.formValues(app), Map.of()) : null);
		model.addAttribute("certificateDownload", owner ? documents.forApplication(app.id())
			.filter(d -> !d.revoked())
			.map(d -> onThisSite(d.downloadUrl()))
			.orElse(null) : null);
		return "status";
	}

	/**
	 * A link of SevaHub's own for the citizen's page, without its server: portals get the whole address, but the
	 * citizen's browser stays on the host that served the page (with no public address configured that address is
	 * the server's loopback one, a dead link from a phone).
	 */
	private static String onThisSite(String url) {
		java.net.URI uri = java.net.URI.create(url);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	@GetMapping("/applications/{applicationNo}/pay")
	String pay(@PathVariable String applicationNo, HttpServletRequest request) {
		Application app = accessible(applicationNo, request);
		FeeGateway gateway = gateways.stream()
			.filter(g -> g.collects(app))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No payment gateway collects fees for " + applicationNo));
		return "redirect:" + gateway.paymentUrl(app, catalog.get(app.serviceCode()).fee());
	}

	@PostMapping("/applications/{applicationNo}/appeal")
	String appeal(@PathVariable String applicationNo, @RequestParam(defaultValue = "") String grounds,
			HttpServletRequest request) {
		accessible(applicationNo, request);
		applications.fileAppeal(applicationNo, grounds);
		return "redirect:/applications/" + applicationNo;
	}

	/**
	 * Withdrawal cannot be undone, so the form's "I understand" box must be ticked: without it (a browser that
	 * skipped the check, a crafted post) nothing changes and the page asks for it (400).
	 */
	@PostMapping("/applications/{applicationNo}/withdraw")
	String withdraw(@PathVariable String applicationNo, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String confirm, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		accessible(applicationNo, request);
		if (!"true".equals(confirm)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("withdrawUnconfirmed", true);
			return statusPage(applicationNo, request, model);
		}
		applications.withdraw(applicationNo, reason);
		return "redirect:/applications/" + applicationNo;
	}

	private Application accessible(String applicationNo, HttpServletRequest request) {
		Application app = applications.get(applicationNo);
		if (!access.has(request, applicationNo)) {
			throw new NoCitizenAccessException(applicationNo);
		}
		return app;
	}

	private String formPage(Model model, ServiceDefinition service, Application app, Map<String, String> values,
			Map<String, String> errors, Set<String> locked) {
		model.addAttribute("service", service);
		model.addAttribute("app", app);
		model.addAttribute("view", app == null ? null : views.of(app));
		model.addAttribute("form", FormPage.of(forms.get(service.form()), values, errors, locked,
				LocaleContextHolder.getLocale().getLanguage()));
		model.addAttribute("errors", errors);
		model.addAttribute("documents", documentPanels.of(service.code(), app, values, errors));
		model.addAttribute("returns", app == null || app.submittedAt() != null ? List.of() : returnLinks(app, false));
		return "form";
	}

	private FormShownAgain shownAgain(ServiceDefinition service, Map<String, String> held, Map<String, String> typed,
			FormInvalidException ex) {
		return FormShownAgain.of(forms.get(service.form()), held, typed, errorsInWords(service, ex),
				messages.getMessage("form.aadhaar.type-again", null, LocaleContextHolder.getLocale()));
	}

	/**
	 * The form's errors in the reader's language, each naming its field by the field's translated label, in the
	 * order the page shows the fields: the form's own, then the documents (which follow the form).
	 */
	private Map<String, String> errorsInWords(ServiceDefinition service, FormInvalidException ex) {
		FormDefinition form = forms.get(service.form());
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> inOrder = new LinkedHashMap<>();
		form.inputs().forEach(f -> {
			if (ex.fieldErrors().containsKey(f.key())) {
				inOrder.put(f.key(), ex.fieldErrors().get(f.key()));
			}
		});
		ex.fieldErrors().forEach(inOrder::putIfAbsent);
		Map<String, String> errors = new LinkedHashMap<>();
		inOrder.forEach((key, english) -> {
			FormValidator.Problem problem = ex.problems().get(key);
			if (problem == null) {
				errors.put(key, english);
				return;
			}
			String label = form.field(key)
				.map(f -> form.translate(f.label() != null ? f.label() : key, locale.getLanguage()))
				.orElse(key);
			errors.put(key, messages.getMessage("validation." + problem.code(),
					new Object[] { label, problem.argument() }, english, locale));
		});
		return errors;
	}

	private List<PortalReturn.Link> returnLinks(Application app, boolean submitted) {
		return portalReturns.stream().flatMap(r -> r.link(app, submitted).stream()).toList();
	}

	/**
	 * A form post is a form: a body of another type (JSON, XML) would read as no fields at all and save an empty
	 * draft, so it is refused (415) before anything is written.
	 */
	private static void formBody(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		String type = request.getContentType();
		if (type != null && !type.isBlank()) {
			MediaType mediaType = MediaType.parseMediaType(type);
			if (!MediaType.APPLICATION_FORM_URLENCODED.includes(mediaType) && !MediaType.MULTIPART_FORM_DATA.includes(mediaType)) {
				throw new HttpMediaTypeNotSupportedException(mediaType,
						List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA), HttpMethod.POST);
			}
		}
	}

	/**
	 * The posted fields that belong to the form: not the CSRF token, not the button pressed, not the page's
	 * language (?lang=xx, which the locale interceptor reads; as a field it was "not a field of this form").
	 */
	private static Map<String, String> formValues(MultiValueMap<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>();
		params.forEach((key, list) -> {
			if (!key.startsWith("_") && !"action".equals(key) && !"lang".equals(key) && !list.isEmpty()) {
				values.put(key, list.get(list.size() - 1));
			}
		});
		return values;
	}

}
