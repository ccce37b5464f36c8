package org.sevahub.citizen;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sevahub.application.CitizenAccess;
import org.sevahub.testsupport.LookupPlans;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** "My applications" finds a number's applications by index, not by reading every application. */
@SevaHubTest
class MyApplicationsPlanTest {

	@Autowired
	DataSource dataSource;

	@Test
	void aNumbersApplicationsAreFoundByIndex() throws Exception {
		String plan = LookupPlans.explain(dataSource, MyApplications.SQL,
				Map.of("mobiles", CitizenAccess.spellings("7000000077")));
		assertThat(plan).as(plan).doesNotContain("Seq Scan on application").doesNotContain("Seq Scan on applicant");
	}

}
