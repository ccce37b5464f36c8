package org.sevahub.document;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.CitizenAccess;
import org.sevahub.language.Languages;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TestClamd;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Officers' verdicts on documents, given as Tasklist gives them (the task's {@code documents} rows completed
 * through /engine-rest), and what follows: a clarification asks for exactly the rejected documents, the citizen's
 * page offers exactly those, the reply needs them, the decision and the certificate record what they relied on,
 * and the documents of a closed application go when their retention runs out.
 */
@SevaHubTest
class DocumentVerdictsTest {

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	TaskService tasks;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	CitizenAccess citizens;

	@Autowired
	DocumentAccess access;

	@Autowired
	DocumentRetention retention;

	@Autowired
	DocumentCatalog catalog;

	@Autowired
	MessageSource messages;

	@BeforeAll
	static void clamd() {
		TestClamd.requireRunning();
	}

	@AfterEach
	void clock() {
		ProcessDriver.resetClock();
	}

	@Test
	void theVerifyTaskListsEachDocumentWithALinkAndItsScan() throws Exception {
		Application app = submittedAndPaid();
		JsonNode rows = rows(driver.task(app, "Task_VerifyApplication"));
		assertThat(rows).extracting(r -> r.path("code").asText()).containsExactly("address-proof", "income-proof");
		JsonNode first = rows.get(0);
		assertThat(first.path("name").asText()).startsWith("Proof of address").contains(" / पते का प्रमाण");
		assertThat(first.path("file").asText()).isEqualTo("address-proof.pdf");
		// The page count in Hindi too, from the bundle.
		assertThat(first.path("details").asText())
			.startsWith("PDF, 1 page / " + messages.getMessage("document.officer.page", new Object[] { "1" },
					Languages.locale("hi")) + ", ")
			.contains("1 पृष्ठ", "SHA-256 ");
		assertThat(first.path("scan").asText()).startsWith("Scanned clean by ClamAV");
		assertThat(first.path("viewUrl").asText()).matches("/officer/documents/\\d+");
		assertThat(first.path("image").asBoolean()).isFalse();
		// In English and the state language, as the form around it (the test installation's first: Hindi).
		assertThat(first.path("verdict").asText()).isEqualTo("not checked yet / अभी जाँचा नहीं गया");
		JsonNode options = json.readTree(tasks.getVariableLocal(driver.task(app, "Task_VerifyApplication").getId(),
				"documentOptions").toString());
		assertThat(options).extracting(o -> o.path("value").asText()).containsExactly("address-proof", "income-proof");
	}

	/** The checklist names each document as the rows above it do, in English and the state language (Hindi here). */
	@Test
	void theChecklistNamesTheDocumentsInBothLanguagesAndSubmitsTheirCodes() throws Exception {
		Application app = submittedAndPaid();
		Task verify = driver.task(app, "Task_VerifyApplication");
		JsonNode options = json.readTree(tasks.getVariableLocal(verify.getId(), "documentOptions").toString());
		DocumentRequirement address = catalog.find(app.serviceCode(), "address-proof").orElseThrow();
		String hindi = address.names().get("hi");
		assertThat(hindi).isNotBlank().isNotEqualTo(address.nameEn());
		// The rows give the whole names; a choice, which form-js sets on one line and cuts off, the names without
		// their examples in brackets, so the file name still shows.
		assertThat(rows(verify).get(0).path("name").asText()).isEqualTo(address.nameEn() + " / " + hindi);
		assertThat(options.get(0).path("label").asText())
			.isEqualTo("Proof of address / " + hindi.substring(0, hindi.indexOf(" (")) + " (address-proof.pdf)");
		assertThat(options.get(0).path("value").asText()).isEqualTo("address-proof");
	}

	@Test
	void documentsAreNamedInTheLanguageTheTasklistFormIsIn() throws Exception {
		// The birth certificate's catalog language is Marathi; the installation's forms are in English and Hindi.
		Application app = driver.startAndSubmit("BIRTH-CERT");
		assertThat(rows(driver.task(app, "Task_VerifyApplication")).get(0).path("name").asText())
			.isEqualTo("Hospital's birth report or discharge summary / अस्पताल की जन्म रिपोर्ट या डिस्चार्ज सारांश");
	}

