package org.sevahub.application;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.sevahub.application.Lifecycle.Messages;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.Aadhaar;
import org.sevahub.application.form.ApplicantFields;
import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormRegistry;
import org.sevahub.application.form.FormValidator;
import org.sevahub.application.form.FormValidator.Mode;
import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a citizen (through a page, a kiosk, a portal) can do to an application. Each call is one transaction:
 * the application's row, its applicant and the process step it triggers commit together or not at all, so a
 * refused call changes nothing.
 */
@Service
public class ApplicationService {

	/** The transient variable through which the status listener learns who acted. */
	public static final String ACTOR = "actor";

	public static final String CITIZEN = "citizen";

	private final ServiceCatalog catalog;

	private final FormRegistry forms;

	private final ApplicationRepository applications;

	private final PortalLinks links;

	private final NumberSequences numbers;

	private final AadhaarVault aadhaar;

	private final RuntimeService runtime;

	private final ZoneId zone;

	private final List<SubmissionCheck> checks;

	private final ApplicationRouting routing;

	private final AwaitedMessages messagesAwaited;

	private final ServiceNameOnTasks serviceNames;

	ApplicationService(ServiceCatalog catalog, FormRegistry forms, ApplicationRepository applications, PortalLinks links,
			NumberSequences numbers, AadhaarVault aadhaar, RuntimeService runtime,
			@Value("${sevahub.time-zone}") ZoneId zone, List<SubmissionCheck> checks, ApplicationRouting routing,
			AwaitedMessages messagesAwaited, ServiceNameOnTasks serviceNames) {
		this.serviceNames = serviceNames;
		this.routing = routing;
		this.messagesAwaited = messagesAwaited;
		this.checks = List.copyOf(checks);
		this.catalog = catalog;
		this.forms = forms;
		this.applications = applications;
		this.links = links;
		this.numbers = numbers;
		this.aadhaar = aadhaar;
		this.runtime = runtime;
		this.zone = zone;
	}

	/**
	 * Creates the application and starts its service's process. A portal hand-over seen before returns the
	 * application it created then.
	 */
	@Transactional
	public Application create(NewApplication cmd) {
		return create(cmd, Mode.DRAFT);
	}

