package org.sevahub.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SevaHubTest
class ApplicationApiTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAnApplicationAndStartsItsProcess() {
		ResponseEntity<Map> created = post("/api/v1/applications", """
				{"serviceCode": "BIRTH-CERT",
				 "applicant": {"nameEn": "Sunita Banerjee", "nameLocal": "সুনীতা বন্দ্যোপাধ্যায়", "mobile": "9876543210"},
				 "data": {"childName": "Rahul"}}""");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).containsEntry("status", "INITIATED");
		assertThat((String) created.getBody().get("applicationNo")).matches("BC\\d{4}\\d{6}");
	}

	@Test
	void malformedJsonChangesNothing() {
		long before = count();
		ResponseEntity<Map> response = post("/api/v1/applications", "{\"serviceCode\": \"BIRTH-CERT\", ");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("error", "malformed");
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
	}

	private ResponseEntity<Map> post(String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
	}

}
