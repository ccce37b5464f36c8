package org.sevahub.application;

import java.sql.Date;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.LookupPlans;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer's duplicate review finds the same person's other applications, by Aadhaar or, where none was given, by
 * name and date of birth; and it goes there by index, never by a scan of every application.
 */
@SevaHubTest
class ApplicantLookupPlansTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationService applications;

	@Autowired
	ApplicationRepository repository;

	@Test
	void theSamePersonIsFoundByAadhaarOrElseByNameAndBirthDate() {
		Map<String, String> pension = ProcessDriver.validForm("OLD-AGE-PENSION");
		Application first = applications.create(NewApplication.direct("OLD-AGE-PENSION", pension));
		Application again = applications.create(NewApplication.direct("OLD-AGE-PENSION", pension));
		assertThat(repository.sameApplicant(again, applications.applicantOf(again))).extracting(Application::id)
			.containsExactly(first.id());

		Map<String, String> withoutAadhaar = new HashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		withoutAadhaar.remove("applicant.aadhaar");
		Application earlier = applications.create(NewApplication.direct("OLD-AGE-PENSION", withoutAadhaar));
		Map<String, String> bornLater = new HashMap<>(withoutAadhaar);
		bornLater.put("applicant.dateOfBirth", "1950-01-02");
		applications.create(NewApplication.direct("OLD-AGE-PENSION", bornLater));
		Application later = applications.create(NewApplication.direct("OLD-AGE-PENSION", withoutAadhaar));
		assertThat(repository.sameApplicant(later, applications.applicantOf(later))).extracting(Application::id)
			.containsExactly(earlier.id());
	}

	@Test
	void theSamePersonsApplicationsAreFoundByIndex() throws Exception {
		String byAadhaar = LookupPlans.explain(dataSource, ApplicationRepository.SAME_AADHAAR,
				Map.of("hash", "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "service", "BIRTH-CERT", "id", 1L));
		String byNameAndBirth = LookupPlans.explain(dataSource, ApplicationRepository.SAME_NAME_AND_BIRTH,
				Map.of("name", "Planted 77", "dob", Date.valueOf("1980-03-18"), "service", "BIRTH-CERT", "id", 1L));
		String everyApplication = LookupPlans.explain(dataSource, ApplicationRepository.BY_AADHAAR,
				Map.of("hash", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
		for (String plan : new String[] { byAadhaar, byNameAndBirth, everyApplication }) {
			assertThat(plan).as(plan).doesNotContain("Seq Scan on application").doesNotContain("Seq Scan on applicant");
		}
	}

}
