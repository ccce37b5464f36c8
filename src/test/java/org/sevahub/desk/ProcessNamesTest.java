package org.sevahub.desk;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process's name, which Tasklist prints under every task and over every form, is the BPMN's English name and the
 * process's text in the state language (the test profile's is Hindi), as the engine stores and caches it; an
 * installation in English alone keeps the BPMN's name.
 */
class ProcessNamesTest extends ProcessTestSupport {

	private static final String VERIFICATION = "Shared block: verification, with clarification from the citizen";

	@Autowired
	Languages languages;

	@Autowired
	Words words;

	@Autowired
	RepositoryService repository;

	@Test
	void aDeployedProcessIsNamedInEnglishAndTheStateLanguage() {
		String bilingual = VERIFICATION + " / साझा खंड: सत्यापन, नागरिक से स्पष्टीकरण सहित";
		// What Tasklist's task list reads: the definitions' rows.
		ProcessDefinition stored = repository.createProcessDefinitionQuery()
			.processDefinitionKey("verification")
			.latestVersion()
			.singleResult();
		assertThat(stored.getName()).isEqualTo(bilingual);
		// What a task's process reads from the engine's cache.
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String definitionId = driver.task(app, "Task_VerifyApplication").getProcessDefinitionId();
		assertThat(repository.getProcessDefinition(definitionId).getName()).isEqualTo(bilingual);
		assertThat(repository.createProcessDefinitionQuery()
			.processDefinitionKey("certificate-issuance")
			.latestVersion()
			.singleResult()
			.getName()).isEqualTo("Certificate issuance / प्रमाणपत्र जारी करना");
	}

	@Test
	void theStateLanguageIsTheInstallationsAndEnglishAloneKeepsTheBpmnsName() {
		assertThat(in("en,bn", null).name("verification", VERIFICATION))
			.isEqualTo(VERIFICATION + " / সাধারণ অংশ: যাচাই, নাগরিকের কাছ থেকে স্পষ্টীকরণসহ");
		assertThat(in("en,hi,bn,mr", "mr").name("welfare-scheme", "Welfare scheme (DBT)"))
			.isEqualTo("Welfare scheme (DBT) / कल्याण योजना (डीबीटी)");
		assertThat(in("en", null).name("verification", VERIFICATION)).isEqualTo(VERIFICATION);
		assertThat(in("en,hi,bn,mr", "en").name("verification", VERIFICATION)).isEqualTo(VERIFICATION);
	}

	@Test
	void withoutATextTheBpmnsNameWithoutANameNoneAndANameTooLongForItsColumnTheBpmnsAlone() {
		ProcessNames hindi = in("en,hi", "hi");
		// A process an analyst added in the Modeler, not yet translated.
		assertThat(hindi.name("stamp-duty", "Stamp duty")).isEqualTo("Stamp duty");
		assertThat(hindi.name("verification", null)).isNull();
		String long250 = "Shared block: " + "v".repeat(236);
		assertThat(hindi.name("verification", long250)).isEqualTo(long250);
	}

	private ProcessNames in(String served, String state) {
		return new ProcessNames(new Languages(served, state), words);
	}

}
