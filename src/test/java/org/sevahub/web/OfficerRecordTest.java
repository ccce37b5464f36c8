package org.sevahub.web;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.NoRegistry;
import org.sevahub.application.RegistryRecord;
import org.sevahub.application.RegistryRecord.Detail;
import org.sevahub.application.RegistryReply;
import org.sevahub.platform.TasklistSession;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The officer's page lists what is on the application's record in the reader's language: each event's kind in
 * words, what the registry said in words from the facts kept beside the English detail (its own reason for refusing
 * quoted, never a transaction id), and an event without facts by its detail as recorded.
 */
@SevaHubTest
class OfficerRecordTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationEvents events;

	@LocalServerPort
	int port;

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
