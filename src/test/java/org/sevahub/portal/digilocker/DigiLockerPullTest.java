package org.sevahub.portal.digilocker;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.certificate.Certificate;
import org.sevahub.certificate.CertificateRepository;
import org.sevahub.certificate.CertificateService;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** DigiLocker pulling certificates over HTTP: found only for their holder, refused in the spec's own words. */
@SevaHubTest
class DigiLockerPullTest {

	static final String ORG = "in.gov.sevahub.demo";

	static final String KEY = "sandbox-digilocker-api-key";

	@Autowired
	ApplicationService applications;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRepository repository;

	@Autowired
	TestRestTemplate http;

	@Test
	void pullUriFindsTheCertificateByNumberAndNameAndPullDocReturnsTheStoredBytes() throws Exception {
		Certificate c = issue("INCOME-CERT");
		byte[] request = pullUri("INCER", c.certificateNo(), "Sunita Banerjee", "12-04-1985", "pdf");
		DigiLockerSchemas.assertValid(request, false);
		Answer uri = post("/digilocker/pull-uri", request, KEY);
		assertThat(uri.httpStatus()).isEqualTo(200);
		assertThat(uri.status()).isEqualTo("1");
		DigiLockerSchemas.assertValid(uri.body(), false);
		assertThat(uri.detail("URI")).isEqualTo(ORG + "-INCER-" + c.certificateNo());
		assertThat(uri.detail("DocType")).isEqualTo("INCER");
		assertThat(uri.attribute("txn")).isEqualTo(txnOf(request));
		assertThat(Base64.getDecoder().decode(uri.detail("DocContent")))
			.isEqualTo(repository.pdf(c.certificateNo()).orElseThrow());
		assertThat(uri.detail("DataContent")).as("xml was not asked for").isNull();

		for (String format : new String[] { "pdf", "xml", "both" }) {
			byte[] docRequest = pullDoc(uri.detail("URI"), "Sunita Banerjee", "12-04-1985", format);
			DigiLockerSchemas.assertValid(docRequest, false);
			Answer doc = post("/digilocker/pull-doc", docRequest, KEY);
			assertThat(doc.status()).isEqualTo("1");
			DigiLockerSchemas.assertValid(doc.body(), false);
			assertThat(doc.detail("DocContent") != null).as(format + " has the PDF").isEqualTo(!format.equals("xml"));
			assertThat(doc.detail("DataContent") != null).as(format + " has the XML").isEqualTo(!format.equals("pdf"));
			if (doc.detail("DataContent") != null) {
				assertThat(new String(Base64.getDecoder().decode(doc.detail("DataContent")), StandardCharsets.UTF_8))
					.isEqualTo(repository.xml(c.certificateNo()).orElseThrow())
					.contains("सुनीता बनर्जी");
			}
		}
	}

