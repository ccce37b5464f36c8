package org.sevahub.web;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Who may call each route: the one table SevaHub's security chain is built from (docs/security.md). The first
 * rule whose method and pattern match decides; a request no rule matches is refused. Prefix patterns give a new
 * route under a known prefix its owner at once; {@code RouteOwnersTest} fails the build on a route without one.
 */
final class AccessRules {

	/** The five kinds of caller, and the sandbox (open only where {@code sevahub.sandbox.enabled}). */
	enum Access {

		/** Anyone; signed links check their own signature. */
		PUBLIC,
		/** A citizen: signed in by OTP, or, for one application, holding its hand-over grant; the owner only. */
		CITIZEN,
		/** A counterpart portal, with its own credentials checked in its package. */
		PORTAL,
		/** Officers: Camunda's authentication and authorizations; SevaHub's pages check the task's groups. */
		OFFICER,
		/** Members of camunda-admin, by HTTP Basic. */
		ADMIN,
		/** Members of camunda-admin signed in to Camunda's webapps (Cockpit, Admin) in this browser. */
		WEBAPP_ADMIN,
		/** The built-in counterparts for demos and tests. */
		SANDBOX

	}

	record Rule(Access access, HttpMethod method, String pattern, String why) {

		static Rule of(Access access, String pattern, String why) {
			return new Rule(access, null, pattern, why);
		}

		static Rule of(Access access, HttpMethod method, String pattern, String why) {
			return new Rule(access, method, pattern, why);
		}

	}

	/** The path variable that names the application a citizen rule protects. */
	static final String APPLICATION_NO = "applicationNo";

	static final List<Rule> RULES = List.of(
			// Balancers and probes.
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/actuator/health", "the balancer's check"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/actuator/health/**", "liveness and readiness probes"),
			Rule.of(Access.ADMIN, "/actuator/**", "metrics, prometheus, info: operators only"),
			// Administration.
			Rule.of(Access.ADMIN, "/admin/**", "SevaHub's admin pages"),
			Rule.of(Access.ADMIN, "/api/v1/admin/**", "SevaHub's admin API"),
			// Officers.
			Rule.of(Access.OFFICER, "/officer/**", "officers' pages: Tasklist session, the task's groups"),
			Rule.of(Access.OFFICER, "/engine-rest/**", "Camunda's REST API: Basic against Camunda's users"),
			// The first administrator comes from SEVAHUB_ADMIN_USER on an empty database and nowhere else: Camunda's
			// page that lets whoever comes first create one, while no administrator exists, is refused to everyone.
			Rule.of(Access.ADMIN, "/camunda/api/admin/setup/**", "Camunda's first-administrator setup: refused"),
			Rule.of(Access.ADMIN, "/camunda/app/admin/*/setup/**", "Camunda's first-administrator setup page: refused"),
			// Camunda checks only that the caller is signed in to the engine, whichever webapp they signed in to. Cockpit's
			// plugin API queries every instance by its variables (an officer of one office found another's applicants
			// through it) and Admin's reports the engine's metrics: both are the administrators', as the apps are.
			Rule.of(Access.OFFICER, "/camunda/api/admin/auth/**", "the webapps' sign-in, sign-out and who is signed in"),
			Rule.of(Access.WEBAPP_ADMIN, "/camunda/api/admin/**", "Admin's plugin API: administrators"),
			Rule.of(Access.WEBAPP_ADMIN, "/camunda/api/cockpit/**", "Cockpit's plugin API: administrators"),
			Rule.of(Access.OFFICER, "/camunda/**", "Camunda's webapps: their own login"),
			// Counterpart portals: passcodes, signatures, HMACs and tokens, checked in their packages.
			Rule.of(Access.PORTAL, "/bsk/**", "Bangla Sahayata Kendra"),
			Rule.of(Access.PORTAL, "/isp/**", "Integrated Service Portal"),
			Rule.of(Access.PORTAL, "/aaplesarkar/**", "Aaple Sarkar"),
			Rule.of(Access.PORTAL, "/digilocker/**", "DigiLocker"),
			Rule.of(Access.PORTAL, "/registry/**", "DCI registries' callbacks"),
			Rule.of(Access.PORTAL, "/sms-gateway/**", "the SMS gateway's delivery reports"),
			Rule.of(Access.SANDBOX, "/sandbox/**", "the built-in counterparts"),
			// Citizens: sign-in, then what the number owns.
			Rule.of(Access.PUBLIC, "/citizen/sign-in", "the sign-in page"),
			Rule.of(Access.PUBLIC, HttpMethod.POST, "/citizen/sign-in/otp", "sends an OTP (rate-limited)"),
			Rule.of(Access.PUBLIC, HttpMethod.POST, "/citizen/sign-out", "clears the session cookie"),
			Rule.of(Access.PUBLIC, HttpMethod.POST, "/api/v1/citizen/otp", "sends an OTP (rate-limited)"),
			Rule.of(Access.PUBLIC, "/api/v1/citizen/session", "OTP for a session token; DELETE signs out"),
			Rule.of(Access.CITIZEN, "/citizen/**", "My applications"),
			Rule.of(Access.CITIZEN, HttpMethod.GET, "/api/v1/citizen/applications", "the number's applications"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/applications/{applicationNo}/receipt.pdf",
					"the owner, or a portal with the signed receipt link (checked in the controller)"),
			Rule.of(Access.CITIZEN, "/applications/{applicationNo}", "the status page: owner only"),
			Rule.of(Access.CITIZEN, "/applications/{applicationNo}/**", "form, documents, payment, appeal: owner only"),
			Rule.of(Access.CITIZEN, HttpMethod.POST, "/api/v1/applications", "a signed-in citizen applies"),
			Rule.of(Access.CITIZEN, "/api/v1/applications/{applicationNo}", "owner only"),
			Rule.of(Access.CITIZEN, "/api/v1/applications/{applicationNo}/**", "owner only"),
			// Public pages and signed links.
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/", "the list of services"),
			Rule.of(Access.PUBLIC, "/apply/**", "a new application; the creating browser gets its grant"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/track", "service, status in words and dates only (rate-limited)"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/verify/**", "certificate verification (rate-limited)"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/certificates/**", "certificate PDF by signed link"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/documents/*", "a document by signed, expiring link"),
			Rule.of(Access.PUBLIC, "/notifications/email/opt-out", "e-mail opt-out by signed link"),
			Rule.of(Access.PUBLIC, HttpMethod.POST, "/api/v1/notifications/email/opt-out", "e-mail opt-out by signed link"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/api/v1/services", "the service catalog"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/api/v1/services/**", "the service catalog"),
			Rule.of(Access.PUBLIC, "/error", "Spring's error page"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/css/**", "static resources"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/js/**", "static resources"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/fonts/**", "static resources"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/webjars/**", "static resources"),
			Rule.of(Access.PUBLIC, HttpMethod.GET, "/favicon.ico", "static resources"));

	private AccessRules() {
	}

}
