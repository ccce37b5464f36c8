package org.sevahub.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.sevahub.application.form.Aadhaar;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives applications through their processes the way the product does: through ApplicationService (the
 * citizen's entry point) and the engine's task service (the officer's), with timers fired by moving the
 * engine's clock, never by forcing a job.
 */
@Component
public class ProcessDriver {

	private final ApplicationService applications;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final StatusHistory history;

	private final HistoryService engineHistory;

	private final TestDocuments documents;

	ProcessDriver(ApplicationService applications, RuntimeService runtime, TaskService tasks,
			ManagementService management, StatusHistory history, HistoryService engineHistory,
			TestDocuments documents) {
		this.documents = documents;
		this.applications = applications;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.history = history;
		this.engineHistory = engineHistory;
	}

	/** A valid Aadhaar number (Verhoeff check digit and all) that no other test has used. */
	public static String newAadhaar() {
		while (true) {
			String candidate = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
			if (Aadhaar.isValid(candidate)) {
				return candidate;
			}
		}
	}

	private static String oneOffSurname() {
		StringBuilder name = new StringBuilder().append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
		for (int i = 0; i < 6; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return name.toString();
	}

	/** A complete, valid set of form values for each catalog service. */
	public static Map<String, String> validForm(String serviceCode) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("applicant.nameEn", "Sunita Banerjee");
		values.put("applicant.nameLocal", "সুনীতা বন্দ্যোপাধ্যায়");
		values.put("applicant.mobile", "9876543210");
		values.put("applicant.address", "12 Lake Road, Kolkata");
		values.put("applicant.district", "Kolkata");
		values.put("applicant.pincode", "700029");
		switch (serviceCode) {
			case "BIRTH-CERT" -> {
				values.put("childName", "Rahul Banerjee");
				values.put("childNameLocal", "রাহুল বন্দ্যোপাধ্যায়");
				values.put("childGender", "M");
				values.put("childDateOfBirth", "2026-10-01");
				values.put("placeOfBirth", "SSKM Hospital, Kolkata");
				values.put("fatherName", "Amit Banerjee");
				values.put("motherName", "Sunita Banerjee");
				values.put("relation", "parent");
			}
			case "INCOME-CERT" -> {
				values.put("applicant.nameLocal", "सुनीता बनर्जी");
				values.put("applicant.fatherName", "Ashok Banerjee");
				values.put("applicant.gender", "F");
				values.put("applicant.dateOfBirth", "1985-04-12");
				values.put("occupation", "salaried");
				values.put("annualIncome", "240000");
				values.put("incomeSources", "Salary as a school teacher");
				values.put("purpose", "education");
			}
			case "OLD-AGE-PENSION" -> {
				// A new person every time: the sandbox registry remembers whom earlier tests enrolled, by Aadhaar
				// and by name and birth date, and would send this application to duplicate review.
				values.put("applicant.nameEn", "Ram Das " + oneOffSurname());
				values.put("applicant.nameLocal", "রাম দাস");
				values.put("applicant.gender", "M");
				values.put("applicant.dateOfBirth", "1950-01-01");
				values.put("applicant.category", "SC");
				values.put("applicant.aadhaar", newAadhaar());
				values.put("annualIncome", "40000");
				values.put("bankAccountNumber", "123456789012");
				values.put("ifsc", "SBIN0001234");
			}
			default -> throw new IllegalArgumentException(serviceCode);
		}
		return values;
	}

	public ApplicationService applications() {
		return applications;
	}

	/** A new application with its form filled and the documents it needs sent, ready to submit. */
	public Application start(String serviceCode) {
		return start(serviceCode, validForm(serviceCode));
	}

	/** A new application with these answers and the documents they make it need. */
	public Application start(String serviceCode, Map<String, String> form) {
		Application app = applications.create(NewApplication.direct(serviceCode, form));
		documents.attachNeeded(app);
		return app;
	}

	/** Sends the documents the application needs with the answers it holds now (a draft may have changed them). */
	public void attachNeeded(Application app) {
		documents.attachNeeded(app);
	}

	public TestDocuments documents() {
		return documents;
	}

	public Application startAndSubmit(String serviceCode) {
		Application app = start(serviceCode);
		applications.submit(app.applicationNo(), Map.of());
		return applications.get(app.applicationNo());
	}

	/**
	 * A service without a fee taken the whole way: submitted, forwarded by the dealing assistant, approved by the
	 * designated officer, its certificate issued and delivered.
	 */
	public Application delivered(String serviceCode) {
		Application app = startAndSubmit(serviceCode);
		decide(app, "Task_VerifyApplication", "forward", null);
		decide(app, "Task_Decide", "approve", null);
		runAsyncSteps(app);
		return app;
	}

	/** The rows of the open task's brief that say what the registry said, as officers read them. */
	public List<String> registryRows(Application app) {
		Task task = BpmnAwareTests.task(instance(app));
		SpinJsonNode brief = (SpinJsonNode) tasks.getVariableLocal(task.getId(), "brief");
		return brief.prop("matches")
			.elements()
			.stream()
			.filter(row -> row.prop("source").stringValue().startsWith("Registry"))
			.map(row -> row.prop("detail").stringValue())
			.toList();
	}

	/** The application's process instance, running or ended (camunda-bpm-assert reads history for ended ones). */
	public ProcessInstance instance(Application app) {
		ProcessInstance running = runtime.createProcessInstanceQuery()
			.processInstanceId(app.processInstanceId())
			.singleResult();
		return running != null ? running : new EndedInstance(app.processInstanceId(), app.applicationNo());
	}

	private record EndedInstance(String getId, String getBusinessKey) implements ProcessInstance {

		@Override
		public String getProcessInstanceId() {
			return getId;
		}

		@Override
		public String getProcessDefinitionId() {
			return null;
		}

		@Override
		public String getProcessDefinitionKey() {
			return null;
		}

		@Override
		public String getRootProcessInstanceId() {
			return getId;
		}

		@Override
		public String getCaseInstanceId() {
			return null;
		}

		@Override
		public boolean isSuspended() {
			return false;
		}

		@Override
		public boolean isEnded() {
			return true;
		}

		@Override
		public String getTenantId() {
			return null;
		}

	}

	/**
	 * The latest instance of a shared block (a called process: {@code verification}, {@code rts-appeal}, ...) the
	 * application's process called, running or ended.
	 */
	public ProcessInstance called(Application app, String processKey) {
		ProcessInstance running = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.processDefinitionKey(processKey)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (running != null) {
			return running;
		}
		// The engine's clock stands still in a test, so several instances may share a start time: the last to end.
		HistoricProcessInstance ended = engineHistory.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.processDefinitionKey(processKey)
			.finished()
			.orderByProcessInstanceEndTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError(app.applicationNo() + " never called " + processKey));
		return new EndedInstance(ended.getId(), app.applicationNo());
	}

	public String processInstanceId(Application app) {
		return app.processInstanceId();
	}

	/** The one open task of the application (in its own process or a called appeal), by its BPMN id. */
	public Task task(Application app, String taskDefinitionKey) {
		List<Task> open = tasks.createTaskQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.taskDefinitionKey(taskDefinitionKey)
			.list();
		assertThat(open).as("open task %s of %s", taskDefinitionKey, app.applicationNo()).hasSize(1);
		return open.get(0);
	}

	/** An officer's decision, with the variables the forms send. */
	public void decide(Application app, String taskDefinitionKey, String decision, String remarks) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("decision", decision);
		if (remarks != null) {
			variables.put("remarks", remarks);
		}
		tasks.complete(task(app, taskDefinitionKey).getId(), variables);
	}

	/**
	 * Runs the application's pending asynchronous steps (not timers), in its own process and any block it called, as
	 * the job executor would.
	 */
	public int runAsyncSteps(Application app) {
		int executed = 0;
		for (int round = 0; round < 10; round++) {
			java.util.Set<String> running = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(app.applicationNo())
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.collect(java.util.stream.Collectors.toSet());
			if (running.isEmpty()) {
				return executed;
			}
			List<Job> due = management.createJobQuery().processInstanceIds(running).messages().list();
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				management.executeJob(job.getId());
				executed++;
			}
		}
		return executed;
	}

	/**
	 * Moves the engine's clock forward and runs the timers of this application (its own process and any
	 * called one) that are due then. Returns how many fired.
	 */
	public int advanceClock(Application app, Duration by) {
		Instant now = ClockUtil.getCurrentTime().toInstant().plus(by);
		ClockUtil.setCurrentTime(Date.from(now));
		int fired = 0;
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.list()) {
			for (Job timer : management.createJobQuery()
				.processInstanceId(instance.getId())
				.timers()
				.duedateLowerThan(Date.from(now.plusMillis(1)))
				.list()) {
				management.executeJob(timer.getId());
				fired++;
			}
		}
		return fired;
	}

	/** The application's statuses, oldest first. */
	public List<String> statuses(Application app) {
		return history.of(app.id()).stream().map(StatusHistoryEntry::status).toList();
	}

	public List<StatusHistoryEntry> history(Application app) {
		return history.of(app.id());
	}

	public Application reload(Application app) {
		return applications.get(app.applicationNo());
	}

	/** Due date of the application's open timer job with this BPMN activity id. */
	public Date timerDue(Application app, String activityId) {
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(app.applicationNo())
			.list()) {
			Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
			if (job != null) {
				return job.getDuedate();
			}
		}
		throw new AssertionError("No timer at " + activityId + " for " + app.applicationNo());
	}

	public static void resetClock() {
		ClockUtil.reset();
	}

	public static Duration days(int days) {
		return Duration.ofDays(days);
	}

}