	@Test
	void theHolderMayGiveTheNameInTheirOwnScriptAndInAnyCase() {
		Certificate c = issue("INCOME-CERT");
		assertThat(post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "सुनीता बनर्जी", "12-04-1985", "xml"),
				KEY).status()).isEqualTo("1");
		assertThat(post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "SUNITA  banerjee", "12-04-1985", "xml"),
				KEY).status()).isEqualTo("1");
	}

	@Test
	void aWrongNameOrDateOfBirthReturnsNothingAndLooksLikeAnUnknownNumber() {
		Certificate c = issue("INCOME-CERT");
		Answer wrongName = post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "Anita Banerjee", "12-04-1985", "both"), KEY);
		Answer wrongDob = post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "Sunita Banerjee", "13-04-1985", "both"), KEY);
		Answer noDob = post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "Sunita Banerjee", null, "both"), KEY);
		Answer unknown = post("/digilocker/pull-uri", pullUri("INCER", "IC-2026-999999", "Sunita Banerjee", "12-04-1985", "both"), KEY);
		for (Answer answer : new Answer[] { wrongName, wrongDob, noDob, unknown }) {
			assertThat(answer.status()).isEqualTo("0");
			assertThat(answer.detail("URI")).isNull();
			assertThat(answer.detail("DocContent")).isNull();
			assertThat(answer.detail("DataContent")).isNull();
			assertThat(answer.detail("Message")).isEqualTo("No INCER certificate matches the details given");
			DigiLockerSchemas.assertValid(answer.body(), true);
		}
		Answer pullDocAsSomeoneElse = post("/digilocker/pull-doc",
				pullDoc(ORG + "-INCER-" + c.certificateNo(), "Anita Banerjee", "12-04-1985", "pdf"), KEY);
		assertThat(pullDocAsSomeoneElse.status()).isEqualTo("0");
		assertThat(pullDocAsSomeoneElse.detail("DocContent")).isNull();
		Answer wrongType = post("/digilocker/pull-doc",
				pullDoc(ORG + "-BTCER-" + c.certificateNo(), "Sunita Banerjee", "12-04-1985", "pdf"), KEY);
		assertThat(wrongType.status()).isEqualTo("0");
		Answer otherIssuer = post("/digilocker/pull-doc",
				pullDoc("in.gov.other-INCER-" + c.certificateNo(), "Sunita Banerjee", "12-04-1985", "pdf"), KEY);
		assertThat(otherIssuer.status()).isEqualTo("0");
		assertThat(otherIssuer.detail("Message")).contains("is not one of " + ORG);
	}

	@Test
	void aRevokedCertificateIsNoLongerPulled() {
		Certificate c = issue("BIRTH-CERT");
		byte[] request = pullUri("BTCER", c.certificateNo(), "Rahul Banerjee", "01-10-2026", "pdf");
		assertThat(post("/digilocker/pull-uri", request, KEY).status()).isEqualTo("1");
		certificates.revoke(c.certificateNo(), "Entered twice in the register");
		Answer after = post("/digilocker/pull-uri", pullUri("BTCER", c.certificateNo(), "Rahul Banerjee", "01-10-2026", "pdf"), KEY);
		assertThat(after.status()).isEqualTo("0");
		assertThat(after.detail("Message")).contains("revoked");
		assertThat(after.detail("DocContent")).isNull();
	}

	@Test
	void aWrongKeyOrAMissingOrMalformedHeaderIsRefusedBeforeTheBodyIsRead() {
		Certificate c = issue("INCOME-CERT");
		byte[] request = pullUri("INCER", c.certificateNo(), "Sunita Banerjee", "12-04-1985", "pdf");
		Answer wrongKey = post("/digilocker/pull-uri", request, "someone-elses-key");
		assertThat(wrongKey.httpStatus()).isEqualTo(401);
		assertThat(wrongKey.status()).isEqualTo("0");
		assertThat(wrongKey.detail("Message")).isEqualTo("x-digilocker-hmac does not match the body");
		assertThat(wrongKey.detail("DocContent")).isNull();
		assertThat(wrongKey.attribute("txn")).as("an unauthenticated body is not parsed: the txn is the issuer's own")
			.startsWith("sevahub-")
			.isNotEqualTo(txnOf(request));
		DigiLockerSchemas.assertValid(wrongKey.body(), true);

		Answer missing = post("/digilocker/pull-uri", request, null);
		assertThat(missing.httpStatus()).isEqualTo(401);
		assertThat(missing.detail("Message")).isEqualTo("x-digilocker-hmac is missing");
		DigiLockerSchemas.assertValid(missing.body(), true);

		Answer notBase64 = exchange("/digilocker/pull-uri", request, "%%%not base64%%%");
		assertThat(notBase64.httpStatus()).isEqualTo(401);

		byte[] tampered = new String(request, StandardCharsets.UTF_8).replace("Sunita", "Sunila").getBytes(StandardCharsets.UTF_8);
		Answer signedThenChanged = exchange("/digilocker/pull-uri", tampered, DigiLockerTestRequests.hmac(request, KEY));
		assertThat(signedThenChanged.httpStatus()).isEqualTo(401);
	}

	@Test
	void anOldOrFutureTimestampIsRefusedAsStale() {
		Certificate c = issue("INCOME-CERT");
		OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Kolkata")).truncatedTo(ChronoUnit.SECONDS);
		for (OffsetDateTime ts : new OffsetDateTime[] { now.minusMinutes(6), now.plusMinutes(6) }) {
			byte[] request = DigiLockerTestRequests.pullUri(ORG, ts.toString(), "INCER", c.certificateNo(), "Sunita Banerjee",
					"12-04-1985", "pdf");
			Answer stale = post("/digilocker/pull-uri", request, KEY);
			assertThat(stale.httpStatus()).isEqualTo(400);
			assertThat(stale.status()).isEqualTo("0");
			assertThat(stale.detail("Message")).contains("stale");
			assertThat(stale.attribute("txn")).isEqualTo(txnOf(request));
			DigiLockerSchemas.assertValid(stale.body(), true);
		}
		byte[] fourMinutesAgo = DigiLockerTestRequests.pullUri(ORG, now.minusMinutes(4).toString(), "INCER",
				c.certificateNo(), "Sunita Banerjee", "12-04-1985", "pdf");
		assertThat(post("/digilocker/pull-uri", fourMinutesAgo, KEY).status()).isEqualTo("1");
		byte[] notATime = DigiLockerTestRequests.pullUri(ORG, "yesterday", "INCER", c.certificateNo(), "Sunita Banerjee",
				"12-04-1985", "pdf");
		assertThat(post("/digilocker/pull-uri", notATime, KEY).detail("Message")).contains("not an ISO-8601 timestamp");
	}

	@Test
	void externalEntitiesAndGarbageAreRefusedWithTheSpecsErrorAnswer() {
		Certificate c = issue("INCOME-CERT");
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE PullURIRequest [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
				<PullURIRequest ver="1.0" ts="%s" txn="t-xxe" orgId="%s" format="pdf">
				  <DocDetails><DocType>INCER</DocType><DigiLockerId>x</DigiLockerId><FullName>&secret;</FullName>
				  <UDF1>%s</UDF1></DocDetails></PullURIRequest>""".formatted(DigiLockerTestRequests.now(), ORG, c.certificateNo());
		Answer refused = post("/digilocker/pull-uri", xxe.getBytes(StandardCharsets.UTF_8), KEY);
		assertThat(refused.httpStatus()).isEqualTo(400);
		assertThat(refused.status()).isEqualTo("0");
		assertThat(refused.detail("Message")).isEqualTo("DOCTYPE declarations are not accepted");
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("root:");
		DigiLockerSchemas.assertValid(refused.body(), true);

		for (String garbage : new String[] { "{\"json\": true}", "<PullURIRequest><DocDetails>", "\u0000\u0001binary",
				"<PullDocRequest ver=\"1.0\"/>" }) {
			Answer answer = post("/digilocker/pull-uri", garbage.getBytes(StandardCharsets.UTF_8), KEY);
			assertThat(answer.httpStatus()).as(garbage).isEqualTo(400);
			assertThat(answer.status()).isEqualTo("0");
			assertThat(answer.detail("Message")).isNotBlank();
			DigiLockerSchemas.assertValid(answer.body(), true);
		}
		Answer wrongOrg = post("/digilocker/pull-uri", DigiLockerTestRequests.pullUri("in.gov.other", DigiLockerTestRequests.now(),
				"INCER", c.certificateNo(), "Sunita Banerjee", "12-04-1985", "pdf"), KEY);
		assertThat(wrongOrg.httpStatus()).isEqualTo(400);
		assertThat(wrongOrg.detail("Message")).contains("is not this issuer");
		Answer badFormat = post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "Sunita Banerjee", "12-04-1985", "docx"), KEY);
		assertThat(badFormat.detail("Message")).contains("format must be pdf, xml or both");
		Answer badDob = post("/digilocker/pull-uri", pullUri("INCER", c.certificateNo(), "Sunita Banerjee", "1985-04-12", "pdf"), KEY);
		assertThat(badDob.httpStatus()).isEqualTo(400);
		assertThat(badDob.detail("Message")).as("the value stays out of logs and audit").isEqualTo("DOB must be DD-MM-YYYY");
		Answer badDobUnknownNumber = post("/digilocker/pull-uri",
				pullUri("INCER", "IC-2026-999999", "Sunita Banerjee", "1985-04-12", "pdf"), KEY);
		assertThat(badDobUnknownNumber.httpStatus()).as("a malformed request says nothing about the register").isEqualTo(400);
		assertThat(badDobUnknownNumber.detail("Message")).isEqualTo(badDob.detail("Message"));
	}

	@Test
	void theSandboxDigiLockerPullsOverHttp() {
		Certificate c = issue("BIRTH-CERT");
		Map<String, String> ask = new LinkedHashMap<>();
		ask.put("docType", "BTCER");
		ask.put("certificateNo", c.certificateNo());
		ask.put("fullName", "রাহুল বন্দ্যোপাধ্যায়");
		ask.put("dob", "01-10-2026");
		ask.put("format", "both");
		Map<?, ?> pull = http.postForObject("/sandbox/digilocker/pull", ask, Map.class);
		assertThat(pull.get("uri")).isEqualTo(ORG + "-BTCER-" + c.certificateNo());
		assertThat(pull.get("docStatus")).isEqualTo("1");
		assertThat((Integer) pull.get("pdfBytes")).isEqualTo(repository.pdf(c.certificateNo()).orElseThrow().length);
		assertThat((Integer) pull.get("xmlBytes")).isPositive();
		assertThat(http.getForObject("/sandbox/records/digilocker/pulls", String.class)).contains(c.certificateNo());
		ask.put("fullName", "Someone Else");
		Map<?, ?> refused = http.postForObject("/sandbox/digilocker/pull", ask, Map.class);
		assertThat(refused.get("uri")).isNull();
		assertThat(refused.get("uriStatus")).isEqualTo("0");
	}

	private Certificate issue(String service) {
		Map<String, String> form = ProcessDriver.validForm(service);
		return certificates.issue(applications.create(NewApplication.direct(service, form)));
	}

	private static byte[] pullUri(String docType, String number, String name, String dob, String format) {
		return DigiLockerTestRequests.pullUri(ORG, DigiLockerTestRequests.now(), docType, number, name, dob, format);
	}

	private static byte[] pullDoc(String uri, String name, String dob, String format) {
		return DigiLockerTestRequests.pullDoc(ORG, DigiLockerTestRequests.now(), uri, name, dob, format);
	}

	private static String txnOf(byte[] request) {
		String text = new String(request, StandardCharsets.UTF_8);
		int at = text.indexOf("txn=\"") + 5;
		return text.substring(at, text.indexOf('"', at));
	}

	private Answer post(String path, byte[] body, String key) {
		return exchange(path, body, key == null ? null : DigiLockerTestRequests.hmac(body, key));
	}

	private Answer exchange(String path, byte[] body, String hmac) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_XML);
		if (hmac != null) {
			headers.set("x-digilocker-hmac", hmac);
		}
		ResponseEntity<byte[]> response = http.postForEntity(path, new HttpEntity<>(body, headers), byte[].class);
		return new Answer(response.getStatusCode().value(), response.getBody());
	}

	record Answer(int httpStatus, byte[] body) {

		Element root() {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body)).getDocumentElement();
			}
			catch (Exception ex) {
				throw new AssertionError(new String(body, StandardCharsets.UTF_8), ex);
			}
		}

		String status() {
			return ((Element) root().getElementsByTagName("ResponseStatus").item(0)).getAttribute("Status");
		}

		String attribute(String name) {
			return ((Element) root().getElementsByTagName("ResponseStatus").item(0)).getAttribute(name);
		}

		String detail(String name) {
			Node node = root().getElementsByTagName(name).item(0);
			return node == null ? null : node.getTextContent();
		}

	}

}
