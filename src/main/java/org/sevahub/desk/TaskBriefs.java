package org.sevahub.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.ServiceNameOnTasks;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormField;
import org.sevahub.application.form.FormRegistry;
import org.sevahub.office.ApplicationTransferred;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.office.OfficeAssignments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The whole application in every officer's task, readable in Tasklist before the task is claimed: when a task of an
 * application is created it gets one local JSON variable, {@value #VARIABLE}, that the Camunda Forms in forms/ show
 * in read-only HTML views ({@code brief.origin}, {@code #loop brief.history}): the applicant ({@value #APPLICANT}),
 * the service's answers ({@value #SERVICE}), the portal it came through ({@value #ORIGIN}), its office
 * ({@value #OFFICE}), the statutory due date with the days left when the task opened ({@value #DUE}), the stage-wise
 * history with remarks, statuses in words ({@value #HISTORY}), and, for a duplicate review, what the registry said,
 * the registry records that matched (reference, name, what matched, enrolment; {@link RegistryInWords}) and this
 * person's other applications ({@value #MATCHES}). Like the form around it (BilingualTasklistForms), the brief is in
 * English and the installation's state language: each answer by its label, a choice by its label and a date in words, as the
 * officer's page names them ({@link Words#value}), statuses and the due date in words. One variable, not seven:
 * each variable is a runtime row, a history row and, for JSON, a byte-array row in each, written for every task of every application (the load test's rows written per
 * application). The service's and applicant's names are set on the task too: a called process (an appeal) does
 * not carry them, and the forms show them in fields of their own (set on the task only where its process does not
 * already hold the same name). Like {@code DocumentTasks}, no BPMN changes:
 * Camunda's Spring eventing publishes every task event.
 */
@Component
class TaskBriefs {

	/** The one task-local variable the brief is kept in: a JSON object with the parts below. */
	static final String VARIABLE = "brief";

	static final String APPLICANT = "applicant";

	static final String SERVICE = "service";

	static final String ORIGIN = "origin";

	static final String OFFICE = "office";

	static final String DUE = "due";

	static final String HISTORY = "history";

	static final String MATCHES = "matches";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final Locale ENGLISH = Languages.locale("en");

	private final ApplicationRepository repository;

	private final ApplicationService applications;

	private final ServiceCatalog catalog;

	private final FormRegistry forms;

	private final PortalLinks links;

	private final StatusHistory history;

	private final ApplicationEvents events;

	private final OfficeAssignments offices;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final TaskService tasks;

	private final Languages languages;

	private final Words words;

	private final ServiceNameOnTasks serviceNames;

	private final RegistryInWords registry;

	TaskBriefs(ApplicationRepository repository, ApplicationService applications, ServiceCatalog catalog,
			FormRegistry forms, PortalLinks links, StatusHistory history, ApplicationEvents events,
			OfficeAssignments offices, MessageSource messages, ObjectMapper json, TaskService tasks,
			Languages languages, Words words, RegistryInWords registry, ServiceNameOnTasks serviceNames,
			@Value("${sevahub.time-zone}") ZoneId zone) {
		this.serviceNames = serviceNames;
		this.registry = registry;
		this.languages = languages;
		this.words = words;
		this.tasks = tasks;
		this.repository = repository;
		this.applications = applications;
		this.catalog = catalog;
		this.forms = forms;
		this.links = links;
		this.history = history;
		this.events = events;
		this.offices = offices;
		this.messages = messages;
		this.json = json;
		this.zone = zone;
	}

	@EventListener
	@Order(10)
	void on(DelegateTask task) {
		if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			return;
		}
		String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		Optional<Application> app = key == null ? Optional.empty() : repository.findByNo(key);
		app.ifPresent(a -> brief(task, a));
	}

	private void brief(DelegateTask task, Application app) {
		ServiceDefinition service = catalog.get(app.serviceCode());
		Applicant applicant = applications.applicantOf(app);
		Map<String, String> values = applications.formValues(app);
		List<Map<String, String>> applicantRows = new ArrayList<>();
		List<Map<String, String>> serviceRows = new ArrayList<>();
		FormDefinition form = forms.get(service.form());
		String language = languages.stateLanguage();
		for (FormField field : form.inputs()) {
			String value = values.get(field.key());
			if (value == null || value.isBlank()) {
				continue;
			}
			// As the officer's page names an answer: by its label, a choice by its label, a date in words.
			String label = field.label() != null ? field.label() : field.key();
			Map<String, String> row = Map.of("label", Words.bilingual(label, form.translate(label, language)), "value",
					Words.bilingual(words.value(form, field.key(), value, ENGLISH),
							words.value(form, field.key(), value, Languages.locale(language))));
			(field.key().startsWith("applicant.") ? applicantRows : serviceRows).add(row);
		}
		// Applications started before their service was named in two languages get the name on each new task.
		nameOnTask(task, Variables.SERVICE_NAME, serviceNames.of(service));
		nameOnTask(task, Variables.APPLICANT_NAME, applicant.displayName());
		Map<String, Object> brief = new LinkedHashMap<>();
		brief.put(APPLICANT, applicantRows);
		brief.put(SERVICE, serviceRows);
		brief.put(ORIGIN, origin(app));
		brief.put(OFFICE, office(app));
		brief.put(DUE, due(task));
		brief.put(HISTORY, history(app));
		brief.put(MATCHES, matches(app, applicant));
		task.setVariableLocal(VARIABLE, jsonValue(json, brief));
	}

	/**
	 * A transfer moves the open tasks to another office: their briefs name it, the rest of each brief (the due date
	 * as it stood when the task opened, the history then) stays as the officer first read it.
	 */
	@EventListener
	void on(ApplicationTransferred transfer) {
		String office = office(transfer.application());
		for (String taskId : transfer.openTaskIds()) {
			Object kept = tasks.getVariableLocal(taskId, VARIABLE);
			if (kept == null) {
				continue;
			}
			try {
				ObjectNode brief = (ObjectNode) json.readTree(kept.toString());
				brief.put(OFFICE, office);
				tasks.setVariableLocal(taskId, VARIABLE, jsonValue(json, brief));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Its office, and where its designated officer sits, in English and in the state language. */
	private String office(Application app) {
		Optional<OfficeAssignments.Assigned> routed = offices.of(app, "en");
		if (routed.isEmpty()) {
			return message("desk.brief.office.none", null);
		}
		if (routed.get().designatedPost() == null) {
			return Words.bilingual(named(routed.get()), named(offices.of(app, languages.stateLanguage()).orElseThrow()));
		}
		return both("desk.brief.office", locale -> {
			OfficeAssignments.Assigned office = offices.of(app, locale.getLanguage()).orElseThrow();
			return new Object[] { named(office), office.designatedPost(), office.designatedOffice() };
		});
	}

	private static String named(OfficeAssignments.Assigned office) {
		return office.office() + " (" + office.code() + ")";
	}

	/** Set on the task only where its process does not already say the same (a called appeal, say). */
	private static void nameOnTask(DelegateTask task, String variable, String name) {
		if (!name.equals(task.getVariable(variable))) {
			task.setVariableLocal(variable, name);
		}
	}

	private String origin(Application app) {
		if (app.channel().equals(Application.DIRECT)) {
			return message("desk.brief.origin.direct", null);
		}
		String portal = "portalclosed.portal." + app.channel();
		return links.find(app.id(), app.channel())
			.map(PortalLink::externalRef)
			.map(ref -> both("desk.brief.origin.reference",
					locale -> new Object[] { messages.getMessage(portal, null, app.channel(), locale), ref }))
			.orElseGet(() -> message(portal, app.channel()));
	}

	/** The statutory due date in the state's time, with the days left counted from the day the task opened. */
	private String due(DelegateTask task) {
		if (task.getDueDate() == null) {
			return message("desk.brief.due.none", null);
		}
		LocalDate due = task.getDueDate().toInstant().atZone(zone).toLocalDate();
		long left = ChronoUnit.DAYS.between(EngineClock.now().atZone(zone).toLocalDate(), due);
		String key = left > 1 ? "desk.brief.due.days" : left == 1 ? "desk.brief.due.day"
				: left == 0 ? "desk.brief.due.today" : "desk.brief.due.overdue";
		// A number as text: Java would write it in Bengali or Devanagari digits (docs/languages.md, Digits).
		String days = String.valueOf(Math.abs(left));
		return Words.bilingual(words.day(due, ENGLISH) + " " + messages.getMessage(key, new Object[] { days }, ENGLISH),
				words.day(due, local()) + " " + messages.getMessage(key, new Object[] { days }, local()));
	}

	/** The state language's locale, in international digits. */
	private Locale local() {
		return Languages.locale(languages.stateLanguage());
	}

	private String message(String key, String fallback) {
		return words.inEnglishAnd(languages.stateLanguage(), key, fallback);
	}

	/** A text in English and in the state language, side by side, its arguments each written in that language. */
	private String both(String key, Function<Locale, Object[]> arguments) {
		return Words.bilingual(messages.getMessage(key, arguments.apply(ENGLISH), ENGLISH),
				messages.getMessage(key, arguments.apply(local()), local()));
	}

	/** A day in words in both languages ("7 December 2026 / 7 ডিসেম্বর 2026"), then the time. */
	private String when(Instant at) {
		LocalDate day = at.atZone(zone).toLocalDate();
		return Words.bilingual(words.day(day, ENGLISH), words.day(day, local())) + ", " + TIME.format(at.atZone(zone));
	}

	/** A day in words and the time, in one language. */
	private String at(Instant at, Locale locale) {
		return words.day(at.atZone(zone).toLocalDate(), locale) + ", " + TIME.format(at.atZone(zone));
	}

	private List<Map<String, String>> history(Application app) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (StatusHistoryEntry entry : history.of(app.id())) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("at", when(entry.occurredAt()));
			row.put("status", message("desk.status." + entry.status(), entry.status()));
			row.put("actor", entry.actor() == null ? "" : entry.actor());
			row.put("remarks", entry.remarks() == null ? "" : entry.remarks());
			rows.add(row);
		}
		return rows;
	}

	/** What the registry said about this person, and their other applications for the same service here. */
	private List<Map<String, String>> matches(Application app, Applicant applicant) {
		List<Map<String, String>> rows = new ArrayList<>();
		events.of(app.id())
			.stream()
			.filter(e -> e.kind().startsWith("REGISTRY"))
			.forEach(e -> rows.add(Map.of("source",
					message(e.kind().equals(RegistryInWords.MATCH) ? "desk.brief.registry.match" : "desk.brief.registry",
							null) + ", " + when(e.occurredAt()),
					"detail", registry.detail(e))));
		for (Application other : repository.sameApplicant(app, applicant)) {
			rows.add(Map.of("source",
					words.inEnglishAnd(languages.stateLanguage(), "desk.brief.application", null, other.applicationNo()),
					"detail", message("desk.status." + other.status(), other.status())
							+ (other.submittedAt() == null ? "" : "; " + both("desk.brief.submitted",
									locale -> new Object[] { at(other.submittedAt(), locale) }))));
		}
		return rows;
	}

	/** A Camunda JSON variable of the value as Jackson writes it: Tasklist hands it to the form as an object. */
	static Object jsonValue(ObjectMapper json, Object value) {
		try {
			return SpinValues.jsonValue(json.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
