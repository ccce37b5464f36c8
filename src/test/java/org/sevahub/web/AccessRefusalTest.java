package org.sevahub.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.platform.TasklistSession;
import org.sevahub.testsupport.CitizenLogin;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;
import org.sevahub.web.AccessRules.Access;
import org.sevahub.web.RouteOwnersTest.Route;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sevahub.testsupport.BrowserCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Table-driven: on every mapped route that is not public, each wrong caller is refused, and nothing is written.
 * Anonymous callers, a citizen who does not own the application, an officer whose groups never held its tasks,
 * and a portal with wrong credentials. The owner, the right officer and an admin get through, so the refusals are
 * not of everybody.
 */
@SevaHubTest
class AccessRefusalTest {

	static final String OWNER = "9812300001";

	static final String STRANGER = "9812300002";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationService applications;

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@LocalServerPort
	int port;

	Application app;

	/**
	 * An administrator of this test's own, for the wrong-password calls. Each wrong password locks its user for a
	 * while (Camunda's login delay), so sending them as {@code demo} locked out the next test class that signed in
	 * as demo (a random-order run: 401 where the revocation of a certificate was expected).
	 */
	static final String WRONGED_ADMIN = "refusaltestadmin";

	static final String WRONG_PASSWORD = "Basic " + java.util.Base64.getEncoder()
		.encodeToString((WRONGED_ADMIN + ":wrong").getBytes());

	@BeforeEach
	void anAdministratorWhoseWrongPasswordsLockNobodyElse() {
		if (identity.createUserQuery().userId(WRONGED_ADMIN).count() == 0) {
			User admin = identity.newUser(WRONGED_ADMIN);
			admin.setPassword("Refusal-Test-Password-1");
			identity.saveUser(admin);
			identity.createMembership(WRONGED_ADMIN, Groups.CAMUNDA_ADMIN);
		}
	}

	@BeforeEach
	void anApplicationUnderVerification() {
		Map<String, String> form = new HashMap<>(ProcessDriver.validForm("BIRTH-CERT"));
		form.put("applicant.mobile", OWNER);
		app = driver.start("BIRTH-CERT", form);
		applications.submit(app.applicationNo(), Map.of());
	}

