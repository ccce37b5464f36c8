package org.sevahub.delivery.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.CitizenAccess;
import org.sevahub.application.SevaHubCryptoProperties;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Drives birth-certificate applications through their whole lifecycle over HTTP, the way portals and officers
 * do: the application API to create, send the birth report and submit, the engine's REST API (HTTP Basic) for
 * the dealing assistant's and the officer's decisions. The rest (issue, deliver) the nodes' job executors do themselves.
 */
public final class LifecycleDriver implements AutoCloseable {

	/** What each application's MIS must hear, in this order. */
	public static final List<String> LIFECYCLE = List.of("INITIATED", "SUBMITTED", "UNDER_VERIFICATION", "FORWARDED",
			"APPROVED", "CERTIFICATE_ISSUED", "DELIVERED");

	/** The default profile's grants, signed with application.yml's made-up {@code sevahub.crypto.link-key}. */
	private static final CitizenAccess GRANTS = grants();

	/** The made-up session key of SevaHub's default profile: {@code ${SEVAHUB_CITIZEN_JWT_KEY:…}} in application.yml. */
	/** The key SevaHub's default profile signs citizens' session tokens with (made up, in application.yml). */
	public static final String CITIZEN_KEY = defaultOf("sevahub.citizen.jwt-key");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final ExecutorService threads = Executors.newFixedThreadPool(6);

	/** Creates and submits {@code count} applications, spreading them over the nodes; returns their numbers. */
	List<String> createAndSubmit(List<SevaHubProcess> nodes, int count) throws Exception {
		List<Callable<String>> work = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			SevaHubProcess node = nodes.get(i % nodes.size());
			int n = i;
			work.add(() -> {
				JsonNode created = send(node, "POST", "/api/v1/applications", """
						{"serviceCode": "BIRTH-CERT",
						 "applicant": {"nameEn": "Citizen %s", "nameLocal": "নাগরিক %d", "mobile": "9830000000",
						               "address": "Ward %d", "district": "Kolkata", "pincode": "700001"},
						 "data": {"childName": "Child %d", "childGender": "F", "childDateOfBirth": "2026-10-01",
						          "placeOfBirth": "SSKM Hospital", "fatherName": "F", "motherName": "M",
						          "relation": "parent"}}""".formatted(letters(n), n, n, n), null, 201);
				String no = created.get("applicationNo").asText();
				sendBirthReport(node, no);
				send(node, "POST", "/api/v1/applications/" + no + "/submit", "{}", null, 200);
				return no;
			});
		}
		List<String> numbers = new ArrayList<>();
		for (Future<String> f : threads.invokeAll(work)) {
			numbers.add(f.get());
		}
		return numbers;
	}

	/** Completes every open task with this BPMN id as {@code user}, spreading the calls over the nodes. */
	int completeAll(List<SevaHubProcess> nodes, String user, String taskKey, String decision) throws Exception {
		int completed = 0;
		while (true) {
			JsonNode tasks = send(nodes.get(0), "GET", "/engine-rest/task?taskDefinitionKey=" + taskKey
					+ "&maxResults=200", null, user, 200);
			if (tasks.isEmpty()) {
				return completed;
			}
			List<Callable<Object>> work = new ArrayList<>();
			int i = 0;
			for (JsonNode task : tasks) {
				SevaHubProcess node = nodes.get(i++ % nodes.size());
				String id = task.get("id").asText();
				work.add(() -> send(node, "POST", "/engine-rest/task/" + id + "/complete",
						"{\"variables\": {\"decision\": {\"value\": \"" + decision + "\"}}}", user, 204));
			}
			for (Future<Object> f : threads.invokeAll(work)) {
				f.get();
			}
			completed += tasks.size();
		}
	}

	private JsonNode send(SevaHubProcess node, String method, String path, String body, String user, int expected)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			// The citizen of these applications, signed in (docs/security.md).
			request.header("Authorization", "Bearer " + CitizenLogin.token(CITIZEN_KEY, "9830000000"));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " on " + node.name + ": " + response.statusCode()
					+ " " + response.body());
		}
		return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
	}

	/**
	 * The hospital's birth report the service needs, sent through the API as the citizen who created the
	 * application: the grant cookie is the one SevaHub's default profile signs with its made-up link key.
	 */
	private void sendBirthReport(SevaHubProcess node, String no) throws Exception {
		String boundary = "----lifecycle" + no;
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(node.baseUrl() + "/api/v1/applications/" + no + "/documents/birth-report"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "sevahub_app_" + no + "=" + GRANTS.sign("application", no))
			.POST(HttpRequest.BodyPublishers.ofByteArray(TestDocuments.multipart(boundary, "file", "birth-report.pdf",
					"application/pdf", TestDocuments.pdf("Birth report " + no))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("The birth report of " + no + " on " + node.name + ": "
					+ response.statusCode() + " " + response.body());
		}
	}

	private static String defaultOf(String property) {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		String value = yaml.getObject().getProperty(property);
		return value.startsWith("${") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value;
	}

	private static CitizenAccess grants() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return new CitizenAccess(new SevaHubCryptoProperties(null, yaml.getObject().getProperty("sevahub.crypto.link-key")), null, false);
	}

	/** 0 is "a", 27 is "bb": English names carry no digits. */
	public static String letters(int n) {
		StringBuilder name = new StringBuilder();
		do {
			name.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return name.toString();
	}

	@Override
	public void close() {
		threads.shutdownNow();
	}

}
