package org.sevahub.migration;

import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.PortalLinks;
import org.sevahub.delivery.DeliveryDispatcher;
import org.sevahub.language.Languages;
import org.sevahub.testsupport.ModelerEdits;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sevahub.testsupport.ProcessDriver.days;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A department changes certificate-issuance (a sign-off after approval) while applications run on version 1; an admin
 * moves them to version 2 through the admin API: the engine's plan, a dry run that changes nothing, the batch with its
 * progress and report. They then run to delivery on version 2, the disposal timers as they were.
 */
class MigrationTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	PortalLinks links;

	@Autowired
	ObjectMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	MessageSource messages;

	Deployment changed;

	final List<Deployment> welfareVersions = new java.util.ArrayList<>();

	@AfterEach
	void removeTheNewVersions() {
		if (changed != null) {
			repository.deleteDeployment(changed.getId(), true);
		}
		welfareVersions.forEach(d -> repository.deleteDeployment(d.getId(), true));
	}

	@Test
	void applicationsOnVersionOneAreMigratedAndDeliveredOnVersionTwoWithTheirTimersIntact() throws Exception {
		Application verifying = driver.startAndSubmit("BIRTH-CERT");
		Application deciding = forwarded();
		Application overdue = forwarded();
		String v1 = driver.instance(deciding).getProcessDefinitionId();
		Date timer = driver.timerDue(deciding, "Timer_DisposalPeriodOver");
		List<String> statusesBefore = driver.statuses(deciding);
		String v2 = deploy(withSignOff(), "certificate-issuance with a sign-off");
		List<String> ids = List.of(verifying.processInstanceId(), deciding.processInstanceId(), overdue.processInstanceId());

		JsonNode processes = api("/api/v1/admin/migration/processes");
		JsonNode certificates = find(processes, "key", "certificate-issuance");
		assertThat(certificates.at("/versions/0/id").asText()).isEqualTo(v2);
		assertThat(certificates.at("/versions/0/running").asLong()).isZero();
		assertThat(find(certificates.path("versions"), "id", v1).path("running").asLong()).isGreaterThanOrEqualTo(3);

		JsonNode plan = api("/api/v1/admin/migration/plan?source=" + v1 + "&target=" + v2);
		assertThat(plan.path("valid").asBoolean()).isTrue();
		assertThat(plan.path("unmappable")).isEmpty();
		assertThat(plan.path("mapped").findValuesAsText("sourceActivityId")).contains("Call_Verification", "Task_Decide",
				"Timer_DisposalPeriodOver", "Sub_Withdrawal");
		assertThat(find(plan.path("mapped"), "sourceActivityId", "Task_Decide").path("waiting").asLong())
			.isGreaterThanOrEqualTo(2);

		JsonNode dryRun = post("/api/v1/admin/migration/dry-run", Map.of("source", v1, "target", v2, "processInstanceIds", ids),
				200);
		assertThat(dryRun.path("instances")).as(dryRun.toString()).hasSize(3).allSatisfy(c -> assertThat(c.path("migratable").asBoolean()).isTrue());
		assertThat(driver.instance(deciding).getProcessDefinitionId()).as("a dry run changes nothing").isEqualTo(v1);

		JsonNode started = post("/api/v1/admin/migration/runs", Map.of("source", v1, "target", v2, "processInstanceIds", ids),
				202);
		assertThat(started.path("state").asText()).isEqualTo("RUNNING");
		assertThat(started.path("total").asInt()).isEqualTo(3);
		runBatch(started.path("batchId").asText());
		JsonNode run = api("/api/v1/admin/migration/runs/" + started.path("id").asLong());
		assertThat(run.path("state").asText()).isEqualTo("FINISHED");
		assertThat(run.path("migrated").asInt()).isEqualTo(3);
		assertThat(run.path("report").findValuesAsText("state")).containsOnly("MIGRATED");
		assertThat(run.path("report").findValuesAsText("applicationNo")).containsExactlyInAnyOrder(
				verifying.applicationNo(), deciding.applicationNo(), overdue.applicationNo());

		for (Application app : List.of(verifying, deciding, overdue)) {
			assertThat(driver.instance(app).getProcessDefinitionId()).isEqualTo(v2);
			assertThat(driver.reload(app).processInstanceId()).isEqualTo(app.processInstanceId());
		}
		assertThat(driver.timerDue(deciding, "Timer_DisposalPeriodOver")).isEqualTo(timer);
		assertThat(driver.statuses(deciding)).isEqualTo(statusesBefore);
		assertThat(page(v1, v2)).contains("id=\"runs\"").doesNotContain(deciding.applicationNo());

		driver.decide(verifying, "Task_VerifyApplication", "forward", null);
		driver.decide(verifying, "Task_Decide", "approve", null);
		deliveredOnVersionTwo(verifying);
		driver.decide(deciding, "Task_Decide", "approve", null);
		deliveredOnVersionTwo(deciding);
		assertThat(driver.advanceClock(overdue, days(4))).as("the migrated disposal timer fires").isEqualTo(1);
		driver.decide(overdue, "Task_DecideOverdue", "approve", "Approved on escalation");
		deliveredOnVersionTwo(overdue);
		assertThat(driver.statuses(overdue)).containsSubsequence("FORWARDED", "APPROVED", "CERTIFICATE_ISSUED", "DELIVERED");
	}

	/**
	 * The release that put a disposal timer on welfare-scheme's duplicate review: an application already waiting there
	 * has no timer until it is migrated; the engine's plan maps the task, and the migration adds the timer, due when
	 * the task is, which then escalates it.
	 */
	@Test
	void aDuplicateReviewWaitingOnTheVersionBeforeItsTimerGetsTheTimerWhenMigrated() throws Exception {
		String before = deployWelfare(withoutTheReviewTimer(), "welfare-scheme before the duplicate review's timer");
		Map<String, String> person = new java.util.LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		person.put("applicant.nameEn", "Phulmoni Tudu");
		person.put("applicant.nameLocal", "ফুলমণি টুডু");
		person.put("applicant.aadhaar", ProcessDriver.newAadhaar());
		Application first = verifiedPension(person);
		driver.decide(first, "Task_Sanction", "approve", null);
		driver.runAsyncSteps(first);
		dispatcher.dispatchDue();
		Application again = verifiedPension(person);
		assertThat(driver.instance(again)).isWaitingAt("Task_ReviewDuplicate");
		assertThat(driver.instance(again).getProcessDefinitionId()).isEqualTo(before);
		assertThat(management.createJobQuery().processInstanceId(again.processInstanceId()).timers().count())
			.as("no timer on the version before").isZero();

		String after;
		try (InputStream in = getClass().getResourceAsStream("/processes/welfare-scheme.bpmn")) {
			after = deployWelfare(Bpmn.readModelFromStream(in), "welfare-scheme with the duplicate review's timer");
		}
		JsonNode plan = api("/api/v1/admin/migration/plan?source=" + before + "&target=" + after);
		assertThat(plan.path("valid").asBoolean()).isTrue();
		// The engine migrates no business-rule task or compensated service task; nothing ever waits at them.
		assertThat(plan.path("unmappable").findValuesAsText("activityId")).containsOnly("Task_CheckEligibility",
				"Task_ReportEnrollment");
		assertThat(plan.path("unmappable").findValuesAsText("waiting")).containsOnly("0");
		assertThat(find(plan.path("mapped"), "sourceActivityId", "Task_ReviewDuplicate").path("waiting").asLong())
			.isEqualTo(1);
		JsonNode started = post("/api/v1/admin/migration/runs",
				Map.of("source", before, "target", after, "processInstanceIds", List.of(again.processInstanceId())), 202);
		runBatch(started.path("batchId").asText());
		assertThat(api("/api/v1/admin/migration/runs/" + started.path("id").asLong()).path("migrated").asInt()).isEqualTo(1);

		assertThat(driver.instance(again).getProcessDefinitionId()).isEqualTo(after);
		assertThat(driver.timerDue(again, "Timer_ReviewDisposalPeriodOver"))
			.isEqualTo(driver.task(again, "Task_ReviewDuplicate").getDueDate());
		assertThat(driver.advanceClock(again, days(31))).as("the timer the migration added fires").isEqualTo(1);
		assertThat(driver.called(again, "disposal-breach")).isWaitingAt("Task_DecideOverdue");
	}

	@Test
	void anActivityTheNewVersionLacksIsShownWithTheApplicationsWaitingThereAndTheDryRunRefusesThem() throws Exception {
		Application deciding = forwarded();
		String v1 = driver.instance(deciding).getProcessDefinitionId();
		BpmnModelInstance renamed = withSignOff();
		UserTask decide = renamed.getModelElementById("Task_Decide");
		decide.setId("Task_DecideApplication");
		String v2 = deploy(renamed, "certificate-issuance with the decision renamed");

		JsonNode plan = api("/api/v1/admin/migration/plan?source=" + v1 + "&target=" + v2);
		JsonNode stranded = find(plan.path("unmappable"), "activityId", "Task_Decide");
		assertThat(stranded.path("waiting").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(page(v1, v2)).contains("id=\"stranded\"", "Task_Decide", deciding.applicationNo());

		JsonNode dryRun = post("/api/v1/admin/migration/dry-run",
				Map.of("source", v1, "target", v2, "processInstanceIds", List.of(deciding.processInstanceId())), 200);
		JsonNode check = dryRun.at("/instances/0");
		assertThat(check.path("migratable").asBoolean()).isFalse();
		assertThat(check.path("problems").toString()).contains("Task_Decide");
		assertThat(driver.instance(deciding).getProcessDefinitionId()).isEqualTo(v1);
		assertThat(driver.task(deciding, "Task_Decide")).isNotNull();
	}

	@Test
	void onlyAdminsMigrateAndNonsenseIsRefusedInTheApisShape() throws Exception {
		assertThat(http.getForEntity("/api/v1/admin/migration/processes", String.class).getStatusCode().value())
			.isEqualTo(401);
		assertThat(http.withBasicAuth("officer", "officer")
			.getForEntity("/api/v1/admin/migration/processes", String.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(mvc.perform(get("/admin/migration").with(httpBasic("assistant", "assistant")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		JsonNode missing = json.readTree(http.withBasicAuth("demo", "demo")
			.getForEntity("/api/v1/admin/migration/plan?source=nope&target=nope2", String.class)
			.getBody());
		assertThat(missing.path("error").asText()).isEqualTo("not-found");
		String welfare = repository.createProcessDefinitionQuery().processDefinitionKey("welfare-scheme").latestVersion()
			.singleResult().getId();
		String certificate = repository.createProcessDefinitionQuery().processDefinitionKey("certificate-issuance")
			.latestVersion().singleResult().getId();
		JsonNode across = post("/api/v1/admin/migration/dry-run", Map.of("source", certificate, "target", welfare), 400);
		assertThat(across.path("message").asText()).contains("only to another version of its own process");
		JsonNode noSource = post("/api/v1/admin/migration/runs", Map.of("target", welfare), 400);
		assertThat(noSource.path("message").asText()).contains("'source'");
	}

	/**
	 * The page as an admin sees it in Debian's headless Chromium, after a migration: the screenshot in the README is
	 * this one (target/screenshots/admin-migration.png).
	 */
	@Test
	void thePageShowsThePlanTheApplicationsAndTheRunInABrowser() throws Exception {
		Application first = forwarded();
		Application second = driver.startAndSubmit("BIRTH-CERT");
		Application third = forwarded();
		String v1 = driver.instance(first).getProcessDefinitionId();
		String v2 = deploy(withSignOff(), "certificate-issuance with a sign-off");
		JsonNode started = post("/api/v1/admin/migration/runs", Map.of("source", v1, "target", v2, "processInstanceIds",
				List.of(first.processInstanceId(), second.processInstanceId())), 202);
		runBatch(started.path("batchId").asText());
		java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", "admin-migration.png").toAbsolutePath();
		java.nio.file.Files.createDirectories(shot.getParent());
		java.nio.file.Files.deleteIfExists(shot);
		String url = "http://demo:demo@127.0.0.1:" + port + "/admin/migration?source=" + v1 + "&target=" + v2 + "&run="
				+ started.path("id").asLong();
		Process chromium = new ProcessBuilder("/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,2300", "--screenshot=" + shot, url)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(chromium.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(shot).exists();
		assertThat(java.nio.file.Files.size(shot)).isGreaterThan(20_000);
		assertThat(page(v1, v2)).contains(third.applicationNo()).doesNotContain(first.applicationNo());
	}

	/**
	 * The Activity column names an element as an application's history does, in the reader's language
	 * ({@code stage.<process>.<activity>}, the bundle's words read here), and an element without such a name by
	 * the BPMN's.
	 */
	@Test
	void theActivityColumnIsInTheReadersLanguage() throws Exception {
		String v1 = repository.createProcessDefinitionQuery().processDefinitionKey("verification").latestVersion()
			.singleResult().getId();
		BpmnModelInstance same;
		try (InputStream in = getClass().getResourceAsStream("/processes/verification.bpmn")) {
			same = Bpmn.readModelFromStream(in);
		}
		changed = repository.createDeployment().name("verification again").addModelInstance("verification.bpmn", same)
			.deploy();
		String v2 = repository.createProcessDefinitionQuery().deploymentId(changed.getId()).singleResult().getId();
		for (String language : List.of("bn", "hi", "mr")) {
			String verify = messages.getMessage("stage.verification.Task_VerifyApplication", null,
					Languages.locale(language));
			var mapped = Jsoup.parse(mvc.perform(get("/admin/migration").param("source", v1).param("target", v2)
				.param("lang", language)
				.with(httpBasic("demo", "demo"))).andReturn().getResponse().getContentAsString()).select("#mapped tbody tr");
			assertThat(mapped.select("tr:has(code:containsOwn(Task_VerifyApplication)) td:eq(0) span").text())
				.as(language).isEqualTo(verify).isNotEqualTo("Verify application");
			assertThat(mapped.select("tr:has(code:containsOwn(Timer_VerifyDisposalPeriodOver)) td:eq(0) span").text())
				.as("%s: a timer records no status and is named all the same", language)
				.isNotEqualTo("Disposal period over")
				.isEqualTo(messages.getMessage("stage.verification.Timer_VerifyDisposalPeriodOver", null,
						Languages.locale(language)));
		}
	}

	/**
	 * With {@code ?lang=bn} (hi, mr) the page names the processes, the activities on both sides of the plan and where
	 * each running application waits in the reader's language, each id beside its words; an element an analyst has
	 * just added, not yet translated, reads by the BPMN's name.
	 */
	@Test
	void processesActivitiesAndWhereEachApplicationWaitsAreInTheReadersLanguage() throws Exception {
		Application verifying = driver.startAndSubmit("BIRTH-CERT");
		String v1 = driver.instance(verifying).getProcessDefinitionId();
		String v2 = deploy(withSignOff(), "certificate-issuance with a sign-off");
		for (String language : List.of("bn", "hi", "mr")) {
			java.util.Locale locale = Languages.locale(language);
			Document page = Jsoup.parse(page(v1, v2, language));

			String certificates = page.select("#process-certificate-issuance td:eq(0) strong").text();
			assertThat(certificates).as("%s process name", language).isNotEqualTo("Certificate issuance")
				.isEqualTo(messages.getMessage("process.certificate-issuance", null, null, locale));
			assertThat(page.select("#process-verification td:eq(0) strong").text()).as(language)
				.isEqualTo(messages.getMessage("process.verification", null, null, locale));
			assertThat(page.select("#process-certificate-issuance td:eq(0) code").text()).isEqualTo("certificate-issuance");
			assertThat(page.select("#plan h2").first().text()).as(language).contains(certificates);

			String verify = messages.getMessage("stage.certificate-issuance.Call_Verification", null, null, locale);
			assertThat(verify).as(language).isNotBlank().isNotEqualTo("Verify, with clarification");
			Element mapped = page.selectFirst("#mapped tbody tr:has(td:eq(0) code:containsOwn(Call_Verification))");
			assertThat(mapped).as(language).isNotNull();
			assertThat(mapped.select("td:eq(0) span").text()).as(language).isEqualTo(verify);
			assertThat(mapped.select("td:eq(1) span").text()).as("%s in the new version", language).isEqualTo(verify);
			assertThat(mapped.select("td:eq(1) code").text()).isEqualTo("Call_Verification");
			Element timer = page.selectFirst("#mapped tbody tr:has(td:eq(0) code:containsOwn(Timer_DisposalPeriodOver))");
			assertThat(timer.select("td:eq(0) span").text()).as(language).isNotEqualTo("Disposal period over")
				.isEqualTo(messages.getMessage("stage.certificate-issuance.Timer_DisposalPeriodOver", null, null, locale));

			Element waiting = page.select("#instances tbody tr")
				.stream()
				.filter(row -> row.select("td:eq(1)").text().equals(verifying.applicationNo()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(verifying.applicationNo() + " not among the instances"))
				.selectFirst("td:eq(2)");
			assertThat(waiting.select("span").text()).as("%s waiting at", language).isEqualTo(verify);
			assertThat(waiting.select("code").text()).isEqualTo("Call_Verification");
		}
		Element added = Jsoup.parse(page(v2, v1, "bn"))
			.selectFirst("#unmappable tbody tr:has(td:eq(0) code:containsOwn(Task_SignOff))");
		assertThat(added.select("td:eq(0) span").text()).as("not yet translated").isEqualTo("Sign the approval off");
		// In English, a process by the Modeler's name, as its activities are: not the engine's bilingual one, which is
		// Tasklist's.
		Document english = Jsoup.parse(page(v1, v2, "en"));
		assertThat(english.select("#process-certificate-issuance td:eq(0) strong").text()).isEqualTo("Certificate issuance");
		assertThat(english.select("#process-verification td:eq(0) strong").text())
			.isEqualTo("Shared block: verification, with clarification from the citizen");
		assertThat(english.select("#plan h2").first().text()).doesNotContain(" / ");
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private void deliveredOnVersionTwo(Application app) {
		assertThat(driver.instance(app)).isWaitingAt("Task_SignOff");
		driver.decide(app, "Task_SignOff", "approve", null);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("Task_SignOff", "End_Delivered");
		assertThat(links.of(app.id())).isEqualTo(links.of(driver.reload(app).id()));
	}

	private Application forwarded() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		return app;
	}

	/** Version 2 as an analyst makes it in Modeler: the designated officer signs the approval off before issue. */
	private BpmnModelInstance withSignOff() throws Exception {
		BpmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/processes/certificate-issuance.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		ModelerEdits.cut(model, "Flow_Event_Approved_to_Gw_ToIssue")
			.builder()
			.userTask("Task_SignOff")
			.name("Sign the approval off")
			.documentation("Designated officer: signs the approval off before the certificate is issued.")
			.camundaCandidateGroups("${posts.group(execution, 'designatedOfficer')}")
			.camundaFormRef("decide-application")
			.camundaFormRefBinding("latest")
			.camundaDueDate("${deadlines.due(execution, 'disposal')}")
			.camundaFollowUpDate("${deadlines.followUp(execution, 'disposal')}")
			.camundaTaskListenerExpression("create", "${decisions.reset(task)}")
			.camundaTaskListenerExpression("complete", "${decisions.require(task, 'approve')}")
			.connectTo("Gw_ToIssue");
		return model;
	}

	private Application verifiedPension(Map<String, String> form) {
		Application app = driver.start("OLD-AGE-PENSION", form);
		applications.submit(app.applicationNo(), Map.of());
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.runAsyncSteps(app);
		return driver.reload(app);
	}

	/** welfare-scheme as it was before the duplicate review had its own disposal timer. */
	private BpmnModelInstance withoutTheReviewTimer() throws Exception {
		BpmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/processes/welfare-scheme.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		ModelerEdits.cut(model, "Flow_Timer_ReviewDisposalPeriodOver_to_Gw_ToBreach");
		BoundaryEvent timer = model.getModelElementById("Timer_ReviewDisposalPeriodOver");
		timer.getParentElement().removeChildElement(timer);
		org.camunda.bpm.model.xml.instance.ModelElementInstance shape = model
			.getModelElementById("Timer_ReviewDisposalPeriodOver_di");
		shape.getParentElement().removeChildElement(shape);
		return model;
	}

	private String deployWelfare(BpmnModelInstance model, String name) {
		Deployment deployment = repository.createDeployment().name(name).addModelInstance("welfare-scheme.bpmn", model)
			.deploy();
		welfareVersions.add(deployment);
		return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId();
	}

	private String deploy(BpmnModelInstance model, String name) {
		changed = repository.createDeployment().name(name).addModelInstance("certificate-issuance.bpmn", model).deploy();
		return repository.createProcessDefinitionQuery().deploymentId(changed.getId()).singleResult().getId();
	}

	/** Runs the batch's jobs (seed, migration, monitor) as the job executor would, until the engine removes it. */
	private void runBatch(String batchId) {
		for (int round = 0; round < 20; round++) {
			Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
			if (batch == null) {
				return;
			}
			for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
					batch.getMonitorJobDefinitionId())) {
				for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
					management.executeJob(job.getId());
				}
			}
		}
		throw new AssertionError("Batch " + batchId + " did not finish");
	}

	private String page(String source, String target) throws Exception {
		return mvc.perform(get("/admin/migration").param("source", source).param("target", target)
			.with(httpBasic("demo", "demo"))).andReturn().getResponse().getContentAsString();
	}

	private String page(String source, String target, String language) throws Exception {
		return mvc.perform(get("/admin/migration").param("source", source).param("target", target)
			.param("lang", language)
			.with(httpBasic("demo", "demo"))).andReturn().getResponse().getContentAsString();
	}

	private JsonNode api(String path) throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth("demo", "demo").getForEntity(path, String.class);
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
		return json.readTree(answer.getBody());
	}

	private JsonNode post(String path, Map<String, Object> body, int status) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> answer = http.withBasicAuth("demo", "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
		return json.readTree(answer.getBody());
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode item : array) {
			if (value.equals(item.path(field).asText())) {
				return item;
			}
		}
		throw new AssertionError("No " + field + " = " + value + " in " + array);
	}

}