	@Test
	void aRejectedDocumentIsAskedForAgainAndTheReplyNeedsIt() throws Exception {
		Application app = submittedAndPaid();
		Task verify = driver.task(app, "Task_VerifyApplication");
		assertThat(access.worksOn(new DocumentAccess.Officer("assistant", List.of("dealingAssistant", "dealingAssistant:WB-KOL")), app)).isTrue();
		assertThat(access.worksOn(new DocumentAccess.Officer("appellate1", List.of("firstAppellate", "firstAppellate:WB")), app)).isFalse();

		// A rejection needs a reason, and forwarding past a rejected document is refused: nothing is recorded.
		assertThat(complete(verify, "clarify", "Please send a clearer proof of income", List.of("income-proof"), "")
			.getStatusCode().value()).isEqualTo(400);
		ResponseEntity<String> forward = complete(verify, "forward", null, List.of("income-proof"),
				"The salary slip is cut off at the bottom");
		assertThat(forward.getStatusCode().value()).isEqualTo(400);
		assertThat(forward.getBody()).contains("is marked rejected: seek a clarification");
		assertThat(verdicts(app)).containsOnlyNulls();

		assertThat(complete(verify, "clarify", "Please send a clearer proof of income", List.of("income-proof"),
				"The salary slip is cut off at the bottom").getStatusCode().value()).isEqualTo(204);
		assertThat(driver.reload(app).status()).isEqualTo("CLARIFICATION_SOUGHT");
		assertThat(verdicts(app)).containsExactly("accepted", "rejected");
		assertThat(events(app, "DOCUMENTS_ASKED_AGAIN")).singleElement().asString()
			.contains("assistant", "Proof of income", "The salary slip is cut off at the bottom");

		Cookie grant = new Cookie("sevahub_app_" + app.applicationNo(), citizens.sign("application", app.applicationNo()));
		String page = mvc.perform(get("/applications/" + app.applicationNo() + "/form").cookie(grant)).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("id=\"documents-asked-again\"", "name=\"document.income-proof\"",
				"The office asked for Proof of income (salary slip, income tax return or self-declaration) again (The salary slip is cut off at the bottom)")
			.doesNotContain("name=\"document.address-proof\"", "name=\"document.photo\"");

		// Only what was asked for may be sent; the reply without it is refused.
		MockHttpServletResponse other = mvc.perform(multipart("/applications/" + app.applicationNo() + "/documents/address-proof")
			.file(new MockMultipartFile("file", "bill.pdf", "application/pdf", TestDocuments.pdf("bill")))
			.cookie(grant).with(csrf().asHeader())).andReturn().getResponse();
		assertThat(other.getStatus()).isEqualTo(409);
		assertThat(other.getContentAsString()).contains("did not ask for this document again");
		MockHttpServletResponse early = mvc.perform(post("/applications/" + app.applicationNo() + "/form").with(csrf())
			.cookie(grant).param("action", "submit")).andReturn().getResponse();
		assertThat(early.getStatus()).isEqualTo(400);
		assertThat(driver.reload(app).status()).isEqualTo("CLARIFICATION_SOUGHT");

		// The reply carries the new file.
		MockHttpServletResponse sent = mvc.perform(multipart("/applications/" + app.applicationNo() + "/form")
			.file(new MockMultipartFile("document.income-proof", "salary-full.pdf", "application/pdf",
					TestDocuments.pdf("Salary slip, whole page")))
			.cookie(grant).with(csrf()).param("action", "submit")).andReturn().getResponse();
		assertThat(sent.getRedirectedUrl()).as(sent.getContentAsString()).endsWith("/acknowledgement");
		assertThat(driver.statuses(app)).endsWith("RESUBMITTED", "UNDER_VERIFICATION");

		JsonNode again = rows(driver.task(app, "Task_VerifyApplication"));
		assertThat(again).extracting(r -> r.path("file").asText()).containsExactly("address-proof.pdf", "salary-full.pdf");
		assertThat(again).extracting(r -> r.path("verdict").asText()).containsExactly("accepted / स्वीकृत",
				"not checked yet / अभी जाँचा नहीं गया");
		assertThat(complete(driver.task(app, "Task_VerifyApplication"), "forward", null, List.of(), null)
			.getStatusCode().value()).isEqualTo(204);
		assertThat(verdicts(app)).containsExactly("accepted", "accepted");
		assertThat(complete(driver.task(app, "Task_Decide"), "approve", "Income verified", null, null)
			.getStatusCode().value()).isEqualTo(204);
		assertThat(events(app, "DOCUMENTS_RELIED_ON")).singleElement().asString()
			.contains("approve by officer", "salary-full.pdf", sha256(app, "income-proof"))
			.doesNotContain("income-proof.pdf");

		driver.runAsyncSteps(app);
		String xml = jdbc.sql("SELECT xml FROM certificate WHERE application_id = :id").param("id", app.id())
			.query(String.class).single();
		assertThat(xml).contains("<SupportingDocuments>", "code=\"income-proof\"", "fileName=\"salary-full.pdf\"",
				"sha256=\"" + sha256(app, "income-proof") + "\"", "verified=\"true\"", "code=\"address-proof\"");
		// The certificate names them as its fields are named: in the state's language (Hindi for income) and English.
		byte[] pdf = jdbc.sql("SELECT pdf FROM certificate WHERE application_id = :id").param("id", app.id())
			.query(byte[].class).single();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("इन दस्तावेज़ों के आधार पर जारी:",
					"Issued on the strength of these documents:", "आय का प्रमाण (वेतन पर्ची, आयकर रिटर्न या स्व-घोषणा)",
					"Proof of income (salary slip, income tax return or self-declaration): salary-full.pdf",
					sha256(app, "income-proof"),
					"पते का प्रमाण");
		}
	}

	@Test
	void aTickThatIsNotOneOfTheTasksDocumentsIsRefusedAndChangesNothing() throws Exception {
		Application app = submittedAndPaid();
		Task verify = driver.task(app, "Task_VerifyApplication");
		ResponseEntity<String> forward = complete(verify, "forward", null, List.of("nosuch"), "x");
		assertThat(forward.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(forward.getBody()).path("type").asText()).isEqualTo("InvalidRequestException");
		assertThat(forward.getBody()).contains("'nosuch' is not one of the form's choices (address-proof, income-proof)");
		ResponseEntity<String> clarify = complete(verify, "clarify", "Send it again", List.of("nosuch-doc"), "Unreadable");
		assertThat(clarify.getStatusCode().value()).isEqualTo(400);
		assertThat(driver.reload(app).status()).isEqualTo("UNDER_VERIFICATION");
		assertThat(verdicts(app)).containsOnlyNulls();
		assertThat(events(app, "DOCUMENT_VERDICT")).isEmpty();
		assertThat(complete(verify, "clarify", "Send it again", List.of("income-proof"), "Unreadable")
			.getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void anAdministratorsRepairMaySetOtherVariablesButNotATickOutsideTheChecklist() throws Exception {
		Application app = submittedAndPaid();
		Task verify = driver.task(app, "Task_VerifyApplication");
		ResponseEntity<String> unknown = complete("demo", verify, Map.of(), "clarify", "Send it again",
				List.of("nosuch-doc"), "Unreadable");
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody()).contains("'nosuch-doc' is not one of the form's choices");
		assertThat(driver.reload(app).status()).isEqualTo("UNDER_VERIFICATION");
		assertThat(events(app, "DOCUMENT_VERDICT")).isEmpty();
		assertThat(complete("demo", verify, Map.of("repairNote", Map.of("value", "set by the administrator")), "clarify",
				"Send it again", List.of("income-proof"), "Unreadable").getStatusCode().value()).isEqualTo(204);
		assertThat(verdicts(app)).contains("rejected");
	}

	@Test
	void aForwardWithoutTheChecklistAcceptsEveryDocument() throws Exception {
		Application app = submittedAndPaid();
		assertThat(complete(driver.task(app, "Task_VerifyApplication"), "forward", "All in order", null, null)
			.getStatusCode().value()).isEqualTo(204);
		assertThat(verdicts(app)).containsExactly("accepted", "accepted");
		assertThat(events(app, "DOCUMENT_VERDICT")).hasSize(2).allSatisfy(e -> assertThat(e).contains("accepted by assistant"));
		assertThat(rows(driver.task(app, "Task_Decide"))).extracting(r -> r.path("verdict").asText())
			.containsExactly("accepted / स्वीकृत", "accepted / स्वीकृत");
	}

	@Test
	void theDocumentsOfAClosedApplicationGoWhenTheirRetentionRunsOut() throws Exception {
		Application app = submittedAndPaid();
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		driver.runAsyncSteps(app);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app).isEnded()).as("the process has ended").isTrue();
		List<String> links = jdbc.sql("SELECT id FROM application_document WHERE application_id = :id")
			.param("id", app.id()).query(Long.class).list().stream().map(id -> "/documents/" + id).toList();
		assertThat(links).hasSize(2);

		driver.advanceClock(app, Duration.ofDays(300));
		retention.run();
		assertThat(kept(app)).isEqualTo(2);

		driver.advanceClock(app, Duration.ofDays(70));
		assertThat(retention.run()).isGreaterThanOrEqualTo(1);
		assertThat(kept(app)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document_content c JOIN application_document d ON d.storage_key = c.storage_key "
				+ "WHERE d.application_id = :id").param("id", app.id()).query(Long.class).single()).isZero();
		assertThat(events(app, "DOCUMENTS_DELETED")).singleElement().asString().contains("2 document(s) deleted", "P1Y");
		assertThat(jdbc.sql("SELECT summary FROM audit_record WHERE portal = 'documents' AND reference = :no")
			.param("no", app.applicationNo()).query(String.class).list()).singleElement().asString()
			.contains("SHA-256 " + jdbc.sql("SELECT sha256 FROM application_document WHERE application_id = :id AND code = 'income-proof'")
				.param("id", app.id()).query(String.class).single());
		// A second run, on this node or another, finds nothing more to delete for it.
		retention.run();
		assertThat(events(app, "DOCUMENTS_DELETED")).hasSize(1);
	}

	@Test
	void aRunningApplicationKeepsItsDocumentsHoweverOld() {
		Application app = submittedAndPaid();
		driver.advanceClock(app, Duration.ofDays(800));
		retention.run();
		assertThat(kept(app)).isEqualTo(2);
	}

	// --- helpers

	/** An income certificate application, submitted with its documents and its fee paid: at verification. */
	Application submittedAndPaid() {
		Application app = driver.startAndSubmit("INCOME-CERT");
		applications.confirmFeePaid(app.applicationNo(), "PAY-" + app.applicationNo(), new java.math.BigDecimal("33.60"));
		return driver.reload(app);
	}

	JsonNode rows(Task task) throws Exception {
		return json.readTree(tasks.getVariableLocal(task.getId(), "documents").toString());
	}

	/**
	 * Completes the task through /engine-rest as Tasklist's form would: the decision, and the documents ticked as
	 * rejected ({@code null}: a form without the documents' checklist) with their reason.
	 */
	ResponseEntity<String> complete(Task task, String decision, String remarks, List<String> rejected, String reason)
			throws Exception {
		return complete(task.getTaskDefinitionKey().equals("Task_Decide") ? "officer" : "assistant", task,
				Map.of(), decision, remarks, rejected, reason);
	}

	ResponseEntity<String> complete(String user, Task task, Map<String, Object> more, String decision, String remarks,
			List<String> rejected, String reason) throws Exception {
		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		variables.put("decision", Map.of("value", decision));
		if (remarks != null) {
			variables.put("remarks", Map.of("value", remarks));
		}
		if (rejected != null) {
			variables.put("rejectedDocuments", Map.of("value", json.writeValueAsString(rejected), "type", "Json"));
		}
		if (reason != null) {
			variables.put("documentRemarks", Map.of("value", reason));
		}
		variables.putAll(more);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth(user, user)
			.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
					new HttpEntity<>(json.writeValueAsString(Map.of("variables", variables)), headers), String.class);
	}

	List<String> verdicts(Application app) {
		return jdbc.sql("SELECT verdict FROM application_document WHERE application_id = :id AND replaced_at IS NULL ORDER BY id")
			.param("id", app.id()).query(String.class).list();
	}

	String sha256(Application app, String code) {
		return jdbc.sql("SELECT sha256 FROM application_document WHERE application_id = :id AND code = :code AND replaced_at IS NULL")
			.param("id", app.id()).param("code", code).query(String.class).single();
	}

	long kept(Application app) {
		return jdbc.sql("SELECT COUNT(*) FROM application_document WHERE application_id = :id AND deleted_at IS NULL")
			.param("id", app.id()).query(Long.class).single();
	}

	List<String> events(Application app, String kind) {
		return jdbc.sql("SELECT detail FROM application_event WHERE application_id = :id AND kind = :kind ORDER BY id")
			.param("id", app.id()).param("kind", kind).query(String.class).list();
	}

}
