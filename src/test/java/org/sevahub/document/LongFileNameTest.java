package org.sevahub.document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.testsupport.TestClamd;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file named in an Indic script takes three bytes a letter, all in the part's headers, which Tomcat limits
 * ({@code server.tomcat.max-part-header-size}, 512 bytes unless set): a 110-byte photograph named with 150 Bengali
 * letters was refused as "too large". Over real HTTP, as only the servlet container parses the parts.
 */
@SevaHubTest
class LongFileNameTest {

	/** 150 Bengali letters: 450 bytes of UTF-8. */
	private static final String BENGALI_NAME = "আমারছবি".repeat(22).substring(0, 150);

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String mobile = "6" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));

	@BeforeAll
	static void clamd() {
		TestClamd.requireRunning();
	}

	@Test
	void aPhotographWithALongBengaliNameIsKeptUnderThatName() throws Exception {
		String no = draft();
		HttpResponse<String> kept = upload("/api/v1/applications/" + no + "/documents/photo", BENGALI_NAME + ".png",
				"Authorization", CitizenLogin.bearer(environment, mobile));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
		// The name a person recognises, cut at 100 letters (DocumentChecks.fileName).
		assertThat(json.readTree(kept.body()).path("document").path("fileName").asText())
			.isEqualTo(BENGALI_NAME.substring(0, 100) + ".png");
	}

	@Test
	void aNameLongerThanAnyPartHeaderIsRefusedAsATooLongNameNotATooLargeFile() throws Exception {
		String no = draft();
		long documents = documents();
		String name = "ক".repeat(2000) + ".png";
		HttpResponse<String> api = upload("/api/v1/applications/" + no + "/documents/photo", name, "Authorization",
				CitizenLogin.bearer(environment, mobile));
		assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
		JsonNode refusal = json.readTree(api.body());
		assertThat(refusal.path("error").asText()).isEqualTo("refused");
		assertThat(refusal.path("message").asText()).isEqualTo(
				"Passport-size photograph: the name of the file is too long. Give the file a shorter name and send it again.");
		// The form's upload panel, in the reader's language, with the page's CSRF token.
		HttpResponse<String> page = upload("/applications/" + no + "/documents/photo", name, "Cookie",
				CitizenLogin.COOKIE + "=" + CitizenLogin.token(environment, mobile)
						+ "; XSRF-TOKEN=t0k3n; sevahub-lang=bn",
				"X-XSRF-TOKEN", "t0k3n", "Accept", "application/json");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
		assertThat(json.readTree(page.body()).path("message").asText()).endsWith(
				": ফাইলের নাম খুব লম্বা। ফাইলটিকে একটি ছোট নাম দিয়ে আবার পাঠান।");
		assertThat(documents()).isEqualTo(documents);
	}

	@Test
	void aFormSentWithoutItsScriptSaysSoInTheReadersLanguage() throws Exception {
		String boundary = "b" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
		byte[] file = TestDocuments.multipart(boundary, "document.photo", "ক".repeat(2000) + ".png", "image/png",
				TestDocuments.png(8, 8));
		String csrf = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nt0k3n\r\n";
		long applications = jdbc.sql("SELECT count(*) FROM application").query(Long.class).single();
		HttpResponse<String> page = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/apply/INCOME-CERT"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "XSRF-TOKEN=t0k3n; sevahub-lang=bn")
			.POST(HttpRequest.BodyPublishers.ofByteArray(concat(csrf.getBytes(StandardCharsets.UTF_8), file)))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
		assertThat(page.body()).contains("ফাইলের নাম খুব লম্বা");
		assertThat(jdbc.sql("SELECT count(*) FROM application").query(Long.class).single()).isEqualTo(applications);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private HttpResponse<String> upload(String path, String fileName, String... headers) throws Exception {
		String boundary = "b" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(
					TestDocuments.multipart(boundary, "file", fileName, "image/png", TestDocuments.png(8, 8))));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String draft() throws Exception {
		HttpResponse<String> created = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/applications"))
			.header("Content-Type", "application/json")
			.header("Authorization", CitizenLogin.bearer(environment, mobile))
			.POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"INCOME-CERT\",\"applicant\":{},\"data\":{}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).path("applicationNo").asText();
	}

	private long documents() {
		return jdbc.sql("SELECT count(*) FROM application_document").query(Long.class).single();
	}

}
