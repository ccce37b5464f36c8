package org.sevahub.desk;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's name in Tasklist's list and header is the BPMN's English name and the element's text in the state
 * language (the test profile's is Hindi: {@code sevahub.languages} en,hi,bn,mr), for a task of the application's
 * own process and of a called block; the history of the application keeps the BPMN's own name.
 */
class TaskNamesTest extends ProcessTestSupport {

	@Autowired
	Languages languages;

	@Autowired
	Words words;

	@Autowired
	HistoryService history;

	@Test
	void theTestProfilesStateLanguageIsHindi() {
		assertThat(languages.stateLanguage()).isEqualTo("hi");
	}

	@Test
	void aTaskIsNamedInEnglishAndTheStateLanguage() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		// A shared block's task: verification, called by certificate-issuance.
		assertThat(driver.task(app, "Task_VerifyApplication").getName())
			.isEqualTo("Verify application / आवेदन का सत्यापन");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		// The application's own process's task.
		String decide = driver.task(app, "Task_Decide").getId();
		assertThat(driver.task(app, "Task_Decide").getName()).isEqualTo("Decide application / आवेदन पर निर्णय");
		// Camunda's history of the task (Tasklist's and Cockpit's) carries the same name.
		assertThat(history.createHistoricTaskInstanceQuery().taskId(decide).singleResult().getName())
			.isEqualTo("Decide application / आवेदन पर निर्णय");
		// The application's stage-wise history names the BPMN element as the Modeler named it.
		assertThat(driver.history(app)).anySatisfy(entry -> assertThat(entry.stage()).isEqualTo("Verify application"))
			.allSatisfy(entry -> assertThat(entry.stage() == null ? "" : entry.stage()).doesNotContain(" / "));
	}

	@Test
	void anAppealsTaskIsNamedInBothToo() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "reject", "Not registered in this district");
		applications.fileAppeal(app.applicationNo(), "Registered here");
		assertThat(driver.task(app, "Task_HearFirstAppeal").getName())
			.isEqualTo("Hear first appeal / प्रथम अपील की सुनवाई");
	}

	@Test
	void theEnglishNameAloneWhereTheStateLanguageIsEnglish() {
		assertThat(in("en,hi,bn,mr", "en").name("verification", "Task_VerifyApplication", "Verify application"))
			.isEqualTo("Verify application");
		// An installation serving English alone: no state language set, none besides English.
		assertThat(in("en", null).name("certificate-issuance", "Task_Decide", "Decide application"))
			.isEqualTo("Decide application");
	}

	@Test
	void theStateLanguageIsTheInstallations() {
		assertThat(in("en,bn", null).name("verification", "Task_VerifyApplication", "Verify application"))
			.isEqualTo("Verify application / আবেদন যাচাই");
		assertThat(in("en,hi,bn,mr", "mr").name("rts-appeal", "Task_HearFirstAppeal", "Hear first appeal"))
			.isEqualTo("Hear first appeal / प्रथम अपिलाची सुनावणी");
	}

	@Test
	void withoutATextTheBpmnsNameAndWithoutANameNone() {
		TaskNames hindi = in("en,hi", "hi");
		// An element an analyst added in the Modeler, not yet translated.
		assertThat(hindi.name("verification", "Task_Added", "Check the seal")).isEqualTo("Check the seal");
		assertThat(hindi.name("verification", "Task_VerifyApplication", null)).isNull();
		assertThat(hindi.name(null, "Task_VerifyApplication", "Verify application")).isEqualTo("Verify application");
	}

	private TaskNames in(String served, String state) {
		return new TaskNames(new Languages(served, state), words);
	}

}
