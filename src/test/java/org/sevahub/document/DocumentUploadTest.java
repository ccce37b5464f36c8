package org.sevahub.document;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.CitizenAccess;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TestClamd;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Uploads through both doors (the application API and the citizen's form), over the whole stack with a real clamd:
 * each refusal is answered in the door's shape and keeps nothing; what is kept is reachable only through links
 * that expire; a missing document stops the submission.
 */
@SevaHubTest
class DocumentUploadTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationService applications;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ObjectMapper json;

	@Autowired
	CitizenAccess citizens;

	@BeforeAll
	static void clamd() {
		TestClamd.requireRunning();
	}

	@AfterEach
	void clock() {
		ProcessDriver.resetClock();
	}

	record Draft(String no, Cookie access) {
	}

	@Test
	void everyRefusalIsExplainedAndKeepsNothing() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		record Case(String name, byte[] bytes, int status, String says) {
		}
		List<Case> cases = List.of(
				new Case("salary.pdf", SuspiciousFiles.windowsProgram(), 415, "is a program, not a document"),
				new Case("salary.pdf", SuspiciousFiles.eicar(), 422, "found SevaHub.Test.EICAR"),
				new Case("salary.pdf", SuspiciousFiles.pdfWithMarker(), 422, "found SevaHub.Test.Marker"),
				new Case("salary.pdf", SuspiciousFiles.pdfWithOpenActionScript(), 422, "contains scripts or actions"),
				new Case("salary.pdf", SuspiciousFiles.pdfWithEmbeddedFile(), 422, "carries other files"),
				new Case("salary.pdf", SuspiciousFiles.encryptedPdf(""), 422, "locked with a password or encrypted"),
				new Case("salary.pdf", new byte[3 * 1024 * 1024], 413, "at most 2.0 MB"));
		long before = storedRows();
		for (Case c : cases) {
			MockHttpServletResponse answer = mvc.perform(apiUpload(draft, "income-proof", c.name(), c.bytes()))
				.andReturn()
				.getResponse();
			assertThat(answer.getStatus()).as(c.says()).isEqualTo(c.status());
			JsonNode body = json.readTree(answer.getContentAsString());
			assertThat(body.path("error").asText()).isEqualTo("refused");
			assertThat(body.path("message").asText()).startsWith("Proof of income").contains(c.says());
			assertThat(body.path("fieldErrors").path("document.income-proof").asText()).contains(c.says());
			assertThat(answer.getContentAsString()).doesNotContain("Exception", "org.sevahub");
		}
		assertThat(storedRows()).isEqualTo(before);
		assertThat(documentsOf(draft.no())).isZero();
		assertThat(events(draft.no(), "DOCUMENT_RECEIVED")).isEmpty();
	}

	/** An upload asking for XML was kept and answered 201 in JSON: it is refused before anything is read or kept. */
	@Test
	void anAcceptTheApiCannotAnswerIsRefusedBeforeTheFileIsKept() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		long before = storedRows();
		MockHttpServletResponse answer = mvc
			.perform(apiUpload(draft, "address-proof", "bill.pdf", TestDocuments.pdf("bill")).accept("application/xml"))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(406);
		assertThat(json.readTree(answer.getContentAsString()).path("error").asText()).isEqualTo("not-acceptable");
		assertThat(storedRows()).isEqualTo(before);
		assertThat(documentsOf(draft.no())).isZero();
	}

	@Test
	void anOversizeBodyIsRefusedOnItsDeclaredLengthBeforeItIsRead() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		long before = storedRows();
		// The part itself is a small valid PDF: only the declared length can make this a refusal.
		MockHttpServletResponse answer = mvc.perform(apiUpload(draft, "address-proof", "bill.pdf", TestDocuments.pdf("bill"))
			.with(request -> {
				request.setContent(new byte[3 * 1024 * 1024]);
				return request;
			})).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(413);
		assertThat(answer.getContentAsString()).contains("Proof of address", "at most 2.0 MB");
		assertThat(storedRows()).isEqualTo(before);
	}

	@Test
	void theCitizenHearsWhyInTheirLanguage() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		MockHttpServletResponse answer = mvc
			.perform(apiUpload(draft, "income-proof", "salary.pdf", SuspiciousFiles.eicar()).header("Accept-Language", "hi"))
			.andReturn()
			.getResponse();
		assertThat(json.readTree(answer.getContentAsString()).path("message").asText())
			.startsWith("आय का प्रमाण").contains("वायरस स्कैनर को इस फ़ाइल में SevaHub.Test.EICAR");
	}

	@Test
	void aDocumentForAnotherCitizensApplicationIsRefusedAsIfItDidNotExist() throws Exception {
		Draft mine = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		Draft theirs = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		long before = storedRows();
		Draft forged = new Draft(theirs.no(), new Cookie("sevahub_app_" + theirs.no(), mine.access().getValue()));
		for (MockMultipartHttpServletRequestBuilder attempt : List.of(
				apiUpload(forged, "income-proof", "salary.pdf", TestDocuments.pdf("salary")),
				apiUpload(new Draft(theirs.no(), mine.access()), "income-proof", "salary.pdf", TestDocuments.pdf("salary")),
				pageUpload(new Draft(theirs.no(), mine.access()), "income-proof", "salary.pdf", TestDocuments.pdf("salary")))) {
			MockHttpServletResponse answer = mvc.perform(attempt).andReturn().getResponse();
			assertThat(answer.getStatus()).isEqualTo(404);
			assertThat(json.readTree(answer.getContentAsString()).path("error").asText()).isEqualTo("not-found");
		}
		assertThat(mvc.perform(get("/api/v1/applications/" + theirs.no() + "/documents").cookie(mine.access()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(storedRows()).isEqualTo(before);
		assertThat(documentsOf(theirs.no())).isZero();
	}

	@Test
	void anUploadWithoutThePagesCsrfTokenSaysThePageIsOutOfDateAndKeepsNothing() throws Exception {
		Draft mine = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		Draft theirs = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		long before = storedRows();
		// The citizen's own application and someone else's get the same answer: the token is checked first.
		for (Draft draft : List.of(mine, new Draft(theirs.no(), mine.access()))) {
			MockHttpServletResponse answer = mvc
				.perform(multipart("/applications/" + draft.no() + "/documents/income-proof")
					.file(new MockMultipartFile("file", "salary.pdf", "application/pdf", TestDocuments.pdf("salary")))
					.cookie(draft.access())
					.header("Accept", "application/json"))
				.andReturn()
				.getResponse();
			assertThat(answer.getStatus()).isEqualTo(403);
			assertThat(json.readTree(answer.getContentAsString()).path("error").asText()).isEqualTo("stale-page");
		}
		assertThat(storedRows()).isEqualTo(before);
		assertThat(documentsOf(mine.no())).isZero();
		// The page's script says so in the citizen's language.
		assertThat(mvc.perform(get("/applications/" + mine.no() + "/form").cookie(mine.access())
			.cookie(new Cookie("sevahub-lang", "mr"))).andReturn().getResponse().getContentAsString())
			.contains("data-text-stale=\"ठेवली नाही: हे पान जुने झाले आहे.");
	}

	@Test
	void aKeptFileIsReachableOnlyThroughALinkThatExpires() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		byte[] photo = SuspiciousFiles.phoneJpeg(TestDocuments.jpeg(800, 600));
		MockHttpServletResponse kept = mvc.perform(pageUpload(draft, "photo", "IMG_20261130.jpeg", photo))
			.andReturn()
			.getResponse();
		assertThat(kept.getStatus()).as(kept.getContentAsString()).isEqualTo(201);
		JsonNode document = json.readTree(kept.getContentAsString()).path("document");
		assertThat(document.path("fileName").asText()).isEqualTo("IMG_20261130.jpg");
		assertThat(document.path("mediaType").asText()).isEqualTo("image/jpeg");
		assertThat(document.path("scanned").asBoolean()).isTrue();
		String link = document.path("link").asText();
		assertThat(link).matches("/documents/\\d+\\?expires=\\d+&signature=[A-Za-z0-9_-]+");

		MockHttpServletResponse download = mvc.perform(get(link)).andReturn().getResponse();
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).startsWith("image/jpeg");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getHeader("Cache-Control")).contains("no-store");
		assertThat(download.getHeader("Content-Disposition")).startsWith("inline");
		byte[] bytes = download.getContentAsByteArray();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
			.isEqualTo(document.path("sha256").asText());
		assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		// The digest is on the application's record.
		assertThat(events(draft.no(), "DOCUMENT_RECEIVED")).singleElement()
			.asString()
			.contains("SHA-256 " + document.path("sha256").asText(), "scanned clean by ClamAV");

		// One character of the signature changed; the link's own first character is 'A' once in 64 links.
		String signature = link.replaceAll(".*signature=", "");
		String forged = link.replace("signature=" + signature,
				"signature=" + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1));
		String stretched = link.replaceAll("expires=\\d+", "expires=" + (Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1")) + 3600));
		String bare = link.replaceAll("\\?.*", "");
		for (String bad : List.of(forged, stretched, bare)) {
			assertThat(mvc.perform(get(bad)).andReturn().getResponse().getStatus()).as(bad).isEqualTo(403);
		}
		driver.advanceClock(applications.get(draft.no()), Duration.ofMinutes(6));
		MockHttpServletResponse expired = mvc.perform(get(link)).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(403);
		assertThat(expired.getContentType()).startsWith("text/html");
		assertThat(expired.getContentAsString()).contains("id=\"problem-title\"", "may have expired");
	}

	@Test
	void aDraftKeepsItsDocumentsAndTheFormShowsWhatIsStillMissing() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		String empty = form(draft);
		assertThat(empty).contains("name=\"document.address-proof\"", "name=\"document.income-proof\"",
				"name=\"document.photo\"", "id=\"documents-missing\"", "enctype=\"multipart/form-data\"",
				"/js/documents.js");
		assertThat(missingList(empty)).contains("Proof of address", "Proof of income").doesNotContain("Passport-size");

		assertThat(mvc.perform(apiUpload(draft, "address-proof", "bill.pdf", TestDocuments.pdf("Electricity bill")))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
		MockHttpServletResponse second = mvc
			.perform(apiUpload(draft, "address-proof", "ration-card.pdf", TestDocuments.pdf("Ration card")))
			.andReturn()
			.getResponse();
		JsonNode answer = json.readTree(second.getContentAsString());
		assertThat(answer.path("documents").path("missing")).extracting(JsonNode::asText)
			.containsExactly("Proof of income (salary slip, income tax return or self-declaration)");

		String resumed = form(draft);
		assertThat(resumed).contains("Sent: ration-card.pdf").doesNotContain("bill.pdf");
		assertThat(missingList(resumed)).contains("Proof of income").doesNotContain("Proof of address");
		Application app = applications.get(draft.no());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application_document WHERE application_id = :id AND replaced_at IS NOT NULL")
			.param("id", app.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aMissingMandatoryDocumentStopsTheSubmissionThroughEitherDoor() throws Exception {
		Draft draft = draft("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT"));
		mvc.perform(apiUpload(draft, "address-proof", "bill.pdf", TestDocuments.pdf("Electricity bill")));
		MockHttpServletResponse api = mvc.perform(post("/api/v1/applications/" + draft.no() + "/submit")
			.cookie(draft.access())
			.contentType("application/json").content("{}")).andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(400);
		JsonNode errors = json.readTree(api.getContentAsString()).path("fieldErrors");
		assertThat(errors.path("document.income-proof").asText()).isEqualTo(
				"Proof of income (salary slip, income tax return or self-declaration) is needed: send it before you submit.");
		assertThat(errors.has("document.address-proof")).isFalse();
		assertThat(applications.get(draft.no()).status()).isEqualTo("DRAFT");

		MockHttpServletResponse page = mvc.perform(post("/applications/" + draft.no() + "/form").with(csrf())
			.cookie(draft.access())
			.param("action", "submit")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("id=\"doc-income-proof-error\"", "is needed: send it before you submit");
		assertThat(applications.get(draft.no()).status()).isEqualTo("DRAFT");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM status_history h JOIN application a ON a.id = h.application_id "
				+ "WHERE a.application_no = :no AND h.status = 'SUBMITTED'").param("no", draft.no()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void aFormPostedWithABadFileCreatesNothingAndSaysWhy() throws Exception {
		long applicationsBefore = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
		long before = storedRows();
		MockMultipartHttpServletRequestBuilder request = multipart("/apply/INCOME-CERT");
		request.file(new MockMultipartFile("document.address-proof", "bill.pdf", "application/pdf", TestDocuments.pdf("bill")));
		request.file(new MockMultipartFile("document.income-proof", "salary.pdf", "application/pdf", SuspiciousFiles.eicar()));
		ProcessDriver.validForm("INCOME-CERT").forEach(request::param);
		MockHttpServletResponse page = mvc.perform(request.with(csrf()).param("action", "submit")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("found SevaHub.Test.EICAR", "id=\"doc-income-proof-error\"")
			.contains(">Salary as a school teacher</textarea>");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(applicationsBefore);
		assertThat(storedRows()).isEqualTo(before);
	}

	@Test
	void aConditionalDocumentIsNeededOnlyWhenItsConditionHolds() throws Exception {
		Map<String, String> sc = ProcessDriver.validForm("OLD-AGE-PENSION");
		Draft scDraft = draft("OLD-AGE-PENSION", sc);
		Map<String, String> general = ProcessDriver.validForm("OLD-AGE-PENSION");
		general.put("applicant.category", "GEN");
		general.put("bplCardNumber", "WB-BPL-7781");
		Draft generalDraft = draft("OLD-AGE-PENSION", general);
		assertThat(missing(scDraft)).containsExactlyInAnyOrder("Proof of age (birth certificate, school certificate or voter ID)",
				"First page of the bank passbook", "Caste certificate");
		assertThat(missing(generalDraft)).containsExactlyInAnyOrder(
				"Proof of age (birth certificate, school certificate or voter ID)", "First page of the bank passbook",
				"BPL card");
	}

	@Test
	void theCatalogApiSaysWhatEachServiceAsksFor() throws Exception {
		JsonNode service = json.readTree(mvc.perform(get("/api/v1/services/OLD-AGE-PENSION")).andReturn().getResponse()
			.getContentAsString());
		JsonNode caste = service.path("documents").get(2);
		assertThat(caste.path("code").asText()).isEqualTo("caste-certificate");
		assertThat(caste.path("names").path("bn").asText()).isEqualTo("জাতি শংসাপত্র");
		assertThat(caste.path("mandatory").asBoolean()).isFalse();
		assertThat(caste.path("condition").asText()).isEqualTo("applicant.category in (\"SC\", \"ST\")");
		assertThat(caste.path("types")).extracting(JsonNode::asText)
			.containsExactly("application/pdf", "image/jpeg", "image/png");
		assertThat(caste.path("maxBytes").asLong()).isEqualTo(2097152);
		assertThat(service.path("documents").get(0).path("mandatory").asBoolean()).isTrue();
	}

	@Test
	void afterSubmissionNoDocumentCanBeChanged() throws Exception {
		Application app = driver.startAndSubmit("INCOME-CERT");
		Draft submitted = new Draft(app.applicationNo(), grant(app));
		long before = storedRows();
		MockHttpServletResponse answer = mvc.perform(apiUpload(submitted, "photo", "me.png", TestDocuments.png(300, 400)))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(409);
		assertThat(answer.getContentAsString()).contains("documents are sent with the form, or when the office asks");
		assertThat(storedRows()).isEqualTo(before);
	}

	@Test
	void aCodeTheServiceDoesNotAskForIsRefused() throws Exception {
		Draft draft = draft("BIRTH-CERT", ProcessDriver.validForm("BIRTH-CERT"));
		MockHttpServletResponse answer = mvc.perform(apiUpload(draft, "income-proof", "x.pdf", TestDocuments.pdf("x")))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(404);
		assertThat(answer.getContentAsString()).contains("income-proof is not a document this service asks for");
	}

	// --- helpers

	/** A draft created on the citizen's pages, with the grant its browser got. */
	Draft draft(String service, Map<String, String> form) throws Exception {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		form.forEach(params::add);
		MockHttpServletResponse created = mvc
			.perform(post("/apply/" + service).with(csrf()).params(params).param("action", "draft"))
			.andReturn()
			.getResponse();
		assertThat(created.getRedirectedUrl()).as(created.getContentAsString()).endsWith("/form?saved");
		String no = created.getRedirectedUrl().split("/")[2];
		return new Draft(no, created.getCookie("sevahub_app_" + no));
	}

	/** The grant the citizen's browser holds for {@code app} (CitizenAccess's cookie). */
	Cookie grant(Application app) {
		return new Cookie("sevahub_app_" + app.applicationNo(), citizens.sign("application", app.applicationNo()));
	}

	static MockMultipartHttpServletRequestBuilder apiUpload(Draft draft, String code, String name, byte[] bytes) {
		return (MockMultipartHttpServletRequestBuilder) multipart(
				"/api/v1/applications/" + draft.no() + "/documents/" + code)
			.file(new MockMultipartFile("file", name, "application/pdf", bytes))
			.cookie(draft.access());
	}

	static MockMultipartHttpServletRequestBuilder pageUpload(Draft draft, String code, String name, byte[] bytes) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/applications/" + draft.no() + "/documents/" + code)
			.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
			.cookie(draft.access())
			.with(csrf().asHeader());
	}

	String form(Draft draft) throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/applications/" + draft.no() + "/form").cookie(draft.access()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString();
	}

	static String missingList(String html) {
		return html.substring(html.indexOf("id=\"documents-missing\""), html.indexOf("</ul>", html.indexOf("id=\"documents-missing\"")));
	}

	List<String> missing(Draft draft) throws Exception {
		JsonNode panel = json.readTree(mvc.perform(get("/api/v1/applications/" + draft.no() + "/documents")
			.cookie(draft.access())).andReturn().getResponse().getContentAsString());
		return java.util.stream.StreamSupport.stream(panel.path("missing").spliterator(), false).map(JsonNode::asText).toList();
	}

	long storedRows() {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM application_document) + (SELECT COUNT(*) FROM document_content)")
			.query(Long.class)
			.single();
	}

	long documentsOf(String no) {
		return jdbc.sql("SELECT COUNT(*) FROM application_document d JOIN application a ON a.id = d.application_id "
				+ "WHERE a.application_no = :no").param("no", no).query(Long.class).single();
	}

	List<String> events(String no, String kind) {
		return jdbc.sql("SELECT e.detail FROM application_event e JOIN application a ON a.id = e.application_id "
				+ "WHERE a.application_no = :no AND e.kind = :kind ORDER BY e.id").param("no", no).param("kind", kind)
			.query(String.class)
			.list();
	}

}
