package org.sevahub.platform.doors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.sevahub.portal.digilocker.DigiLockerHmac;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every inbound door, fuzzed: malformed JSON and XML, wrong and wildcard Content-Types, Accept headers the door
 * does not produce, wrong methods, nulls, wrong types, deeply nested and oversize bodies, overlong values,
 * Indic text and control characters, signed where the door checks a signature so the inputs reach past it.
 * No answer may be a 5xx or name anything internal, and no row of SevaHub's or the engine's tables may be
 * added or changed (the audit trail records refusals on purpose). Inputs are jqwik arbitraries drawn from a
 * fixed seed, so a failure is reproduced by running the test again; every input carries at least one defect,
 * so none is a request SevaHub should carry out. scripts/fuzz-doors does the same at scale against a running
 * server.
 */
@SevaHubTest
class DoorsFuzzTest {

	static final int TRIES_PER_ENDPOINT = 200;

	static final long SEED = 20261130L;

	static final String BENGALI = "আবেদনকারীর নাম শ্রী রবীন্দ্রনাথ ঠাকুর";

	static final String HINDI = "आवेदक का नाम श्री राम प्रसाद";

	static final String MARATHI = "अर्जदाराचे नाव श्री ज्ञानेश्वर";

	static final String CONTROL = "\u0000\u0001\u0007\b\u000b\f\u001b\u007f\u200b\u202e\ufeff";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	/** The API is the signed-in citizen's: its inputs are sent as the draft's owner, so they reach its checks. */
	static final String OWNER = "9433012345";

	final ObjectMapper json = new ObjectMapper();

	/** One request: what the endpoint gets, before the common mutations of headers and method. */
	record Input(String method, String path, Map<String, String> headers, byte[] body, String contentType) {
	}

	@Test
	void noInputMakesADoorFailLeakOrWrite() throws Exception {
		// jqwik's generators outside a @Property (the Spring context is JUnit Jupiter's): a session of their own.
		JqwikSession.start();
		try {
			fuzz();
		}
		finally {
			JqwikSession.finish();
		}
	}

	private void fuzz() throws Exception {
		Caller caller = new Caller(port);
		String draft = json.readTree(caller.send("POST", "/api/v1/applications",
				Map.of("Content-Type", "application/json", "Authorization", citizen()),
				"{\"serviceCode\":\"BIRTH-CERT\",\"applicant\":{},\"data\":{}}".getBytes(StandardCharsets.UTF_8), false)
			.body()).path("applicationNo").asText();
		String csrf = caller.cookie("/apply/BIRTH-CERT", "XSRF-TOKEN");
		Map<String, Arbitrary<Input>> endpoints = endpoints(draft, csrf);
		Tables tables = new Tables(jdbc).leavingOutInstancesBut(draft);
		Map<String, String> before = tables.stillSnapshot();
		Random random = new Random(SEED);
		List<String> failures = new ArrayList<>();
		Map<String, int[]> counts = new TreeMap<>();
		for (Map.Entry<String, Arbitrary<Input>> endpoint : endpoints.entrySet()) {
			var generator = endpoint.getValue().generator(1000);
			int[] count = counts.computeIfAbsent(endpoint.getKey(), k -> new int[6]);
			for (int i = 0; i < TRIES_PER_ENDPOINT; i++) {
				Input input = mutate(generator.next(random).value(), random);
				Caller.Answer answer = caller.send(input.method(), input.path(), input.headers(), input.body(),
						input.body() != null && random.nextInt(10) == 0);
				count[Math.min(answer.status() / 100, 5)]++;
				if (answer.status() >= 500 || answer.status() < 100 || answer.leak() != null) {
					failures.add(endpoint.getKey() + ": " + input.method() + " " + abbreviate(input.path()) + " "
							+ input.headers() + " " + abbreviate(new String(input.body() == null ? new byte[0] : input.body(),
									StandardCharsets.UTF_8)) + " -> " + answer.status() + " "
							+ (answer.leak() != null ? "leaks '" + answer.leak() + "'" : abbreviate(answer.body())));
				}
			}
		}
		Map<String, String> changed = Tables.changed(before, tables.stillSnapshot());
		StringBuilder summary = new StringBuilder("endpoint: 2xx/3xx/4xx/5xx\n");
		counts.forEach((name, c) -> summary.append(name).append(": ").append(c[2]).append('/').append(c[3]).append('/')
			.append(c[4]).append('/').append(c[5]).append('\n'));
		assertThat(failures).as(summary.toString()).isEmpty();
		assertThat(changed).as("tables written by refused inputs").isEmpty();
		assertThat(counts).hasSize(endpoints.size());
	}

