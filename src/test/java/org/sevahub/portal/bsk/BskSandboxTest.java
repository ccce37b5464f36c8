package org.sevahub.portal.bsk;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The sandbox BSK: its operator page hands a citizen over through API-1, and it checks what it is sent as BSK would. */
@SevaHubTest
class BskSandboxTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void theOperatorPageInitiatesAndSendsTheCitizenToTheDepartmentsForm() throws Exception {
		String page = mvc.perform(get("/sandbox/bsk/")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("bsk-apply-AMD001", "bsk-apply-AMD002", "জন্ম শংসাপত্র");
		MockHttpServletResponse applied = mvc.perform(post("/sandbox/bsk/apply").param("serviceCode", "AMD001")
			.param("name", "Sunita Banerjee")
			.param("mobile", "9876543210")
			.param("gender", "female")).andReturn().getResponse();
		assertThat(applied.getRedirectedUrl()).contains("/bsk/landing?h=");
		String landing = applied.getRedirectedUrl().replaceAll("^https?://[^/]+", "");
		assertThat(mvc.perform(get(landing)).andReturn().getResponse().getRedirectedUrl()).matches("/applications/.+/form");

		MockHttpServletResponse refused = mvc.perform(post("/sandbox/bsk/apply").param("serviceCode", "AMD001")
			.param("name", "Sunita Banerjee")
			.param("mobile", "12345")).andReturn().getResponse();
		assertThat(refused.getContentAsString()).contains("The department refused API-1",
				"mobile must be the citizen&#39;s 10-digit mobile number");
	}

	@Test
	void theSandboxRefusesAnApi2WithAWrongPasscodeOrABadTokenAndAnswersApi6OnlyWithTheAccessCode() throws Exception {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("userid", 9054233544L);
		fields.put("ticketNo", 20261125120000L);
		fields.put("appNo", "IC2026000001");
		fields.put("appSubTime", 20261125120500L);
		fields.put("applicationStatus", 2);
		String token = BskRefusalsTest.hs256(fields, BskRefusalsTest.SECRET);
		JsonNode wrongPasscode = postJson("/sandbox/bsk/api2", Map.of("passcode", "000000", "token", token));
		assertThat(wrongPasscode.get("responseStatus").asText()).isEqualTo("Failure");
		assertThat(wrongPasscode.get("statusCode").asInt()).isEqualTo(400);
		JsonNode badToken = postJson("/sandbox/bsk/api2", Map.of("passcode", BskRefusalsTest.PASSCODE, "token",
				BskRefusalsTest.hs256(fields, BskRefusalsTest.SECRET + "x")));
		assertThat(badToken.get("message").asText()).startsWith("Invalid token");
		fields.put("applicationStatus", 7);
		JsonNode badStatus = postJson("/sandbox/bsk/api2", Map.of("passcode", BskRefusalsTest.PASSCODE, "token",
				BskRefusalsTest.hs256(fields, BskRefusalsTest.SECRET)));
		assertThat(badStatus.get("message").asText()).isEqualTo("applicationStatus must be 2 or 3");

		Map<String, Object> api6 = Map.of("userId", 9054233544L, "deptCode", "AMD", "accessCode", 1111111);
		JsonNode wrongAccess = postJson("/sandbox/bsk/api6", Map.of("passcode", BskRefusalsTest.PASSCODE, "token",
				BskRefusalsTest.hs256(api6, BskRefusalsTest.SECRET)));
		assertThat(wrongAccess.get("statusCode").asInt()).isEqualTo(400);
		JsonNode deo = postJson("/sandbox/bsk/api6", Map.of("passcode", BskRefusalsTest.PASSCODE, "token",
				BskRefusalsTest.hs256(Map.of("userId", 9054233544L, "deptCode", "AMD", "accessCode", 7364443),
						BskRefusalsTest.SECRET)));
		assertThat(deo.get("userName").asText()).isEqualTo("Charan Das");
		assertThat(deo.get("userStatus").asInt()).isEqualTo(1);
		assertThat(deo.get("userType").asText()).isEqualTo("DEO");
	}

	private JsonNode postJson(String path, Object body) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
		return json.readTree(response.getBody());
	}

}
