package org.sevahub.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The welfare scheme's facts and sanction. {@code ${welfare.loadFacts(execution)}} gives the eligibility
 * decision table its inputs (age, annual income, category) from the application;
 * {@code ${welfare.recordSanction(execution)}} keeps the DBT amount the table sanctioned.
 */
@Component("welfare")
@ProcessApi
public class WelfareSanction {

	public static final String ELIGIBILITY = "eligibility";

	private final ApplicationRepository applications;

	private final ZoneId zone;

	WelfareSanction(ApplicationRepository applications, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.applications = applications;
		this.zone = zone;
	}

	public void loadFacts(DelegateExecution execution) {
		Application app = applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
		Applicant applicant = applications.applicantOf(app);
		LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
		int age = applicant.dateOfBirth() == null ? 0 : Period.between(applicant.dateOfBirth(), today).getYears();
		execution.setVariable("age", age);
		execution.setVariable("annualIncome", Double.parseDouble(app.formData().getOrDefault("annualIncome", "0")));
		execution.setVariable("category", applicant.category() == null ? "GEN" : applicant.category());
	}

	public void recordSanction(DelegateExecution execution) {
		Application app = applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
		Object result = execution.getVariable(ELIGIBILITY);
		Object amount = result instanceof Map<?, ?> map ? map.get("monthlyAmount") : null;
		if (amount == null) {
			throw new IllegalStateException("No sanctioned amount from the eligibility table for " + app.applicationNo());
		}
		applications.setSanctionedAmount(app.id(), new BigDecimal(amount.toString()));
	}

}