	// ----- the endpoints -----

	private Map<String, Arbitrary<Input>> endpoints(String draft, String csrf) {
		Map<String, Arbitrary<Input>> endpoints = new LinkedHashMap<>();
		for (String api : List.of("initiate", "status", "document", "otp/generate", "otp/verify")) {
			endpoints.put("bsk " + api, bsk("/bsk/api/" + api));
		}
		endpoints.put("digilocker pull-uri", digilocker("/digilocker/pull-uri", "PullURIRequest"));
		endpoints.put("digilocker pull-doc", digilocker("/digilocker/pull-doc", "PullDocRequest"));
		endpoints.put("dci on-search", dci("/registry/on-search", "on-search"));
		endpoints.put("dci txn/on-status", dci("/registry/txn/on-status", "txn-on-status"));
		Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.just(draft), Arbitraries.just("BC2026999999"),
				text().map(DoorsFuzzTest::encode));
		endpoints.put("api create", apiWrite("POST", Arbitraries.just("/api/v1/applications")));
		endpoints.put("api draft", apiWrite("PUT", number.map(no -> "/api/v1/applications/" + no + "/draft")));
		endpoints.put("api submit", apiWrite("POST", number.map(no -> "/api/v1/applications/" + no + "/submit")));
		// Not the draft: an empty body withdraws an application, which is no malformed input.
		Arbitrary<String> others = Arbitraries.oneOf(Arbitraries.just("BC2026999999"), text().map(DoorsFuzzTest::encode));
		endpoints.put("api withdraw/appeal", Combinators.combine(others, Arbitraries.of("withdraw", "appeal"), garbage())
			.as((no, action, body) -> new Input("POST", "/api/v1/applications/" + no + "/" + action,
					Map.of("Authorization", citizen()), body, "application/json")));
		endpoints.put("api read", Combinators.combine(Arbitraries.of("/api/v1/applications/", "/api/v1/services/"), number)
			.as((prefix, no) -> new Input("GET", prefix + no, Map.of("Authorization", citizen()), null, null)));
		// Each from an address of its own (the look-ups are rate-limited per client): the inputs reach the look-up.
		endpoints.put("track", Combinators.combine(text(), address())
			.as((t, from) -> new Input("GET", "/track?applicationNo=" + encode(t), Map.of("X-Forwarded-For", from), null,
					null)));
		endpoints.put("verify", Combinators.combine(text(), address())
			.as((t, from) -> new Input("GET", "/verify/" + encode(t), Map.of("X-Forwarded-For", from), null, null)));
		endpoints.put("bsk landing", text().map(t -> get("/bsk/landing?h=" + encode(t))));
		endpoints.put("isp landing", text().map(t -> get("/isp/landing?sessionkey=" + encode(t))));
		endpoints.put("aaplesarkar landing", Combinators.combine(text(), Arbitraries.of("AMD001", "X", ""))
			.as((t, service) -> get("/aaplesarkar/landing?ServiceID=" + service + "&str=" + encode(t))));
		endpoints.put("aaplesarkar payment return", Combinators.combine(text(), Arbitraries.of("GET", "POST"))
			.as((t, method) -> new Input(method, "/aaplesarkar/payment/return?msg=" + encode(t), Map.of(),
					method.equals("POST") ? ("msg=" + encode(t)).getBytes(StandardCharsets.UTF_8) : null,
					"application/x-www-form-urlencoded")));
		endpoints.put("citizen form", citizenForm(csrf));
		endpoints.put("sms dlr", Combinators.combine(Arbitraries.of("sandbox-dlr-token-not-for-production", "wrong"),
				text(), Arbitraries.of("DELIVRD", "FAILED", "UNKNOWN"), Arbitraries.of("1", "x", "99999999999999"))
			.as((token, id, status, frags) -> get("/sms-gateway/dlr?token=" + token + "&externalId=" + encode(id)
					+ "&status=" + status + "&noOfFrags=" + frags)));
		endpoints.put("documents", documents(number));
		endpoints.put("error", text().map(t -> get("/error?x=" + encode(t))));
		return endpoints;
	}

	private Arbitrary<Input> bsk(String path) {
		Arbitrary<Map<String, Object>> claims = Arbitraries
			.maps(Arbitraries.of("userid", "ticketNo", "serviceCode", "name", "mobile", "email", "gender", "age",
					"applicationNo", "documentNo", "otpld", "userTypedOtp", "documentType", "tokenNo"), value())
			.ofMaxSize(8);
		Arbitrary<byte[]> signed = Combinators.combine(claims, Arbitraries.of("376423", "376423", "376423", "", "x"))
			.as((c, passcode) -> {
				Map<String, Object> fields = new LinkedHashMap<>(c);
				// Never a known DEO: every call is one BSK would not make, refused before anything is written.
				fields.putIfAbsent("userid", 9000000001L);
				SecretKey key = Keys.hmacShaKeyFor("sandbox-bsk-hs256-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
				String token = Jwts.builder().claims(fields).issuedAt(new Date()).signWith(key, Jwts.SIG.HS256).compact();
				return write(Map.of("passcode", passcode, "token", token));
			});
		return Arbitraries.oneOf(signed, garbage()).map(body -> new Input("POST", path, Map.of(), body, "application/json"));
	}

	private Arbitrary<Input> digilocker(String path, String root) {
		DigiLockerHmac hmac = new DigiLockerHmac("sandbox-digilocker-api-key");
		Arbitrary<byte[]> shaped = Combinators.combine(text(), text(), Arbitraries.of("pdf", "xml", "both", "?"),
				Arbitraries.of("URI", "DocType", "UID", "FullName", "DOB", "UDF1"))
			.as((txn, value, format, detail) -> ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root
					+ " ver=\"1.0\" ts=\"" + OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
					+ "\" txn=\"" + xml(txn) + "\" orgId=\"in.gov.sevahub.demo\" format=\"" + format + "\"><DocDetails><"
					+ detail + ">" + xml(value) + "</" + detail + "></DocDetails></" + root + ">").getBytes(StandardCharsets.UTF_8));
		return Combinators.combine(Arbitraries.oneOf(shaped, garbage()), Arbitraries.of(true, true, true, false))
			.as((body, sign) -> new Input("POST", path,
					sign ? Map.of("x-digilocker-hmac", hmac.sign(body)) : Map.of(), body, "application/xml"));
	}

	private Arbitrary<Input> dci(String path, String action) {
		Arbitrary<byte[]> shaped = Combinators.combine(text(), value(), Arbitraries.of("succ", "rjct", "?"))
			.as((id, message, status) -> {
				Map<String, Object> header = new LinkedHashMap<>();
				header.put("version", "1.0.0");
				header.put("message_id", id);
				header.put("action", action);
				header.put("status", status);
				header.put("sender_id", "registry.example");
				Map<String, Object> envelope = new LinkedHashMap<>();
				envelope.put("header", header);
				envelope.put("message", message);
				envelope.put("signature", "Signature: keyId=\"registry.example|k|ed25519\"");
				return write(envelope);
			});
		return Arbitraries.oneOf(shaped, garbage())
			.map(body -> new Input("POST", path, Map.of("Authorization", "Bearer x.y.z"), body, "application/json"));
	}

	/** A body of the API's shape, always with a defect: an overlong name, a null or a wrong type. */
	private Arbitrary<Input> apiWrite(String method, Arbitrary<String> paths) {
		Arbitrary<byte[]> shaped = Combinators.combine(Arbitraries.of("BIRTH-CERT", "INCOME-CERT", "NOPE"), value(),
				Arbitraries.of(1001, 3000), Arbitraries.of("n", HINDI, BENGALI, CONTROL))
			.as((service, other, times, piece) -> {
				Map<String, Object> applicant = new LinkedHashMap<>();
				applicant.put("nameEn", piece.repeat(times));
				applicant.put("mobile", other);
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("serviceCode", service);
				body.put("applicant", applicant);
				body.put("data", Map.of("x", String.valueOf(other)));
				return write(body);
			});
		Arbitrary<byte[]> nulls = Arbitraries.of("{\"serviceCode\":\"BIRTH-CERT\",\"applicant\":null}",
				"{\"data\":null}", "{\"applicant\":\"x\"}", "{\"applicant\":[1]}", "{\"serviceCode\":{}}", "null", "[]")
			.map(s -> s.getBytes(StandardCharsets.UTF_8));
		// An empty object is a well-formed draft with nothing in it: not malformed, so not sent here.
		Arbitrary<byte[]> defective = garbage().filter(body -> !new String(body, StandardCharsets.UTF_8).strip().equals("{}"));
		return Combinators.combine(paths, Arbitraries.oneOf(shaped, nulls, defective))
			.as((path, body) -> new Input(method, path, Map.of("Authorization", citizen()), body, "application/json"));
	}

	/** With the page's CSRF token, so the posts reach the form's own checks. */
	private Arbitrary<Input> citizenForm(String csrf) {
		return Combinators.combine(Arbitraries.of("BIRTH-CERT", "INCOME-CERT", "NOPE"), text(), text(),
				Arbitraries.of("draft", "submit"))
			.as((service, name, other, action) -> {
				String form = "applicant.nameEn=" + encode("n".repeat(1001) + name)
						+ "&applicant.mobile=" + encode(other) + "&" + encode(other) + "=" + encode(name) + "&action=" + action;
				return new Input("POST", "/apply/" + service,
						Map.of("Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf), form.getBytes(StandardCharsets.UTF_8),
						"application/x-www-form-urlencoded");
			});
	}

	private Arbitrary<Input> documents(Arbitrary<String> numbers) {
		return Combinators.combine(numbers, Arbitraries.of("birth-report", "photo", "nope"), garbage(),
				Arbitraries.of("file", "document", ""), text())
			.as((no, code, content, part, filename) -> {
				String boundary = "fuzz" + Math.abs(filename.hashCode());
				byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
						+ filename + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
				byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
				byte[] body = new byte[head.length + content.length + tail.length];
				System.arraycopy(head, 0, body, 0, head.length);
				System.arraycopy(content, 0, body, head.length, content.length);
				System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
				return new Input("POST", "/api/v1/applications/" + no + "/documents/" + code,
						Map.of("Authorization", citizen()), body, "multipart/form-data; boundary=" + boundary);
			});
	}

	// ----- the values -----

	private static Arbitrary<String> text() {
		return Arbitraries.oneOf(
				Arbitraries.of("", " ", "x", "{x}", "{", "%", "..", "../../etc/passwd", "<script>alert(1)</script>",
						"' OR '1'='1", "${jndi:ldap://x}", "#{7*7}", "__${7*7}__", "null", "-1", "1e309", "NaN",
						BENGALI, HINDI, MARATHI, CONTROL, "১২৩৪৫৬", "१२३४५६"),
				Arbitraries.of(99, 100, 101, 199, 200, 201, 256, 1001, 5000).map("a"::repeat),
				Arbitraries.strings().ofMaxLength(40),
				Arbitraries.strings().withCharRange('\u0900', '\u097F').withCharRange('\u0980', '\u09FF')
					.withCharRange('\u0000', '\u001F').ofMaxLength(300));
	}

	/** One of thousands of made-up client addresses. */
	private static Arbitrary<String> address() {
		return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 254))
			.as((c, d) -> "198.51." + c + "." + d);
	}

	private static Arbitrary<Object> value() {
		Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false),
				Arbitraries.longs().map(Object.class::cast), Arbitraries.of(1.5, 1e308, -0.0).map(Object.class::cast),
				text().map(Object.class::cast));
		return Arbitraries.oneOf(scalar, scalar, scalar,
				scalar.list().ofMaxSize(3).map(Object.class::cast),
				Arbitraries.maps(Arbitraries.of("a", "name", "applicant", ""), scalar).ofMaxSize(3).map(Object.class::cast));
	}

	private static Arbitrary<byte[]> garbage() {
		Arbitrary<String> fixed = Arbitraries.of("", "{", "}", "[", "null", "true", "42", "\"text\"", "{'a': 1}",
				"{\"a\":}", "{\"a\":1,}", "<?xml version='1.0'?><a>", "a=1&b=2",
				"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
				"<?xml version='1.0'?><!DOCTYPE l [<!ENTITY l 'lol'><!ENTITY l2 '&l;&l;&l;&l;'>]><a>&l2;</a>",
				BENGALI + HINDI + MARATHI, CONTROL);
		Arbitrary<String> nested = Combinators.combine(Arbitraries.of(100, 1001, 5000, 20000), Arbitraries.of(0, 1, 2))
			.as((depth, kind) -> switch (kind) {
				case 0 -> "[".repeat(depth) + "]".repeat(depth);
				case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
				default -> "<a>".repeat(depth) + "</a>".repeat(depth);
			});
		Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
		return Arbitraries.oneOf(fixed.map(s -> s.getBytes(StandardCharsets.UTF_8)),
				nested.map(s -> s.getBytes(StandardCharsets.UTF_8)), bytes,
				value().map(v -> new ObjectMapper().valueToTree(v).toString().getBytes(StandardCharsets.UTF_8)));
	}

	// ----- the common mutations: Content-Type, Accept, method -----

	private static final List<String> CONTENT_TYPES = List.of("*/*", "application/*", "application/json",
			"application/xml", "text/plain", "text/html", "application/x-www-form-urlencoded", "multipart/form-data",
			"application/json; charset=bogus", "garbage", "image/png");

	private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html", "application/xml",
			"image/png", "garbage/;;");

	private static Input mutate(Input input, Random random) {
		Map<String, String> headers = new LinkedHashMap<>(input.headers());
		String contentType = random.nextInt(4) == 0 ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
				: input.contentType();
		if (input.body() != null && contentType != null) {
			headers.put("Content-Type", contentType);
		}
		if (random.nextInt(3) == 0) {
			headers.put("Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size())));
		}
		// Now and then the API's caller is anonymous: its 401 must be in the API's shape as well.
		if (headers.containsKey("Authorization") && input.path().startsWith("/api/") && random.nextInt(10) == 0) {
			headers.remove("Authorization");
		}
		String method = random.nextInt(20) == 0 ? List.of("GET", "PUT", "DELETE", "PATCH").get(random.nextInt(4))
				: input.method();
		byte[] body = method.equals("GET") && input.body() != null ? null : input.body();
		if (body == null && !method.equals("GET") && random.nextBoolean()) {
			body = new byte[0];
		}
		return new Input(method, input.path(), headers, body, contentType);
	}

	// ----- helpers -----

	private String citizen() {
		return CitizenLogin.bearer(environment, OWNER);
	}

	private static Input get(String path) {
		return new Input("GET", path, Map.of(), null, null);
	}

	private byte[] write(Object value) {
		try {
			return json.writeValueAsBytes(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200) + "…";
	}


}