	@Test
	void everyWrongCallerIsRefusedOnEveryRouteThatIsNotPublic() throws Exception {
		String before = snapshot();
		Cookie appellate2 = officer("appellate2");
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Route route : RouteOwnersTest.routes(context)) {
			HttpMethod method = route.methods().contains(HttpMethod.GET) ? HttpMethod.GET : route.methods().iterator().next();
			String path = fill(route.path());
			Access access = RouteOwnersTest.owner(method, path).orElseThrow();
			switch (access) {
				case CITIZEN -> {
					boolean ownsOne = route.path().contains("{applicationNo}");
					int anonymous = status(call(method, path));
					boolean api = path.startsWith("/api/");
					// Pages send a browser to sign in; anything else without a credential is 401.
					if (api || !method.equals(HttpMethod.GET) ? anonymous != 401 : anonymous != 302) {
						failures.add("anonymous " + method + " " + route.path() + ": " + anonymous);
					}
					if (ownsOne) {
						int stranger = status(call(method, path).cookie(CitizenLogin.cookie(environment, STRANGER)));
						if (stranger != 404) {
							failures.add("another citizen " + method + " " + route.path() + ": " + stranger);
						}
						int officer = status(call(method, path).cookie(appellate2));
						if (api || !method.equals(HttpMethod.GET) ? officer != 401 : officer != 302) {
							failures.add("officer " + method + " " + route.path() + ": " + officer);
						}
					}
				}
				case OFFICER -> {
					if (!path.startsWith("/officer/")) {
						// Camunda's webapps and engine REST: their own login (their static assets are public).
						continue;
					}
					expectIn(failures, "anonymous", method, route, call(method, path), 401);
					int citizen = status(call(method, path).cookie(CitizenLogin.cookie(environment, OWNER)));
					if (citizen != 401 && citizen != 403) {
						failures.add("a citizen " + method + " " + route.path() + ": " + citizen);
					}
					// An application's page answers as for an unknown number, so numbers cannot be probed.
					expectIn(failures, "officer of another group", method, route, call(method, path).cookie(appellate2),
							route.path().startsWith("/officer/applications/") ? 404 : 403);
				}
				case ADMIN -> {
					expectIn(failures, "anonymous", method, route, call(method, path), 401);
					expectIn(failures, "a citizen", method, route,
							call(method, path).header("Authorization", CitizenLogin.bearer(environment, OWNER)), 401);
					expectIn(failures, "an officer", method, route,
							call(method, path).header("Authorization", basic("assistant")), 403);
					expectIn(failures, "wrong password", method, route,
							call(method, path).header("Authorization", WRONG_PASSWORD), 401);
				}
				case PORTAL -> {
					int wrong = status(call(method, path).header("Authorization", WRONG_PASSWORD)
						.param("token", "wrong")
						.param("signature", "wrong")
						.header("X-Hub-Signature-256", "sha256=00"));
					if (wrong >= 200 && wrong < 300 || wrong >= 500) {
						failures.add("portal with wrong credentials " + method + " " + route.path() + ": " + wrong);
					}
				}
				default -> {
					continue;
				}
			}
			checked++;
		}
		assertThat(checked).as("routes checked").isGreaterThan(40);
		assertThat(failures).isEmpty();
		assertThat(snapshot()).as("applications, applicants and their history").isEqualTo(before);
	}

	@Test
	void theRightCallersGetThrough() throws Exception {
		// An officer whose groups never held a task of it hears what an unknown number would answer, in officers' words.
		Cookie appellate2 = officer("appellate2");
		MockHttpServletResponse another = mvc.perform(call(HttpMethod.GET, "/officer/applications/" + app.applicationNo())
			.cookie(appellate2)).andReturn().getResponse();
		MockHttpServletResponse none = mvc.perform(call(HttpMethod.GET, "/officer/applications/BC2099999999")
			.cookie(appellate2)).andReturn().getResponse();
		assertThat(another.getStatus()).isEqualTo(404);
		assertThat(another.getContentAsString()).isEqualTo(none.getContentAsString())
			.contains("No application with this number is in your office")
			.doesNotContain("Please open it again", "Check the number and try again");
		String no = app.applicationNo();
		assertThat(status(call(HttpMethod.GET, "/api/v1/applications/" + no)
			.header("Authorization", CitizenLogin.bearer(environment, OWNER)))).isEqualTo(200);
		assertThat(status(call(HttpMethod.GET, "/applications/" + no).cookie(CitizenLogin.cookie(environment, OWNER))))
			.isEqualTo(200);
		Cookie assistant = officer("assistant");
		assertThat(status(call(HttpMethod.GET, "/officer/applications/" + no).cookie(assistant))).isEqualTo(200);
		// The officer's page in Bengali: what is on the record and who acted, in words, not codes.
		String bengali = mvc.perform(call(HttpMethod.GET, "/officer/applications/" + no).param("lang", "bn").cookie(assistant))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bengali).contains("দপ্তরে পাঠানো হয়েছে", "নাগরিক").doesNotContain("OFFICE_ROUTED");
		// An unknown number was a 500 ("Something went wrong") for a signed-in officer.
		MockHttpServletResponse unknown = mvc.perform(call(HttpMethod.GET, "/officer/applications/BC2099999999")
			.cookie(assistant)).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).doesNotContain("Something went wrong", "Exception");
		assertThat(status(call(HttpMethod.GET, "/api/v1/admin/notifications").header("Authorization", basic("demo"))))
			.isEqualTo(200);
		assertThat(status(call(HttpMethod.GET, "/actuator/prometheus").header("Authorization", basic("demo"))))
			.isEqualTo(200);
		assertThat(status(call(HttpMethod.GET, "/actuator/health"))).isEqualTo(200);
		assertThat(status(call(HttpMethod.GET, "/actuator/prometheus"))).isEqualTo(401);
		// HEAD is answered as GET is: a balancer's HEAD check and a link checker were refused with 401.
		for (String open : List.of("/actuator/health", "/", "/apply/BIRTH-CERT", "/css/sevahub.css",
				"/api/v1/services")) {
			assertThat(status(MockMvcRequestBuilders.head(open))).as("HEAD " + open).isEqualTo(200);
		}
		assertThat(status(MockMvcRequestBuilders.head("/actuator/prometheus"))).isEqualTo(401);
		assertThat(status(MockMvcRequestBuilders.head("/applications/" + no))).as("still the owner's").isIn(302, 303, 401, 404);
		assertThat(status(call(HttpMethod.GET, "/actuator/metrics"))).isEqualTo(401);
	}

	@Test
	void camundasFirstAdministratorSetupIsRefusedToEveryone() throws Exception {
		long users = jdbc.sql("SELECT count(*) FROM act_id_user").query(Long.class).single();
		MockHttpServletResponse create = mvc.perform(request(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"profile": {"id": "stranger", "firstName": "A", "lastName": "Stranger"},
					 "credentials": {"password": "Stranger-Pa55word!"}}""")).andReturn().getResponse();
		// Refused by SevaHub's chain (a caller without SevaHub's credentials hears 401), never reaching Camunda's.
		assertThat(create.getStatus()).isIn(401, 403);
		assertThat(create.getContentAsString()).startsWith("{\"error\":").doesNotContain("Setup");
		assertThat(status(call(HttpMethod.GET, "/camunda/app/admin/default/setup/"))).isIn(401, 403);
		assertThat(jdbc.sql("SELECT count(*) FROM act_id_user").query(Long.class).single()).isEqualTo(users);
	}

	@Test
	void pagesCarryASecurityPolicyAndCrossSiteAdminWritesAreRefused() throws Exception {
		MockHttpServletResponse home = mvc.perform(request(HttpMethod.GET, "/")).andReturn().getResponse();
		assertThat(home.getHeader("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(home.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(home.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		// A browser holding the admin's Basic credentials, made to post by another site.
		MockHttpServletResponse crossSite = mvc.perform(request(HttpMethod.POST, "/api/v1/admin/deliveries/1/retry")
			.header("Authorization", basic("demo"))
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", "https://evil.example")).andReturn().getResponse();
		assertThat(crossSite.getStatus()).isEqualTo(403);
		assertThat(crossSite.getContentAsString()).contains("cross-site");
		MockHttpServletResponse origin = mvc.perform(request(HttpMethod.POST, "/api/v1/admin/deliveries/1/retry")
			.header("Authorization", basic("demo"))
			.header("Origin", "https://evil.example")).andReturn().getResponse();
		assertThat(origin.getStatus()).isEqualTo(403);
		// A machine client, no browser headers: through to the controller (which knows no delivery 999999999).
		MockHttpServletResponse machine = mvc.perform(request(HttpMethod.POST, "/api/v1/admin/deliveries/999999999/retry")
			.header("Authorization", basic("demo"))).andReturn().getResponse();
		assertThat(machine.getStatus()).isNotIn(401, 403);
	}

	private void expectIn(List<String> failures, String who, HttpMethod method, Route route,
			MockHttpServletRequestBuilder request, int expected) throws Exception {
		int status = status(request);
		if (status != expected) {
			failures.add(who + " " + method + " " + route.path() + ": " + status + " (expected " + expected + ")");
		}
	}

	private MockHttpServletRequestBuilder call(HttpMethod method, String path) {
		MockHttpServletRequestBuilder request = request(method, path);
		if (!method.equals(HttpMethod.GET)) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}").with(csrf());
		}
		return request;
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/** The session cookie of a browser signed in to Tasklist through its real login form. */
	private Cookie officer(String user) throws Exception {
		TasklistSession tasklist = new TasklistSession("http://127.0.0.1:" + port);
		tasklist.signIn(user, user);
		return new Cookie("SEVAHUB_SESSION", tasklist.sessionCookie());
	}

	private String fill(String pattern) {
		return pattern.replace("{applicationNo}", app.applicationNo())
			.replaceAll("\\{\\*[^}]+}", "x/y")
			.replaceAll("\\{[^}]+}", "1")
			.replace("**", "x/y")
			.replace("*", "x");
	}

	private String snapshot() {
		return jdbc.sql("""
				SELECT a.status || '|' || a.form_data || '|' || p.name_en || '|' || p.mobile || '|'
				       || (SELECT COUNT(*) FROM status_history h WHERE h.application_id = a.id)
				FROM application a JOIN applicant p ON p.id = a.applicant_id WHERE a.id = :id""")
			.param("id", app.id())
			.query(String.class)
			.single();
	}

	private static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
	}

}
