package org.sevahub.desk;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.language.Languages;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's brief is one JSON variable on the task (what the forms read as {@code brief.*}), and a task opened
 * before that, with the brief in seven variables, gets the one on the next start.
 */
class TaskBriefsTest extends ProcessTestSupport {

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	BriefUpgrade upgrade;

	@Autowired
	MessageSource messages;

	@Test
	void aTaskCarriesTheWholeBriefInOneVariable() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String task = driver.task(app, "Task_VerifyApplication").getId();

		Map<String, Object> locals = tasks.getVariablesLocal(task);
		assertThat(locals.keySet()).filteredOn(name -> name.startsWith("brief")).containsExactly("brief");
		SpinJsonNode brief = (SpinJsonNode) locals.get("brief");
		// In English and the installation's state language (the tests': Hindi), as the form around it.
		assertThat(brief.prop("origin").stringValue()).isEqualTo("SevaHub's own form (direct) / "
				+ messages.getMessage("desk.brief.origin.direct", null, Languages.locale("hi")));
		assertThat(brief.prop("due").stringValue()).contains("days left when this task opened");
		assertThat(brief.prop("applicant").elements()).isNotEmpty();
		assertThat(brief.prop("service").toString()).contains("Place of birth");
		assertThat(brief.prop("history").toString()).contains("Submitted");
		assertThat(brief.prop("matches").isArray()).isTrue();
		assertThat(locals).as("the process already names the service and applicant").doesNotContainKeys("serviceName",
				"applicantName");
		// Named in English and the state language on the card and the form, as the task itself is.
		assertThat(tasks.getVariable(task, "serviceName")).isEqualTo("Birth Certificate / जन्म प्रमाणपत्र");
		assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(task).variableNameLike("brief%").count())
			.as("a view of SevaHub's own records, kept out of history (LeanHistory)").isZero();
	}

	@Test
	void anApplicationStartedWithTheEnglishNameAloneGetsBothOnItsNextTask() {
		Application app = driver.start("BIRTH-CERT");
		// As an application started before its service was named in two languages carries it.
		runtime.setVariable(driver.instance(app).getId(), "serviceName", "Birth Certificate");
		driver.applications().submit(app.applicationNo(), Map.of());

		String task = driver.task(app, "Task_VerifyApplication").getId();

		assertThat(tasks.getVariableLocal(task, "serviceName")).isEqualTo("Birth Certificate / जन्म प्रमाणपत्र");
		assertThat(runtime.getVariable(driver.instance(app).getId(), "serviceName")).isEqualTo("Birth Certificate");
	}

	@Test
	void aTaskOpenedBeforeTheUpgradeGetsItsSevenVariablesAsOne() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		String task = driver.task(app, "Task_VerifyApplication").getId();
		tasks.removeVariableLocal(task, "brief");
		tasks.setVariablesLocal(task, Map.of("briefOrigin", "Bangla Sahayata Kendra, its reference BSK-1", "briefOffice",
				"Kolkata District Office (WB-KOL)", "briefDue", "05-01-2027 (21 days left when this task opened)",
				"briefApplicant", SpinValues.jsonValue("[{\"label\": \"Name\", \"value\": \"সুনীতা\"}]").create(),
				"briefService", SpinValues.jsonValue("[]").create(), "briefHistory",
				SpinValues.jsonValue("[{\"status\": \"Submitted\"}]").create(), "briefMatches",
				SpinValues.jsonValue("[]").create()));

		assertThat(upgrade.convert()).isEqualTo(1);

		Map<String, Object> locals = tasks.getVariablesLocal(task);
		assertThat(locals.keySet()).filteredOn(name -> name.startsWith("brief")).containsExactly("brief");
		SpinJsonNode brief = (SpinJsonNode) locals.get("brief");
		assertThat(brief.prop("origin").stringValue()).isEqualTo("Bangla Sahayata Kendra, its reference BSK-1");
		assertThat(brief.prop("due").stringValue()).isEqualTo("05-01-2027 (21 days left when this task opened)");
		assertThat(brief.prop("applicant").elements().get(0).prop("value").stringValue()).isEqualTo("সুনীতা");
		assertThat(brief.prop("history").elements().get(0).prop("status").stringValue()).isEqualTo("Submitted");
		assertThat(upgrade.convert()).as("nothing left to convert").isZero();
	}

}
