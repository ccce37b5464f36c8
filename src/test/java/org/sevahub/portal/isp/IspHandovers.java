package org.sevahub.portal.isp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.testsupport.TestDocuments;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Citizens handed over by the sandbox ISP, and what ISP received for them, for the ISP tests: the hand-over
 * through {@code /isp/landing}, a birth certificate form submitted as the citizen, and the status pushes ISP
 * accepted, decrypted, in order.
 */
final class IspHandovers {

	record Handover(String sessionkey, String requestId, String applicantId, String applicationNo, Cookie access) {
	}

	private final MockMvc mvc;

	private final TestRestTemplate http;

	private final TestDocuments documents;

	private final ObjectMapper json = new ObjectMapper();

	IspHandovers(MockMvc mvc, TestRestTemplate http, TestDocuments documents) {
		this.mvc = mvc;
		this.http = http;
		this.documents = documents;
	}

	Handover land(String ispServiceCode, Map<String, Object> profile) throws Exception {
		Map<String, Object> request = profile == null ? Map.of("serviceCode", ispServiceCode)
				: Map.of("serviceCode", ispServiceCode, "profile", profile);
		Map<?, ?> session = http.postForObject("/sandbox/records/isp/sessions", json(request), Map.class);
		MockHttpServletResponse landed = mvc.perform(get((String) session.get("landing"))).andReturn().getResponse();
		assertThat(landed.getStatus()).as(landed.getContentAsString()).isEqualTo(303);
		String no = landed.getRedirectedUrl().replaceAll("^/applications/([^/]+)/form$", "$1");
		return new Handover((String) session.get("sessionkey"), (String) session.get("requestId"),
				(String) session.get("applicantId"), no, landed.getCookie("sevahub_app_" + no));
	}

	void submitBirth(Handover handover) throws Exception {
		documents.attachNeeded(handover.applicationNo());
		MockHttpServletResponse response = mvc.perform(post("/applications/" + handover.applicationNo() + "/form")
			.with(csrf())
			.cookie(handover.access())
			.param("childName", "Anya Verma")
			.param("childGender", "F")
			.param("childDateOfBirth", "2026-10-02")
			.param("placeOfBirth", "KGMU, Lucknow")
			.param("fatherName", "Ramesh Kumar Verma")
			.param("motherName", "Sita Verma")
			.param("relation", "parent")
			.param("action", "submit")).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).endsWith("/acknowledgement");
	}

	/** Every call ISP received about a request, with its outcome. */
	List<Map<String, Object>> calls(String requestId) {
		return http.exchange("/sandbox/records/isp/calls?requestId=" + requestId, HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
			.getBody();
	}

	/** The status pushes ISP accepted for a request, decrypted, in order. */
	List<JsonNode> pushes(String requestId) throws Exception {
		List<JsonNode> pushes = new ArrayList<>();
		for (Map<String, Object> call : calls(requestId)) {
			if (call.get("status_code") != null && "SUCCESSFUL".equals(call.get("outcome"))) {
				pushes.add(json.readTree((String) call.get("body")));
			}
		}
		return pushes;
	}

	/** The status codes ISP accepted for a request, in order. */
	List<String> codes(String requestId) throws Exception {
		return pushes(requestId).stream().map(p -> p.get("status_code").asText()).toList();
	}

	/** Each code is one ISP's order rules (Annexure A) take after the ones before it. */
	static void assertKeepsTheOrderRules(List<String> codes) {
		for (int i = 0; i < codes.size(); i++) {
			assertThat(IspOrderRules.refusal(codes.subList(0, i), codes.get(i))).as("%s after %s", codes.get(i),
					codes.subList(0, i)).isNull();
		}
	}

	static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
