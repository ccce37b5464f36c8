package org.sevahub.portal.isp;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sevahub.application.AadhaarVault;
import org.sevahub.application.Applicant;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.form.ApplicantFields;
import org.sevahub.portal.isp.IspHandovers.Handover;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * ISP's {@code aadhar_reference_no} is meant to be a reference to ISP's Aadhaar vault; when it carries the
 * number itself, SevaHub protects it as it does any Aadhaar, and the database never holds it in clear.
 */
@SevaHubTest
class IspAadhaarTest {

	/** Passes the Verhoeff check: a real-looking Aadhaar number. */
	static final String AADHAAR = "358291746033";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ApplicationService applications;

	@Autowired
	AadhaarVault vault;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAadhaarNumberSentAsTheReferenceIsVaultedNotStoredAndTheApplicationGoesThrough() throws Exception {
		Handover handover = isp().land("BRC01", Map.of("aadhar_reference_no", AADHAAR, "mobile", "9876500006"));

		String form = page(handover, "/form");
		assertThat(form).contains("value=\"XXXX XXXX 6033\"").doesNotContain(ApplicantFields.VERIFIED_BY_PORTAL, AADHAAR);
		assertThat(applicantRow(handover)).noneSatisfy((column, value) -> assertThat(String.valueOf(value))
			.as(column)
			.contains(AADHAAR));
		Applicant applicant = applications.applicantOf(applications.get(handover.applicationNo()));
		assertThat(applicant.aadhaarRef()).isNull();
		assertThat(applicant.aadhaarMasked()).isEqualTo("XXXX XXXX 6033");
		assertThat(applicant.aadhaarHash()).isEqualTo(vault.hash(AADHAAR));
		assertThat(vault.reveal(applicant.aadhaarCipher())).isEqualTo(AADHAAR);

		isp().submitBirth(handover);
		assertThat(applicantRow(handover)).noneSatisfy((column, value) -> assertThat(String.valueOf(value))
			.as(column)
			.contains(AADHAAR));
	}

	@Test
	void aVaultReferenceIsKeptAsTheReferenceAndShownAsVerifiedByThePortal() throws Exception {
		Handover handover = isp().land("BRC01", null);

		assertThat(page(handover, "/form")).contains(ApplicantFields.VERIFIED_BY_PORTAL);
		Applicant applicant = applications.applicantOf(applications.get(handover.applicationNo()));
		assertThat(applicant.aadhaarRef()).isEqualTo("ISPVAULT00000000000042");
		assertThat(applicant.aadhaarCipher()).isNull();
		isp().submitBirth(handover);
	}

	private IspHandovers isp() {
		return new IspHandovers(mvc, http, driver.documents());
	}

	private Map<String, Object> applicantRow(Handover handover) {
		return jdbc.sql("SELECT p.* FROM applicant p JOIN application a ON a.applicant_id = p.id "
				+ "WHERE a.application_no = :no")
			.param("no", handover.applicationNo())
			.query()
			.singleRow();
	}

	private String page(Handover handover, String path) throws Exception {
		return mvc.perform(get("/applications/" + handover.applicationNo() + path).cookie(handover.access()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
