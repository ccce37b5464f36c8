package org.sevahub.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The citizen's pages over the whole stack: the form from its Camunda Form, errors, drafts, receipts, status. */
@SevaHubTest
class CitizenPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationService applications;

	@Autowired
	ProcessDriver driver;

	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate http;

	@Test
	void theHomePageListsTheNotifiedServicesInTheirLanguages() throws Exception {
		String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Birth Certificate", "Income Certificate", "href=\"/apply/OLD-AGE-PENSION\"",
				"Apply for a service");
		assertThat(html).as("the language switcher, each language named in itself")
			.containsPattern("href=\"/\\?lang=bn\"[^>]*id=\"lang-bn\">বাংলা</a>")
			.containsPattern("href=\"/\\?lang=mr\"[^>]*id=\"lang-mr\">मराठी</a>");
		assertThat(mvc.perform(get("/?lang=hi")).andReturn().getResponse().getContentAsString())
			.contains("जन्म प्रमाणपत्र", "आय प्रमाणपत्र", "सेवा के लिए आवेदन करें");
		assertThat(mvc.perform(get("/?lang=bn")).andReturn().getResponse().getContentAsString())
			.contains("বার্ধক্য ভাতা (ডিবিটি)", "পরিষেবার জন্য আবেদন করুন");
	}

	@Test
	void pagesCarryTheFontsForIndicNamesAndOnlyTheFonts() throws Exception {
		MockHttpServletResponse font = mvc.perform(get("/fonts/NotoSansBengali-Regular.ttf")).andReturn().getResponse();
		assertThat(font.getStatus()).isEqualTo(200);
		assertThat(font.getContentType()).startsWith("font/ttf");
		assertThat(font.getHeader("Cache-Control")).contains("max-age=2592000");
		assertThat(font.getContentAsByteArray()).startsWith(0, 1, 0, 0);
		assertThat(mvc.perform(get("/fonts/README.md")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/css/sevahub.css")).andReturn().getResponse().getContentAsString())
			.contains("url(\"/fonts/NotoSansDevanagari-Regular.ttf\")", "url(\"/fonts/NotoSansBengali-Regular.ttf\")");
	}

	@Test
	void theFormIsRenderedFromTheServicesCamundaForm() throws Exception {
		String html = mvc.perform(get("/apply/INCOME-CERT")).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("name=\"applicant.nameEn\"", "name=\"annualIncome\"", "type=\"number\"",
				"name=\"applicant.dateOfBirth\"", "type=\"date\"", "<option value=\"salaried\"", "name=\"_csrf\"");
	}

	@Test
	void everyFormThatPostsCarriesOneCsrfToken() throws Exception {
		for (String path : List.of("/apply/BIRTH-CERT", "/citizen/sign-in")) {
			Document page = Jsoup.parse(page(get(path)));
			assertThat(page.select("form[method=post]")).as(path).isNotEmpty()
				.allSatisfy(form -> assertThat(form.select("input[name=_csrf]")).as(path + " " + form.id()).hasSize(1));
		}
	}

	@Test
	void anUnknownServiceIsANotFoundPage() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/apply/NO-SUCH-SERVICE")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).contains("Not found").doesNotContain("Exception");
	}

	@Test
	void anErrorPageHasTheSitesHeaderWithItsLanguageSwitcherTrackAndMyApplications() throws Exception {
		// An address that is no page (a mistyped one): the doors' error page, "not found".
		org.springframework.http.HttpHeaders browser = new org.springframework.http.HttpHeaders();
		browser.set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		org.springframework.http.ResponseEntity<String> missing = http.exchange("/nothing-here?lang=hi",
				org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(browser), String.class);
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		Document page = Jsoup.parse(missing.getBody());
		assertThat(page.getElementById("problem-title")).as(missing.getBody()).isNotNull();
		assertThat(page.getElementById("track-no")).as("Track").isNotNull();
		assertThat(page.getElementById("my-applications-link").text()).isEqualTo("मेरे आवेदन");
		assertThat(page.select("#languages strong[aria-current]").text()).isEqualTo("हिन्दी");
		assertThat(page.getElementById("lang-bn").attr("href")).isEqualTo("/nothing-here?lang=bn");
		// The same for a signed-in citizen (it was "Not allowed"), while a page that exists still asks for sign-in.
		assertThat(mvc.perform(get("/nothing-here").accept(org.springframework.http.MediaType.TEXT_HTML)
			.cookie(CitizenLogin.cookie(environment, "9876543210"))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/citizen/applications").accept(org.springframework.http.MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).startsWith("/citizen/sign-in");
	}

	@Test
	void missingAndMalformedFieldsGetFieldErrorsAndNothingIsCreated() throws Exception {
		long before = applicationCount();
		MultiValueMap<String, String> form = form("BIRTH-CERT");
		form.remove("childName");
		form.set("applicant.pincode", "70002A");
		form.set("applicant.mobile", "12345");
		form.set("childDateOfBirth", "31-02-2026");
		form.set("applicant.aadhaar", "123412341234");
		MockHttpServletResponse response = mvc
			.perform(post("/apply/BIRTH-CERT").with(csrf()).params(form).param("action", "submit"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		String html = response.getContentAsString();
		assertThat(html).contains("id=\"f-childName-error\"", "Name of the child (English) is required")
			.contains("id=\"f-applicant-pincode-error\"", "PIN code is not in the expected format")
			.contains("10-digit Indian mobile number")
			.contains("Date of birth must be a date")
			.contains("Aadhaar must be 12 digits with a valid check digit")
			// what the citizen typed is kept, so only the mistakes need fixing
			.contains("value=\"বন্দ্যোপাধ্যায় রাহুল\"");
		assertThat(applicationCount()).isEqualTo(before);
	}

	@Test
	void anAadhaarTypedIntoAFormWithMistakesIsNotShownAgainButAskedForOnceMore() throws Exception {
		String typed = ProcessDriver.newAadhaar();
		MultiValueMap<String, String> form = form("BIRTH-CERT");
		form.set("applicant.pincode", "70002A");
		form.set("applicant.aadhaar", typed);
		MockHttpServletResponse refused = mvc
			.perform(post("/apply/BIRTH-CERT").param("lang", "bn").with(csrf()).params(form).param("action", "submit"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).doesNotContain(typed.substring(0, 8));
		Document page = Jsoup.parse(refused.getContentAsString());
		assertThat(page.getElementById("f-applicant-aadhaar").val()).isEmpty();
		assertThat(page.getElementById("f-applicant-aadhaar-error").text())
			.isEqualTo("আপনার সুরক্ষার জন্য আপনার লেখা আধার নম্বর আবার দেখানো হয় না: অনুগ্রহ করে সেটি আরেকবার লিখুন।");
		assertThat(page.select("#error-summary li").eachText()).as("in the page's order")
			.containsExactlyElementsOf(page.select("#citizen-form .field-error").eachText());
		assertThat(page.getElementById("f-childNameLocal").val()).as("everything else is kept")
			.isEqualTo("বন্দ্যোপাধ্যায় রাহুল");

		// A draft holds an Aadhaar, shown masked; a new number typed over it, sent with a mistake, is not shown
		// either: the field shows the one held, which stays.
		form.set("applicant.pincode", "700020");
		MockHttpServletResponse draft = mvc
			.perform(post("/apply/BIRTH-CERT").with(csrf()).params(form).param("action", "draft"))
			.andReturn()
			.getResponse();
		String applicationNo = draft.getRedirectedUrl().split("/")[2];
		Cookie access = draft.getCookie("sevahub_app_" + applicationNo);
		String masked = "XXXX XXXX " + typed.substring(8);
		String other = ProcessDriver.newAadhaar();
		Document again = Jsoup.parse(mvc.perform(post("/applications/" + applicationNo + "/form").with(csrf())
			.cookie(access)
			.param("applicant.aadhaar", other)
			.param("applicant.pincode", "70002A")
			.param("action", "draft"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(again.outerHtml()).doesNotContain(other.substring(0, 8));
		assertThat(again.getElementById("f-applicant-aadhaar").val()).isEqualTo(masked);
		assertThat(again.getElementById("f-applicant-aadhaar-error").text()).contains("not shown again");

		// The masked number sent back as it was shown is no number typed: nothing to type again.
		Document unchanged = Jsoup.parse(mvc.perform(post("/applications/" + applicationNo + "/form").with(csrf())
			.cookie(access)
			.param("applicant.aadhaar", masked)
			.param("applicant.pincode", "70002A")
			.param("action", "draft"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(unchanged.getElementById("f-applicant-aadhaar").val()).isEqualTo(masked);
		assertThat(unchanged.getElementById("f-applicant-aadhaar-error")).isNull();
		assertThat(unchanged.getElementById("f-applicant-pincode-error")).isNotNull();
		assertThat(applications.applicantOf(applications.get(applicationNo)).aadhaarMasked()).endsWith(typed.substring(8));
	}

	@Test
	void aSubmittedFormsErrorsAreInTheReadersLanguageAndInTheFormsOrder() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/apply/BIRTH-CERT").param("lang", "bn").with(csrf()).param("action", "submit"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(response.getContentAsString());
		List<String> summary = page.select("#error-summary li").eachText();
		assertThat(summary).contains("মায়ের নাম আবশ্যক", "শিশুর সঙ্গে আপনার সম্পর্ক আবশ্যক")
			.noneMatch(e -> e.contains("required") || e.contains("needed"));
		assertThat(summary).as("the summary lists the errors as the page shows them: the fields, then the documents")
			.containsExactlyElementsOf(page.select("#citizen-form .field-error").eachText());
		assertThat(summary.get(0)).isEqualTo("পুরো নাম (ইংরেজিতে) আবশ্যক");

		String english = mvc.perform(post("/apply/BIRTH-CERT").param("lang", "en").with(csrf()).param("action", "submit"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Your relationship to the child is required").doesNotContain("child's is");
	}

	@Test
	void requiredAndInvalidFieldsSayItToScreenReadersAndDigitFieldsAskForTheDigitKeypad() throws Exception {
		Document blank = Jsoup.parse(page(get("/apply/BIRTH-CERT")));
		org.jsoup.nodes.Element pincode = blank.getElementById("f-applicant-pincode");
		assertThat(pincode.hasAttr("required")).isTrue();
		assertThat(pincode.attr("aria-required")).isEqualTo("true");
		assertThat(pincode.attr("inputmode")).isEqualTo("numeric");
		assertThat(pincode.hasAttr("aria-invalid")).isFalse();
		org.jsoup.nodes.Element aadhaar = blank.getElementById("f-applicant-aadhaar");
		assertThat(aadhaar.attr("inputmode")).isEqualTo("numeric");
		assertThat(aadhaar.hasAttr("required")).isFalse();
		assertThat(aadhaar.hasAttr("aria-required")).isFalse();
		assertThat(blank.getElementById("f-relation").attr("aria-required")).isEqualTo("true");
		assertThat(blank.getElementById("f-childName").hasAttr("inputmode")).isFalse();

		MultiValueMap<String, String> form = form("BIRTH-CERT");
		form.set("applicant.pincode", "70002A");
		Document refused = Jsoup.parse(mvc.perform(post("/apply/BIRTH-CERT").with(csrf()).params(form).param("action", "submit"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		org.jsoup.nodes.Element wrong = refused.getElementById("f-applicant-pincode");
		assertThat(wrong.attr("aria-invalid")).isEqualTo("true");
		assertThat(wrong.attr("aria-describedby")).isEqualTo("f-applicant-pincode-error");
		assertThat(refused.getElementById("f-applicant-pincode-error")).isNotNull();
		assertThat(refused.getElementById("f-childName").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aGoodFileSentWithAFormThatHasMistakesIsNamedToBeChosenAgain() throws Exception {
		MultiValueMap<String, String> form = form("BIRTH-CERT");
		form.set("applicant.pincode", "70002A");
		MockMultipartHttpServletRequestBuilder request = multipart("/apply/BIRTH-CERT");
		List<org.springframework.mock.web.MockMultipartFile> files = driver.documents()
			.files("BIRTH-CERT", form.toSingleValueMap());
		assertThat(files).isNotEmpty();
		files.forEach(request::file);
		MockHttpServletResponse response = mvc
			.perform(request.with(csrf()).params(form).param("lang", "hi").param("action", "submit"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.getElementById("f-applicant-pincode-error").text()).isEqualTo("पिन कोड अपेक्षित प्रारूप में नहीं है");
		// The form was refused, so the file was not kept either: the page says so where the file is chosen.
		assertThat(page.select("#documents .doc-error").eachText()).hasSize(files.size())
			.first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(files.get(0).getOriginalFilename(), "फ़ाइल फिर से चुनें");
		assertThat(page.getElementById("error-summary").text()).contains("फ़ाइल फिर से चुनें");
	}

	@Test
	void documentsAreRefusedInPlainWordsAndThePanelSaysNeededIfAndNothingMissingPlainly() throws Exception {
		MultiValueMap<String, String> form = form("BIRTH-CERT");
		MockHttpServletResponse text = mvc.perform(multipart("/apply/BIRTH-CERT")
			.file(new org.springframework.mock.web.MockMultipartFile("document.birth-report", "report.pdf", "application/pdf",
					"just some words".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.file(new org.springframework.mock.web.MockMultipartFile("document.parent-id-proof", "id.pdf", "application/pdf",
					org.sevahub.document.SuspiciousFiles.windowsProgram()))
			.with(csrf())
			.params(form)
			.param("action", "submit")).andReturn().getResponse();
		assertThat(text.getStatus()).isEqualTo(400);
		Document refused = Jsoup.parse(text.getContentAsString());
		assertThat(refused.getElementById("doc-birth-report-error").text())
			.isEqualTo("Hospital's birth report or discharge summary: this kind of file cannot be taken. "
					+ "Send it as a file of one of these kinds: PDF, JPEG, PNG.");
		// The script says "Not kept: <the server's answer>": the answer itself must not say it again.
		String program = refused.getElementById("doc-parent-id-proof-error").text();
		assertThat(program).contains("a program").doesNotContainIgnoringCase("not kept");
		assertThat(refused.getElementById("documents").attr("data-text-failed")).startsWith("Not kept:");

		Document pension = Jsoup.parse(page(get("/apply/OLD-AGE-PENSION")));
		org.jsoup.nodes.Element caste = pension.getElementById("doc-caste-certificate");
		assertThat(caste.text()).contains("needed if your category is SC or ST").doesNotContain("optional");

		Application app = driver.start("BIRTH-CERT");
		driver.documents().attachNeeded(app);
		Document complete = Jsoup.parse(page(get("/applications/" + app.applicationNo() + "/form")
			.cookie(CitizenLogin.cookie(environment, "9876543210"))));
		assertThat(complete.select("#documents-missing .doc-missing-heading").hasClass("hidden")).isTrue();
		assertThat(complete.select("#documents-missing .doc-complete").hasClass("hidden")).isFalse();
		assertThat(complete.select("#documents-missing li")).isEmpty();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		long before = applicationCount();
		int status = mvc.perform(post("/apply/BIRTH-CERT").params(form("BIRTH-CERT")).param("action", "submit"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
		assertThat(applicationCount()).isEqualTo(before);
	}

	@Test
	void bengaliHindiAndMarathiNamesRoundTripThroughPagesDatabaseAndReceipt() throws Exception {
		MultiValueMap<String, String> form = form("INCOME-CERT");
		form.set("applicant.nameLocal", "सुनीता बनर्जी");
		form.set("incomeSources", "शेती आणि दुग्धव्यवसाय; চাষবাস");
		MockMultipartHttpServletRequestBuilder request = multipart("/apply/INCOME-CERT");
		driver.documents().files("INCOME-CERT", form.toSingleValueMap()).forEach(request::file);
		MockHttpServletResponse created = mvc
			.perform(request.with(csrf()).params(form).param("action", "submit"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		String applicationNo = created.getRedirectedUrl().replaceAll("^/applications/([^/]+)/acknowledgement$", "$1");
		Cookie access = created.getCookie("sevahub_app_" + applicationNo);
		assertThat(access).isNotNull();

		Application app = applications.get(applicationNo);
		assertThat(applications.applicantOf(app).nameLocal()).isEqualTo("सुनीता बनर्जी");
		assertThat(app.formData()).containsEntry("incomeSources", "शेती आणि दुग्धव्यवसाय; চাষবাস");

		String ack = page(get("/applications/" + applicationNo + "/acknowledgement").cookie(access));
		assertThat(ack).contains(applicationNo, "Waiting for the fee", "Pay the fee", "Income Certificate")
			.doesNotContain("FEE_PENDING");
		String formPage = page(get("/applications/" + applicationNo + "/form").cookie(access));
		assertThat(formPage).contains("value=\"सुनीता बनर्जी\"", "शेती आणि दुग्धव्यवसाय; চাষবাস");

		byte[] pdf = mvc.perform(get("/applications/" + applicationNo + "/receipt.pdf").cookie(access))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(applicationNo, "Sunita Banerjee", "सुनीता बनर्जी");
		}
	}

	@Test
	void aDraftIsSavedAndResumedThenSubmittedOnce() throws Exception {
		MultiValueMap<String, String> partial = form("BIRTH-CERT");
		partial.remove("placeOfBirth");
		MockHttpServletResponse draft = mvc
			.perform(post("/apply/BIRTH-CERT").with(csrf()).params(partial).param("action", "draft"))
			.andReturn()
			.getResponse();
		assertThat(draft.getRedirectedUrl()).endsWith("/form?saved");
		String applicationNo = draft.getRedirectedUrl().split("/")[2];
		Cookie access = draft.getCookie("sevahub_app_" + applicationNo);
		assertThat(applications.get(applicationNo).status()).isEqualTo("DRAFT");

		String resumed = page(get("/applications/" + applicationNo + "/form?saved").cookie(access));
		assertThat(resumed).contains("value=\"বন্দ্যোপাধ্যায় রাহুল\"").contains("id=\"saved-notice\"");

		driver.documents().attachNeeded(applicationNo);
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/applications/" + applicationNo + "/form").with(csrf())
				.cookie(access)
				.param("placeOfBirth", "Chittaranjan Seva Sadan")
				.param("action", "submit"));
		}
		Application app = applications.get(applicationNo);
		assertThat(app.status()).isEqualTo("UNDER_VERIFICATION");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM status_history WHERE application_id = :id AND status = 'SUBMITTED'")
			.param("id", app.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherBrowserCannotOpenTheApplicationButAnyoneCanTrackItsStatusInWords() throws Exception {
		Application app = applications.create(org.sevahub.application.NewApplication.direct("BIRTH-CERT",
				ProcessDriver.validForm("BIRTH-CERT")));
		for (String path : List.of("", "/form", "/acknowledgement", "/receipt.pdf", "/notifications")) {
			MockHttpServletResponse nobody = mvc.perform(get("/applications/" + app.applicationNo() + path))
				.andReturn()
				.getResponse();
			assertThat(nobody.getStatus()).as(path).isIn(302, 404);
			if (nobody.getStatus() == 302) {
				assertThat(nobody.getRedirectedUrl()).startsWith("/citizen/sign-in?next=");
			}
			MockHttpServletResponse stranger = mvc
				.perform(get("/applications/" + app.applicationNo() + path)
					.cookie(CitizenLogin.cookie(environment, "9123456780")))
				.andReturn()
				.getResponse();
			assertThat(stranger.getStatus()).as(path).isEqualTo(404);
			assertThat(stranger.getContentAsString()).doesNotContain("Sunita", "Su****");
		}
		// A link in the citizen's language keeps it through the sign-in it sends them to.
		MockHttpServletResponse inBengali = mvc.perform(get("/citizen/applications").param("lang", "bn"))
			.andReturn()
			.getResponse();
		assertThat(inBengali.getRedirectedUrl()).startsWith("/citizen/sign-in?next=").endsWith("&lang=bn");
		assertThat(mvc.perform(get(inBengali.getRedirectedUrl())).andReturn().getResponse().getContentAsString())
			.contains("আপনার মোবাইল দিয়ে সাইন ইন করুন");
		String track = page(get("/track").param("applicationNo", app.applicationNo()));
		assertThat(track).contains("Birth Certificate", "Started")
			.doesNotContain("Sunita", "Su****", "Banerjee", "SSKM");
		MockHttpServletResponse unknown = mvc.perform(get("/track").param("applicationNo", "{x}")).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(404);
		// No number at all is a question still to ask, not a number that was not found.
		for (String none : new String[] { "", "   " }) {
			MockHttpServletResponse asked = mvc
				.perform(get("/track").param("applicationNo", none).param("lang", "mr").header("X-Forwarded-For", "192.0.2.61"))
				.andReturn()
				.getResponse();
			assertThat(asked.getStatus()).isEqualTo(200);
			Document askedPage = Jsoup.parse(asked.getContentAsString());
			assertThat(askedPage.getElementById("track-not-found")).isNull();
			assertThat(askedPage.select("#track-ask label").text()).isEqualTo("तुमच्या पोचपावतीवर छापलेला अर्ज क्रमांक लिहा");
			assertThat(askedPage.select("#track-ask input[name=applicationNo]")).hasSize(1);
		}
		assertThat(mvc.perform(get("/track").header("X-Forwarded-For", "192.0.2.61")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		String owner = page(get("/applications/" + app.applicationNo()).cookie(CitizenLogin.cookie(environment, "9876543210")));
		assertThat(owner).contains("Started", "Su**** Ba******").doesNotContain("Sunita Banerjee");
	}

	@Test
	void trackingSaysWhatTheStatusPageSaysInTheReadersLanguageWhateverTheNumbersCase() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Document bengali = Jsoup.parse(page(get("/track").param("lang", "bn")
			.param("applicationNo", " " + app.applicationNo().toLowerCase(java.util.Locale.ROOT) + " ")));
		assertThat(bengali.selectFirst("html").attr("lang")).isEqualTo("bn");
		assertThat(bengali.getElementById("track-application-no").text()).isEqualTo(app.applicationNo());
		assertThat(bengali.getElementById("track-service").text()).isEqualTo("জন্ম শংসাপত্র");
		assertThat(bengali.getElementById("track-created").text()).as("a date in words, as the status page writes it")
			.matches("\\d{1,2} \\p{IsBengali}+ \\d{4}");
		Document status = Jsoup.parse(page(get("/applications/" + app.applicationNo()).param("lang", "bn")
			.cookie(CitizenLogin.cookie(environment, "9876543210"))));
		assertThat(bengali.getElementById("track-status").text()).isEqualTo("যাচাই চলছে")
			.isEqualTo(status.getElementById("current-status").text());

		Document mine = Jsoup.parse(page(get("/citizen/applications").param("lang", "hi")
			.cookie(CitizenLogin.cookie(environment, "9876543210"))));
		assertThat(mine.selectFirst("html").attr("lang")).isEqualTo("hi");
		org.jsoup.nodes.Element row = mine.select("#my-applications tr:has(a:containsOwn(" + app.applicationNo() + "))")
			.first();
		assertThat(row).isNotNull();
		assertThat(row.text()).contains("जन्म प्रमाणपत्र", "सत्यापन जारी").doesNotContain("Birth Certificate")
			.doesNotContainPattern("\\d{2}-\\d{2}-\\d{4}");
	}

	@Test
	void withdrawingNeedsTheIUnderstandBoxTickedOnThePageAndOnTheServer() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		Cookie owner = CitizenLogin.cookie(environment, "9876543210");
		Document status = Jsoup.parse(page(get("/applications/" + app.applicationNo()).param("lang", "bn").cookie(owner)));
		org.jsoup.nodes.Element box = status.getElementById("withdraw-confirm");
		assertThat(box.attr("type")).isEqualTo("checkbox");
		assertThat(box.hasAttr("required")).isTrue();
		assertThat(box.closest("form").id()).isEqualTo("withdraw-form");
		assertThat(status.select("label[for=withdraw-confirm]").text())
			.isEqualTo("আমি বুঝেছি যে প্রত্যাহার করা আবেদন আর ফিরিয়ে আনা যায় না।");

		MockHttpServletResponse unticked = mvc.perform(post("/applications/" + app.applicationNo() + "/withdraw")
			.param("lang", "bn")
			.with(csrf())
			.cookie(owner)
			.param("reason", "Applied twice")).andReturn().getResponse();
		assertThat(unticked.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(unticked.getContentAsString()).getElementById("withdraw-confirm-error").text())
			.startsWith("আবেদন প্রত্যাহার করতে চান");
		assertThat(applications.get(app.applicationNo()).status()).isEqualTo("UNDER_VERIFICATION");

		MockHttpServletResponse ticked = mvc.perform(post("/applications/" + app.applicationNo() + "/withdraw")
			.with(csrf())
			.cookie(owner)
			.param("reason", "Applied twice")
			.param("confirm", "true")).andReturn().getResponse();
		assertThat(ticked.getStatus()).isEqualTo(302);
		assertThat(applications.get(app.applicationNo()).status()).isEqualTo("CANCELLED");
	}

	@Test
	void theOfficersViewNeedsAnOfficerSignedInToTheWebapps() throws Exception {
		Application app = applications.create(org.sevahub.application.NewApplication.direct("BIRTH-CERT",
				ProcessDriver.validForm("BIRTH-CERT")));
		MockHttpServletResponse response = mvc.perform(get("/officer/applications/" + app.applicationNo()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).doesNotContain("Sunita");
	}

	@Test
	void theStatusPageShowsEveryStage() throws Exception {
		Application app = driver.start("BIRTH-CERT");
		applications.submit(app.applicationNo(), Map.of());
		String html = page(get("/applications/" + app.applicationNo()).cookie(CitizenLogin.cookie(environment, "9876543210")));
		assertThat(html.indexOf(">Started<")).isGreaterThan(0).isLessThan(html.indexOf(">Submitted<"));
		assertThat(html).contains("Being verified").doesNotContain("UNDER_VERIFICATION", "INITIATED");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private long applicationCount() {
		return jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
	}

	private static MultiValueMap<String, String> form(String service) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		ProcessDriver.validForm(service).forEach(form::add);
		if (service.equals("BIRTH-CERT")) {
			form.set("childName", "Rahul Banerjee");
			form.set("childNameLocal", "বন্দ্যোপাধ্যায় রাহুল");
		}
		return form;
	}

}
