package org.sevahub.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.EngineClock;
import org.sevahub.application.NoRegistry;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.RegistryRecord.Detail;
import org.sevahub.application.RegistryReply;
import org.sevahub.document.RetentionRuns;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.office.OfficeTransfers;
import org.sevahub.platform.TasklistSession;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The officer's page lists what is on the application's record in the reader's language: each event's kind in
 * words, what it says in words from the facts kept beside the English detail (the registry's own reason for refusing,
 * the citizen's grounds and reasons quoted; never a transaction id or a SHA-256), and an event without facts by its
 * detail as recorded.
 */
@SevaHubTest
class OfficerRecordTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationEvents events;

	@Autowired
	OfficeTransfers transfers;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ApplicationContext context;

	@Autowired
	Words words;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@AfterEach
	void clock() {
		ProcessDriver.resetClock();
	}

	/**
	 * The documents' and offices' events as the product records them (sent with the form, judged and asked for again
	 * at verification, routed, transferred by an administrator) read in the page's language: each document type and
	 * office by its name in that language, a file's name, the officer's remarks and the administrator's reason
	 * quoted as written, never a SHA-256.
	 */
	@Test
	void theDocumentsAndOfficesEventsReadInThePagesLanguage() throws Exception {
		Application app = driver.startAndSubmit("INCOME-CERT");
		driver.applications().confirmFeePaid(app.applicationNo(), "PAY-" + app.applicationNo(), new BigDecimal("33.60"));
		Task verify = driver.task(app, "Task_VerifyApplication");
		tasks.setAssignee(verify.getId(), "assistant");
		tasks.complete(verify.getId(), Map.of("decision", "clarify", "remarks", "Please send a clearer proof of income",
				"rejectedDocuments", "[\"income-proof\"]", "documentRemarks", "Salary slip is blurred"));
		transfers.transfer(app.applicationNo(), "WB-HWH", "Applicant lives in Howrah", "admin");
		Cookie assistant = officer("assistant");

		List<String> bengali = onTheRecord(app, "bn", assistant);
		assertThat(bengali).contains(
				"নথি পাওয়া গেছে আয়ের প্রমাণ (বেতনের স্লিপ, আয়কর রিটার্ন বা স্ব-ঘোষণা): ফাইল \u201cincome-proof.pdf\u201d",
				"নথি যাচাই আয়ের প্রমাণ (বেতনের স্লিপ, আয়কর রিটার্ন বা স্ব-ঘোষণা) (ফাইল \u201cincome-proof.pdf\u201d) "
						+ "assistant বাতিল করেছেন; মন্তব্য: \u201cSalary slip is blurred\u201d",
				"নথি আবার চাওয়া হয়েছে assistant চেয়েছেন: আয়ের প্রমাণ (বেতনের স্লিপ, আয়কর রিটার্ন বা স্ব-ঘোষণা), "
						+ "মন্তব্য: \u201cSalary slip is blurred\u201d",
				"দপ্তরে পাঠানো হয়েছে কলকাতা জেলা দপ্তর, পিন কোড 700029 অনুযায়ী",
				"অন্য দপ্তরে স্থানান্তর কলকাতা জেলা দপ্তর থেকে হাওড়া জেলা দপ্তর-এ, admin; জানানো কারণ: "
						+ "\u201cApplicant lives in Howrah\u201d");
		assertThat(String.join("\n", bengali)).doesNotContain("SHA-256", "bytes", "Routed to", "Transferred from",
				"Asked again by", "rejected by", "Proof of income");

		assertThat(onTheRecord(app, "hi", assistant)).contains(
				"दस्तावेज़ की जाँच आय का प्रमाण (वेतन पर्ची, आयकर रिटर्न या स्व-घोषणा) (फ़ाइल \u201cincome-proof.pdf\u201d) "
						+ "assistant द्वारा अस्वीकार किया गया; टिप्पणी: \u201cSalary slip is blurred\u201d",
				"कार्यालय को भेजा गया कोलकाता जिला कार्यालय, पिन कोड 700029 के आधार पर",
				"दूसरे कार्यालय में स्थानांतरित कोलकाता जिला कार्यालय से हावड़ा जिला कार्यालय को, admin द्वारा; "
						+ "बताया गया कारण: \u201cApplicant lives in Howrah\u201d");
		assertThat(onTheRecord(app, "en", assistant)).contains(
				"Document received Proof of income (salary slip, income tax return or self-declaration): file "
						+ "\u201cincome-proof.pdf\u201d",
				"Documents asked for again By assistant: Proof of income (salary slip, income tax return or self-declaration), "
						+ "remarks: \u201cSalary slip is blurred\u201d",
				"Sent to the office Kolkata District Office, by PIN code 700029",
				"Transferred to another office From Kolkata District Office to Howrah District Office, by admin; "
						+ "reason given: \u201cApplicant lives in Howrah\u201d");
	}

	/** The documents accepted at verification and those the decision relied on, each type by its name in Hindi. */
	@Test
	void theDocumentsADecisionReliedOnReadInThePagesLanguage() throws Exception {
		Application app = driver.startAndSubmit("INCOME-CERT");
		driver.applications().confirmFeePaid(app.applicationNo(), "PAY-" + app.applicationNo(), new BigDecimal("33.60"));
		Task verify = driver.task(app, "Task_VerifyApplication");
		tasks.setAssignee(verify.getId(), "assistant");
		tasks.complete(verify.getId(), Map.of("decision", "forward"));
		Task decide = driver.task(app, "Task_Decide");
		tasks.setAssignee(decide.getId(), "officer");
		tasks.complete(decide.getId(), Map.of("decision", "approve", "remarks", "Income verified"));
		String address = "पते का प्रमाण (राशन कार्ड, बिजली बिल या मतदाता पहचान पत्र)";
		String income = "आय का प्रमाण (वेतन पर्ची, आयकर रिटर्न या स्व-घोषणा)";

		List<String> hindi = onTheRecord(app, "hi", officer("assistant"));
		assertThat(hindi).contains(
				"दस्तावेज़ की जाँच " + address + " (फ़ाइल \u201caddress-proof.pdf\u201d) assistant द्वारा स्वीकार किया गया",
				"जिन दस्तावेज़ों पर निर्णय आधारित है स्वीकृति (officer द्वारा): " + address
						+ " (फ़ाइल \u201caddress-proof.pdf\u201d); " + income + " (फ़ाइल \u201cincome-proof.pdf\u201d)");
		assertThat(String.join("\n", hindi)).doesNotContain("SHA-256", "relied on", "accepted by");
	}

	@Test
	void theRegistrysEventsReadInThePagesLanguageWithoutTransactionIds() throws Exception {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		events.record(app.id(), "REGISTRY_SEARCH_REJECTED", "txn-rec-1: rjct.search_criteria.invalid query_type not supported",
				RegistryReply.refused("OLD-AGE-PENSION", "rjct.search_criteria.invalid query_type not supported"));
		events.record(app.id(), "REGISTRY_SEARCH_PENDING", "txn-rec-2: header status pdng (1 of 2 requests answered so far)",
				RegistryReply.partly("OLD-AGE-PENSION", 1, 2));
		events.record(app.id(), "REGISTRY_MATCH", "Registry record WB-OAP-7: ... (for support staff)",
				new RegistryRecord("WB-OAP-7", "Record Twin", "1950-03-04",
						List.of(Detail.AADHAAR, Detail.NAME, Detail.BIRTH_DATE), List.of(), "OLD-AGE-PENSION", "OAP",
						"Old Age Pension", "Active", "2025-01-02", RegistryRecord.Identifier.aadhaarHash("AADHAAR_REF")));
		events.record(app.id(), "NO_REGISTRY", "No beneficiary registry configured; enrollment not reported",
				new NoRegistry(NoRegistry.Step.ENROLMENT_REPORT));
		// Recorded before facts were kept: the English line, as it always read.
		events.record(app.id(), "REGISTRY_STATUS_CHECK_REJECTED", "txn-rec-3: rjct.reference_id.invalid unknown reference");
		Cookie assistant = officer("assistant");

		List<String> bengali = onTheRecord(app, "bn", assistant);
		assertThat(bengali).contains(
				"রেজিস্ট্রি খোঁজ প্রত্যাখ্যান করেছে রেজিস্ট্রি বার্ধক্য ভাতা (ডিবিটি) নিয়ে খোঁজ প্রত্যাখ্যান করেছে; "
						+ "রেজিস্ট্রির দেওয়া কারণ: \u201crjct.search_criteria.invalid query_type not supported\u201d",
				"রেজিস্ট্রির উত্তরের অপেক্ষা রেজিস্ট্রি বার্ধক্য ভাতা (ডিবিটি) নিয়ে এখন পর্যন্ত 2টির মধ্যে 1টি অনুরোধের উত্তর "
						+ "দিয়েছে; বাকি উত্তরের অপেক্ষা",
				"রেজিস্ট্রিতে মিল পাওয়া গেছে রেজিস্ট্রির নথি WB-OAP-7: Record Twin, জন্ম 4 মার্চ 1950; মিলেছে: আধার, নাম, "
						+ "জন্মতারিখ; বার্ধক্য ভাতা (ডিবিটি): 2 জানুয়ারী 2025 থেকে সক্রিয়; পরিচয়পত্র: আধার (কি-যুক্ত হ্যাশ, দেখানো হয় না)",
				"খোঁজার মতো রেজিস্ট্রি নেই কোনো সুবিধাভোগী রেজিস্ট্রি কনফিগার করা নেই: নথিভুক্তির খবর পাঠানো হয়নি",
				"রেজিস্ট্রি অবস্থা যাচাই প্রত্যাখ্যান করেছে txn-rec-3: rjct.reference_id.invalid unknown reference");
		assertThat(String.join("\n", bengali)).doesNotContain("txn-rec-1", "txn-rec-2", "pdng", "support staff",
				"AADHAAR_REF", "REGISTRY_", "NO_REGISTRY");

		assertThat(onTheRecord(app, "hi", assistant)).contains(
				"रजिस्ट्री ने खोज अस्वीकार की रजिस्ट्री ने वृद्धावस्था पेंशन (डीबीटी) के लिए खोज अस्वीकार की; रजिस्ट्री द्वारा "
						+ "बताया गया कारण: \u201crjct.search_criteria.invalid query_type not supported\u201d",
				"खोजने के लिए कोई रजिस्ट्री नहीं कोई लाभार्थी रजिस्ट्री विन्यस्त नहीं है: नामांकन की सूचना नहीं भेजी गई");
		assertThat(onTheRecord(app, "en", assistant)).contains(
				"Registry refused the search The registry refused the search for Old Age Pension (DBT); reason given by the "
						+ "registry: \u201crjct.search_criteria.invalid query_type not supported\u201d",
				"Registry's answer awaited The registry has answered 1 of 2 requests about Old Age Pension (DBT) so far; "
						+ "the rest of its answer is awaited");
	}

	/**
	 * An appeal lodged at each level, and what the citizen's withdrawal after the certificate was issued undid (the
	 * certificate revoked, the fee due back), as the processes record them, read in the page's language: the level,
	 * the certificate's number, the fee in rupees and its payment reference in words, the grounds and the reason for
	 * withdrawing quoted as written, never the English detail.
	 */
	@Test
	void anAppealAndWhatAWithdrawalUndidReadInThePagesLanguage() throws Exception {
		Application appealed = paid("INCOME-CERT");
		driver.decide(appealed, "Task_VerifyApplication", "forward", null);
		driver.decide(appealed, "Task_Decide", "reject", "Income exceeds the limit");
		driver.applications().fileAppeal(appealed.applicationNo(), "The salary slips are of last year");
		driver.decide(appealed, "Task_HearFirstAppeal", "reject", "Slips are current");
		driver.applications().fileAppeal(appealed.applicationNo(), "The first appeal ignored my Form 16");

		Application withdrawn = paid("INCOME-CERT");
		driver.decide(withdrawn, "Task_VerifyApplication", "forward", null);
		driver.decide(withdrawn, "Task_Decide", "approve", null);
		management.executeJob(management.createJobQuery()
			.processInstanceId(driver.processInstanceId(withdrawn))
			.activityId("Task_Issue")
			.singleResult()
			.getId());
		driver.applications().withdraw(withdrawn.applicationNo(), "Applied twice by mistake");
		String certificate = certificateNo(withdrawn);
		String payment = "PAY-" + withdrawn.applicationNo();
		// Recorded before these kinds kept facts: the English line, as it always read.
		events.record(withdrawn.id(), "FEE_REFUND_DUE", "Refund 33.60 paid under reference PAY-OLD");
		Cookie assistant = officer("assistant");

		List<String> bengali = onTheRecord(appealed, "bn", assistant);
		assertThat(bengali).contains("আপিল দায়ের প্রথম আপিল; আপিলের কারণ: \u201cThe salary slips are of last year\u201d",
				"আপিল দায়ের দ্বিতীয় আপিল; আপিলের কারণ: \u201cThe first appeal ignored my Form 16\u201d");
		assertThat(String.join("\n", bengali)).doesNotContain("first appeal:", "second appeal:");
		List<String> bengaliUndone = onTheRecord(withdrawn, "bn", assistant);
		assertThat(bengaliUndone).contains(
				"শংসাপত্র প্রত্যাহার নম্বর " + certificate + ", কারণ নাগরিক আবেদন প্রত্যাহার করেছেন; জানানো কারণ: "
						+ "\u201cApplied twice by mistake\u201d",
				"ফি ফেরত প্রাপ্য 33.60 টাকা (পেমেন্টের সূত্র নম্বর " + payment + "), কারণ নাগরিক আবেদন প্রত্যাহার করেছেন; "
						+ "জানানো কারণ: \u201cApplied twice by mistake\u201d",
				"ফি ফেরত প্রাপ্য Refund 33.60 paid under reference PAY-OLD");
		assertThat(String.join("\n", bengaliUndone)).doesNotContain("Application cancelled",
				"paid under reference " + payment);

		assertThat(onTheRecord(appealed, "hi", assistant)).contains(
				"अपील दर्ज प्रथम अपील; अपील के आधार: \u201cThe salary slips are of last year\u201d",
				"अपील दर्ज द्वितीय अपील; अपील के आधार: \u201cThe first appeal ignored my Form 16\u201d");
		List<String> hindiUndone = onTheRecord(withdrawn, "hi", assistant);
		assertThat(hindiUndone).contains(
				"प्रमाणपत्र निरस्त संख्या " + certificate + ", क्योंकि नागरिक ने आवेदन वापस ले लिया; बताया गया कारण: "
						+ "\u201cApplied twice by mistake\u201d",
				"शुल्क वापसी देय रु 33.60 (भुगतान संदर्भ संख्या " + payment + "), क्योंकि नागरिक ने आवेदन वापस ले लिया; "
						+ "बताया गया कारण: \u201cApplied twice by mistake\u201d");
		assertThat(String.join("\n", hindiUndone)).doesNotContain("Application cancelled",
				"paid under reference " + payment);

		assertThat(onTheRecord(withdrawn, "mr", assistant)).contains(
				"शुल्क परतावा देय रु. 33.60 (पेमेंट संदर्भ क्रमांक " + payment + "), कारण नागरिकाने अर्ज मागे घेतला; "
						+ "दिलेले कारण: \u201cApplied twice by mistake\u201d");
		assertThat(onTheRecord(appealed, "en", assistant)).contains(
				"Appeal lodged First appeal; grounds of appeal: \u201cThe salary slips are of last year\u201d",
				"Appeal lodged Second appeal; grounds of appeal: \u201cThe first appeal ignored my Form 16\u201d");
		assertThat(onTheRecord(withdrawn, "en", assistant)).contains(
				"Certificate revoked No. " + certificate + ", as the citizen withdrew the application; reason given: "
						+ "\u201cApplied twice by mistake\u201d",
				"Fee refund due Rs 33.60, paid under reference " + payment + ", as the citizen withdrew the application; "
						+ "reason given: \u201cApplied twice by mistake\u201d");
	}

	/** A withdrawal without a reason: the refund says why in words, and quotes no English of ours as the citizen's. */
	@Test
	void aRefundForAWithdrawalWithoutAReasonQuotesNone() throws Exception {
		Application app = paid("INCOME-CERT");
		driver.applications().withdraw(app.applicationNo(), " ");

		assertThat(onTheRecord(app, "hi", officer("assistant"))).contains("शुल्क वापसी देय रु 33.60 (भुगतान संदर्भ संख्या PAY-"
				+ app.applicationNo() + "), क्योंकि नागरिक ने आवेदन वापस ले लिया");
		assertThat(String.join("\n", onTheRecord(app, "en", officer("assistant")))).contains("Fee refund due Rs 33.60")
			.doesNotContain("reason given", "Withdrawn by the citizen");
	}

	/**
	 * The nightly deletion of a closed application's documents, past its service's retention, read in the page's
	 * language: how many, each type by its name, the retention period and the day it closed in words, no SHA-256.
	 */
	@Test
	void theDocumentsDeletedAfterTheRetentionPeriodReadInThePagesLanguage() throws Exception {
		Application app = paid("INCOME-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		driver.runAsyncSteps(app);
		driver.runAsyncSteps(app);
		assertThat(driver.instance(app).isEnded()).as("the process has ended").isTrue();
		Instant closed = EngineClock.now();
		driver.advanceClock(app, Duration.ofDays(370));
		RetentionRuns.run(context);
		Cookie assistant = officer("assistant");

		List<String> bengali = onTheRecord(app, "bn", assistant);
		assertThat(bengali).contains("নথি মুছে ফেলা হয়েছে 2টি নথি (ঠিকানার প্রমাণ (রেশন কার্ড, বিদ্যুতের বিল বা ভোটার পরিচয়পত্র), "
				+ "আয়ের প্রমাণ (বেতনের স্লিপ, আয়কর রিটার্ন বা স্ব-ঘোষণা)), এই পরিষেবার নথি রাখার মেয়াদ শেষে: আবেদন "
				+ words.date(closed, Languages.locale("bn")) + " তারিখে বন্ধ হওয়ার 1 বছর পরে");
		assertThat(String.join("\n", bengali)).doesNotContain("SHA-256", "document(s) deleted", "P1Y");
		List<String> hindi = onTheRecord(app, "hi", assistant);
		assertThat(hindi).contains("दस्तावेज़ हटाए गए 2 दस्तावेज़ (पते का प्रमाण (राशन कार्ड, बिजली बिल या मतदाता पहचान पत्र), "
				+ "आय का प्रमाण (वेतन पर्ची, आयकर रिटर्न या स्व-घोषणा)), इस सेवा के दस्तावेज़ रखने की अवधि पूरी होने पर: आवेदन "
				+ words.date(closed, Languages.locale("hi")) + " को बंद होने के 1 वर्ष बाद");
		assertThat(String.join("\n", hindi)).doesNotContain("SHA-256", "document(s) deleted", "P1Y");
		assertThat(onTheRecord(app, "en", assistant)).contains("Documents deleted 2 documents (Proof of address (ration "
				+ "card, electricity bill or voter ID), Proof of income (salary slip, income tax return or self-declaration)), "
				+ "at the end of this service\u2019s retention period: 1 year after the application closed on "
				+ words.date(closed, Languages.locale("en")));
	}

	/** An income certificate application, submitted with its documents and its fee paid: at verification. */
	private Application paid(String service) {
		Application app = driver.startAndSubmit(service);
		driver.applications().confirmFeePaid(app.applicationNo(), "PAY-" + app.applicationNo(), new BigDecimal("33.60"));
		return driver.reload(app);
	}

	private String certificateNo(Application app) {
		return jdbc.sql("SELECT certificate_no FROM certificate WHERE application_id = :id")
			.param("id", app.id())
			.query(String.class)
			.single();
	}

	/** Each line of "On the record" after its time: the event's kind in words, then what it says. */
	private List<String> onTheRecord(Application app, String language, Cookie officer) throws Exception {
		String html = mvc.perform(get("/officer/applications/" + app.applicationNo()).param("lang", language)
				.cookie(officer)).andReturn().getResponse().getContentAsString();
		// The list that follows its heading (the page's only one), as the page has always laid it out.
		return Jsoup.parse(html).select("h2 + ul li").stream()
			.map(line -> line.select("strong").text() + " " + line.select("span").text())
			.toList();
	}

	/** The session cookie of a browser signed in to Tasklist through its real login form. */
	private Cookie officer(String user) throws Exception {
		TasklistSession tasklist = new TasklistSession("http://127.0.0.1:" + port);
		tasklist.signIn(user, user);
		return new Cookie("SEVAHUB_SESSION", tasklist.sessionCookie());
	}

}