	private Application create(NewApplication cmd, Mode mode) {
		ServiceDefinition service = catalog.get(cmd.serviceCode());
		if (cmd.origin() != null) {
			Optional<Application> existing = links.find(cmd.origin().portal(), cmd.origin().externalRef())
				.flatMap(link -> applications.findById(link.applicationId()));
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		FormDefinition form = forms.get(service.form());
		Applicant known = cmd.knownApplicant() != null ? cmd.knownApplicant() : Applicant.empty();
		Map<String, String> stored = new LinkedHashMap<>(ApplicantFields.values(known));
		cmd.lockedKeys().forEach(key -> {
			if (!key.startsWith(ApplicantFields.PREFIX) && cmd.values().containsKey(key)) {
				stored.put(key, cmd.values().get(key));
			}
		});
		Set<String> trusted = trusted(Set.copyOf(cmd.lockedKeys()), known, cmd.values());
		FormValidator.Result result = FormValidator.validate(form, cmd.values(), stored, trusted, mode);
		if (!result.isValid()) {
			throw new FormInvalidException(result.errors(), result.problems());
		}
		Applicant applicant = applyApplicantValues(known, result.values());
		Map<String, String> data = new LinkedHashMap<>();
		stored.forEach((key, value) -> {
			if (!key.startsWith(ApplicantFields.PREFIX)) {
				data.put(key, value);
			}
		});
		data.putAll(serviceData(result.values()));

		String applicationNo = nextNumber(service);
		Application app = applications.insert(new Application(null, applicationNo, service.code(), null,
				cmd.channel(), ApplicationStatus.INITIATED.name(), data, new LinkedHashSet<>(cmd.lockedKeys()), null,
				EngineClock.now(), EngineClock.now(), null, null, null, 0), applicant);
		if (cmd.origin() != null) {
			links.link(app.id(), cmd.origin().portal(), cmd.origin().externalRef(), cmd.origin().attributes());
		}
		routing.route(app, applicant);
		ProcessInstance instance = runtime.startProcessInstanceByKey(service.processKey(), applicationNo,
				startVariables(service, app, applicant));
		applications.setProcessInstance(app.id(), instance.getId());
		return applications.findByNo(applicationNo).orElseThrow();
	}

	/** Creates the application and submits it at once; on any error nothing at all is created. */
	@Transactional
	public Submission createAndSubmit(NewApplication cmd) {
		return createAndSubmit(cmd, app -> {
		});
	}

	/**
	 * As {@link #createAndSubmit(NewApplication)}, with {@code attach} run between creation and submission: what
	 * came with the form besides its fields (its documents) joins the application before it is submitted.
	 */
	@Transactional
	public Submission createAndSubmit(NewApplication cmd, Consumer<Application> attach) {
		Application app = create(cmd, Mode.SUBMIT);
		attach.accept(app);
		return submit(app.applicationNo(), Map.of());
	}

	/** Creates the application and keeps what was filled as its first draft. */
	@Transactional
	public Application createDraft(NewApplication cmd) {
		Application app = create(cmd);
		return saveDraft(app.applicationNo(), Map.of());
	}

	/** Saves what the citizen has filled so far; allowed until the application is submitted. */
	@Transactional
	public Application saveDraft(String applicationNo, Map<String, String> values) {
		Application app = lock(applicationNo);
		if (!awaitedMessages(applicationNo).contains(Messages.DRAFT_SAVED)) {
			throw new ActionNotAllowedException("Application " + applicationNo
					+ " has been submitted; its form can no longer be saved as a draft");
		}
		update(app, values, Mode.DRAFT);
		correlate(Messages.DRAFT_SAVED, applicationNo, Variables.createVariables());
		return applications.findByNo(applicationNo).orElseThrow();
	}

	/**
	 * Submits the form, or the citizen's reply to a clarification. Submitting again once submitted changes
	 * nothing and answers with the application as it stands.
	 */
	@Transactional
	public Submission submit(String applicationNo, Map<String, String> values) {
		Application app = lock(applicationNo);
		Set<String> awaited = awaitedMessages(applicationNo);
		String message = awaited.contains(Messages.APPLICATION_SUBMITTED) ? Messages.APPLICATION_SUBMITTED
				: awaited.contains(Messages.CLARIFICATION_REPLIED) ? Messages.CLARIFICATION_REPLIED : null;
		if (message == null) {
			return new Submission(app, false);
		}
		Map<String, String> answers = new LinkedHashMap<>(formValues(app));
		answers.putAll(values);
		Map<String, String> problems = new LinkedHashMap<>();
		checks.forEach(check -> problems.putAll(check.problems(app, answers)));
		try {
			update(app, values, Mode.SUBMIT);
		}
		catch (FormInvalidException invalid) {
			// One answer with everything that is wrong, the form's errors first.
			Map<String, String> all = new LinkedHashMap<>(invalid.fieldErrors());
			problems.forEach(all::putIfAbsent);
			throw new FormInvalidException(all, invalid.problems());
		}
		if (!problems.isEmpty()) {
			throw new FormInvalidException(problems);
		}
		applications.markSubmitted(app.id(), EngineClock.now());
		Applicant applicant = applications.applicantOf(app);
		if (message.equals(Messages.APPLICATION_SUBMITTED)) {
			// The address is final now: the officers' tasks that follow go to the office it routes to.
			routing.route(app, applicant);
		}
		correlate(message, applicationNo,
				Variables.createVariables().putValue(Lifecycle.Variables.APPLICANT_NAME, applicant.displayName()));
		return new Submission(applications.findByNo(applicationNo).orElseThrow(), true);
	}

	/** Records the fee as paid; the amount must be the catalog's fee to the paisa. */
	@Transactional
	public Application confirmFeePaid(String applicationNo, String paymentReference, BigDecimal amount) {
		Application app = lock(applicationNo);
		if (!awaitedMessages(applicationNo).contains(Messages.FEE_PAID)) {
			throw new ActionNotAllowedException("Application " + applicationNo + " is not waiting for a fee");
		}
		BigDecimal fee = catalog.get(app.serviceCode()).fee();
		if (amount == null || fee.compareTo(amount) != 0) {
			throw new ActionNotAllowedException("Amount paid " + amount + " does not match the fee " + fee.toPlainString()
					+ " for application " + applicationNo);
		}
		correlate(Messages.FEE_PAID, applicationNo,
				Variables.createVariables().putValue(Lifecycle.Variables.PAYMENT_REFERENCE, paymentReference));
		return applications.findByNo(applicationNo).orElseThrow();
	}

	/** Files the first or second appeal, whichever the application's stage allows now. */
	@Transactional
	public Application fileAppeal(String applicationNo, String grounds) {
		lock(applicationNo);
		if (grounds == null || grounds.isBlank()) {
			throw new FormInvalidException(Map.of("grounds", "The grounds of appeal are required"));
		}
		checkRemarks("grounds", grounds);
		Set<String> awaited = awaitedMessages(applicationNo);
		String message = awaited.contains(Messages.FIRST_APPEAL_FILED) ? Messages.FIRST_APPEAL_FILED
				: awaited.contains(Messages.SECOND_APPEAL_FILED) ? Messages.SECOND_APPEAL_FILED : null;
		if (message == null) {
			throw new ActionNotAllowedException("No appeal can be filed against application " + applicationNo + " now");
		}
		correlate(message, applicationNo,
				Variables.createVariables().putValue(Lifecycle.Variables.APPEAL_GROUNDS, Aadhaar.maskedIn(grounds.strip())));
		return applications.findByNo(applicationNo).orElseThrow();
	}

	/**
	 * Status history keeps remarks in 2000 characters (status_history.remarks): longer is the caller's mistake, and
	 * so is a control character, which PostgreSQL cannot store (NUL) and no citizen types.
	 */
	private static void checkRemarks(String field, String text) {
		if (text != null && text.length() > StatusHistoryEntry.REMARKS_LENGTH) {
			throw new FormInvalidException(Map.of(field, "At most " + StatusHistoryEntry.REMARKS_LENGTH + " characters"));
		}
		if (ControlCharacters.in(text)) {
			throw new FormInvalidException(Map.of(field, "Must not contain control characters"));
		}
	}

	/** Withdraws the application; the process undoes what can be undone (fee refund, certificate revocation). */
	@Transactional
	public Application withdraw(String applicationNo, String reason) {
		checkRemarks("reason", reason);
		lock(applicationNo);
		if (!awaitedMessages(applicationNo).contains(Messages.APPLICATION_WITHDRAWN)) {
			throw new ActionNotAllowedException("Application " + applicationNo + " can no longer be withdrawn");
		}
		correlate(Messages.APPLICATION_WITHDRAWN, applicationNo, Variables.createVariables()
			.putValue(Lifecycle.Variables.REMARKS,
					reason == null || reason.isBlank() ? Lifecycle.Variables.WITHDRAWN_WITHOUT_REASON
							: Aadhaar.maskedIn(reason)));
		return applications.findByNo(applicationNo).orElseThrow();
	}

	/**
	 * A registry's later answer to the beneficiary search with this transaction id. An answer nobody waits
	 * for (a repeat, or a search that timed out and was sent again) changes nothing; returns whether it was taken.
	 */
	@Transactional
	public boolean registryAnswered(String transactionId, boolean enrolled) {
		List<Execution> waiting = runtime.createExecutionQuery()
			.messageEventSubscriptionName(Messages.REGISTRY_SEARCH_ANSWERED)
			.processVariableValueEquals(Lifecycle.Variables.REGISTRY_TRANSACTION, transactionId)
			.list();
		if (waiting.isEmpty()) {
			return false;
		}
		runtime.createMessageCorrelation(Messages.REGISTRY_SEARCH_ANSWERED)
			.processInstanceVariableEquals(Lifecycle.Variables.REGISTRY_TRANSACTION, transactionId)
			.setVariable(Lifecycle.Variables.ALREADY_ENROLLED, enrolled)
			.correlate();
		return true;
	}

	/** The messages the application's processes wait for now: what the citizen can do next. */
	public Set<String> awaitedMessages(String applicationNo) {
		return messagesAwaited.of(applicationNo);
	}

	public Application get(String applicationNo) {
		return applications.findByNo(applicationNo).orElseThrow(() -> new ApplicationNotFoundException(applicationNo));
	}

	public Application byId(long id) {
		return applications.findById(id).orElseThrow(() -> new ApplicationNotFoundException("#" + id));
	}

	public Applicant applicantOf(Application app) {
		return applications.applicantOf(app);
	}

	/** The form's current values for display: applicant fields (Aadhaar masked) and service data. */
	public Map<String, String> formValues(Application app) {
		Map<String, String> values = new LinkedHashMap<>(ApplicantFields.values(applications.applicantOf(app)));
		values.putAll(app.formData());
		return values;
	}

	private Application lock(String applicationNo) {
		return applications.lockByNo(applicationNo).orElseThrow(() -> new ApplicationNotFoundException(applicationNo));
	}

	private void update(Application app, Map<String, String> values, Mode mode) {
		ServiceDefinition service = catalog.get(app.serviceCode());
		Applicant applicant = applications.applicantOf(app);
		Map<String, String> stored = formValues(app);
		FormValidator.Result result = FormValidator.validate(forms.get(service.form()), values, stored,
				trusted(app.lockedFields(), applicant, values), mode);
		if (!result.isValid()) {
			throw new FormInvalidException(result.errors(), result.problems());
		}
		Applicant updated = applyApplicantValues(applicant, result.values());
		if (!updated.equals(applicant)) {
			applications.updateApplicant(updated);
		}
		Map<String, String> data = new LinkedHashMap<>(app.formData());
		data.putAll(serviceData(result.values()));
		applications.updateForm(app.id(), data);
	}

	/**
	 * Locked keys, plus an Aadhaar already held that the citizen did not replace: one SevaHub stored (the form
	 * shows it masked) or one a portal verified (SevaHub holds only the portal's reference to it).
	 */
	private static Set<String> trusted(Set<String> locked, Applicant applicant, Map<String, String> submitted) {
		Set<String> trusted = new HashSet<>(locked);
		String sent = submitted.get(ApplicantFields.AADHAAR);
		String shown = ApplicantFields.values(applicant).get(ApplicantFields.AADHAAR);
		if (shown != null && (sent == null || sent.isBlank() || sent.equals(shown))) {
			trusted.add(ApplicantFields.AADHAAR);
		}
		return trusted;
	}

	private Applicant applyApplicantValues(Applicant applicant, Map<String, String> values) {
		Applicant updated = ApplicantFields.apply(applicant, values);
		String number = values.get(ApplicantFields.AADHAAR);
		if (number != null && !number.isBlank()) {
			updated = updated.withAadhaar(aadhaar.protect(number));
		}
		return updated;
	}

	private static Map<String, String> serviceData(Map<String, String> values) {
		Map<String, String> data = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (!key.startsWith(ApplicantFields.PREFIX)) {
				data.put(key, value);
			}
		});
		return data;
	}

	private void correlate(String message, String applicationNo, VariableMap variables) {
		variables.putValueTyped(ACTOR, Variables.stringValue(CITIZEN, true));
		runtime.createMessageCorrelation(message).processInstanceBusinessKey(applicationNo).setVariables(variables).correlate();
	}

	/**
	 * {@code BC2026000042}: the service's initials, the year, a six-digit serial per initials and year. Drawn from
	 * this node's block, so initiations of one service never wait for each other's transactions.
	 */
	private String nextNumber(ServiceDefinition service) {
		int year = Year.from(EngineClock.now().atZone(zone)).getValue();
		String prefix = service.initials() + year;
		return prefix + String.format("%06d", numbers.nextFromBlock("application:" + prefix));
	}

	private VariableMap startVariables(ServiceDefinition service, Application app, Applicant applicant) {
		return Variables.createVariables()
			.putValue(Lifecycle.Variables.APPLICATION_NO, app.applicationNo())
			.putValue(Lifecycle.Variables.SERVICE_CODE, service.code())
			.putValue(Lifecycle.Variables.SERVICE_NAME, serviceNames.of(service))
			.putValue(Lifecycle.Variables.APPLICANT_NAME, applicant.displayName())
			.putValue(Lifecycle.Variables.CHANNEL, app.channel())
			.putValue(Lifecycle.Variables.FEE_PAYABLE, service.hasFee())
			.putValue(Lifecycle.Variables.FEE_AMOUNT, service.fee().toPlainString())
			.putValue(Lifecycle.Variables.BREACH_ACTION, service.breachAction())
			.putValueTyped(ACTOR, Variables.stringValue(app.channel().equals(Application.DIRECT) ? CITIZEN
					: "portal:" + app.channel(), true));
	}

	/** @param accepted false when the application had already been submitted and nothing changed */
	public record Submission(Application application, boolean accepted) {
	}

}
