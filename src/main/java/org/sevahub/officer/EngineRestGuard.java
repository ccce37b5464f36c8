package org.sevahub.officer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.sevahub.application.form.FormField;
import org.sevahub.document.DocumentAccess;
import org.sevahub.platform.doors.BodyBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an officer may do through the engine's REST API, {@code /engine-rest} and Tasklist's
 * {@code /camunda/api/engine}, beyond what Camunda's authorizations allow (docs/security.md):
 * <ul>
 * <li>completing a task sets only the editable fields of the task's form ({@link TaskFormFields}), each a plain
 * value that fits its field ({@link CompletionVariables}); anything else is refused with 400, in Camunda's error
 * shape, before the engine sees it;</li>
 * <li>the only other writes are the task's own (claim, assignee, comments…), and a task goes only to an officer of
 * its own candidate groups ({@link TaskHandOvers}); variables, instances, jobs, messages and deployments are the
 * administrators' ({@code camunda-admin});</li>
 * <li>an instance, its variables and its executions are read only by officers whose groups hold, or held, one of
 * its tasks ({@link InstanceReaders}), and queries over instances' runtime data must name such instances; so are
 * its jobs, incidents, external tasks and variables read by id ({@link RuntimeRecords});</li>
 * <li>stack traces, and statistics over every instance (Cockpit's view), are the administrators'.</li>
 * </ul>
 * Administrators pass untouched, but for the values of a task form's own fields. The check uses the user's groups and the tasks' candidate groups, so it holds
 * whether groups are posts or office-scoped posts ({@code designatedOfficer:WB-KOL}).
 */
@Configuration
class EngineRestGuard {

	private static final Pattern COMPLETE = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$");

	private static final Pattern TASK_WRITE = Pattern
		.compile("^/task/[^/]+(/(claim|unclaim|assignee|delegate|comment/create|identity-links|identity-links/delete|attachment/create))?$");

	private static final Pattern QUERY = Pattern.compile(
			"^/(task|filter/[^/]+/list|filter/[^/]+/count|task/count|process-instance|process-instance/count|"
					+ "history/[a-z-]+|history/[a-z-]+/count|variable-instance|variable-instance/count)$");

	private static final Pattern INSTANCE = Pattern.compile("^/(history/)?process-instance/([^/]+)(/.*)?$");

	private static final Pattern TASK_VARIABLES = Pattern.compile("^/task/([^/]+)/(variables|localVariables|form-variables)(/.*)?$");

	/**
	 * One record of instances' runtime data read by id, and what hangs under it ({@code /job/{id}},
	 * {@code /incident/{id}}, {@code /variable-instance/{id}/data}…): whose it is, {@link RuntimeRecords} tells.
	 */
	private static final Pattern RUNTIME_RECORD = Pattern
		.compile("^/(job|incident|external-task|execution|variable-instance)/([^/]+)(/.*)?$");

	/** Java stack traces of failed jobs and external tasks, live or in the history: the administrators'. */
	private static final Pattern STACK_TRACE = Pattern.compile("^/(job/[^/]+/stacktrace|external-task/[^/]+/errorDetails|"
			+ "history/job-log/[^/]+/stacktrace|history/external-task-log/[^/]+/error-details)$");

	/**
	 * Counts over every instance, Cockpit's view: per-activity instance counts of a process, the engine's metrics,
	 * task counts per group, the history's reports. Tasklist asks for none of them.
	 */
	private static final Pattern STATISTICS = Pattern.compile("^/(process-definition(/key/[^/]+(/tenant-id/[^/]+)?|/[^/]+)?"
			+ "/statistics|history/process-definition/[^/]+/statistics|metrics(/.*)?|task/report(/.*)?|"
			+ "history/[a-z-]+/report|history/process-definition/cleanable-process-instance-report(/count)?|"
			+ "history/(decision|case|batch)-definition/cleanable-[a-z-]+-report(/count)?)$");

	/** Queries over every instance's runtime data, which Camunda lets any officer read (READ_INSTANCE on all). */
	private static final Pattern INSTANCE_QUERY = Pattern.compile("^/(process-instance|execution|event-subscription|"
			+ "incident|job|external-task|variable-instance|history/variable-instance|history/detail)(/count)?$");

	private static final Pattern HAND_OVER = Pattern
		.compile("^/task/([^/]+)/(assignee|delegate|claim|identity-links|identity-links/delete)$");

	private static final Pattern TASK = Pattern.compile("^/task/([^/]+)$");

	private static final List<String> INSTANCE_ID_PARAMETERS = List.of("processInstanceId", "processInstanceIds",
			"processInstanceIdIn");

	private static final Pattern ENGINE_PREFIX = Pattern.compile("^/engine/[^/]+");

	private static final int MAX_BODY = 1024 * 1024;

	private static final String QUERY_REFUSED = "Officers query instances they hold a task of, by id: give processInstanceId,"
			+ " processInstanceIds or processInstanceIdIn";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> engineRestGuardFilter(IdentityService identity, TaskFormFields forms,
			InstanceReaders readers, TaskHandOvers handOvers, ObjectMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Guard(identity, forms, readers, handOvers, json));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("sevahub-engine-rest-guard");
		// After Camunda's authentication filter (101), which tells who calls /engine-rest.
		registration.setOrder(102);
		return registration;
	}

	/** The caller as Camunda knows them. */
	record Caller(String userId, List<String> groups) {

		boolean admin() {
			return groups.contains(Groups.CAMUNDA_ADMIN);
		}

	}

	static final class Guard extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(EngineRestGuard.class);

		private final IdentityService identity;

		private final TaskFormFields forms;

		private final InstanceReaders readers;

		private final TaskHandOvers handOvers;

		private final ObjectMapper json;

		Guard(IdentityService identity, TaskFormFields forms, InstanceReaders readers, TaskHandOvers handOvers,
				ObjectMapper json) {
			this.identity = identity;
			this.forms = forms;
			this.readers = readers;
			this.handOvers = handOvers;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Optional<Caller> caller = caller(request);
			if (caller.isEmpty()) {
				// Unauthenticated calls are Camunda's to refuse.
				chain.doFilter(request, response);
				return;
			}
			String path = resourcePath(request);
			String method = request.getMethod();
			Matcher complete = COMPLETE.matcher(path);
			if (caller.get().admin()) {
				// Administrators repair: they may set variables beyond the form, but a form's own field still takes only
				// what fits it, or an administrator's unknown checklist tick would be silently ignored.
				if (method.equals("POST") && complete.matches()) {
					byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
					if (!completionRefused(complete.group(1), body, true, request, response)) {
						chain.doFilter(new Replayed(request, body), response);
					}
					return;
				}
				chain.doFilter(request, response);
				return;
			}
			HttpServletRequest passed = request;
			if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
				byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
				passed = new Replayed(request, body);
				if (method.equals("POST") && complete.matches()) {
					if (completionRefused(complete.group(1), body, false, request, response)) {
						return;
					}
				}
				else if (body.length > MAX_BODY) {
					error(request, response, 413, "InvalidRequestException", "The request body is too large");
					return;
				}
				else if (!(method.equals("PUT") && TASK_WRITE.matcher(path).matches())
						&& !(method.equals("POST") && (TASK_WRITE.matcher(path).matches() || QUERY.matcher(path).matches()))) {
					error(request, response, 403, "AuthorizationException",
							"Officers complete and manage their tasks; other changes are for administrators");
					return;
				}
				if (!handsOverWithinTheOffice(method, path, body)) {
					error(request, response, 403, "AuthorizationException", "A task goes only to an officer of its own posts and"
							+ " office; moving an application to another office is an administrator's transfer");
					return;
				}
				if (method.equals("POST") && INSTANCE_QUERY.matcher(path).matches()
						&& !readers.mayRead(caller.get(), instanceIds(body, null))) {
					error(request, response, 403, "AuthorizationException", QUERY_REFUSED);
					return;
				}
			}
			else if (STACK_TRACE.matcher(path).matches()) {
				error(request, response, 403, "AuthorizationException", "Stack traces are for administrators");
				return;
			}
			else if (STATISTICS.matcher(path).matches()) {
				error(request, response, 403, "AuthorizationException",
						"Statistics over every office's applications are for administrators");
				return;
			}
			else if (INSTANCE_QUERY.matcher(path).matches() && !readers.mayRead(caller.get(), instanceIds(null, request))) {
				error(request, response, 403, "AuthorizationException", QUERY_REFUSED);
				return;
			}
			else if (!mayRead(caller.get(), path, request)) {
				error(request, response, 403, "AuthorizationException",
						"Only officers whose groups hold a task of this application may read it");
				return;
			}
			chain.doFilter(passed, response);
		}

		/** Answers and says true when a task's completion may not go to the engine. */
		private boolean completionRefused(String taskId, byte[] body, boolean otherVariablesAllowed,
				HttpServletRequest request, HttpServletResponse response) throws IOException {
			if (body.length > MAX_BODY) {
				error(request, response, 413, "InvalidRequestException", "The request body is too large");
				return true;
			}
			Optional<Map<String, FormField>> editable = forms.of(taskId);
			if (editable.isEmpty()) {
				error(request, response, 404, "InvalidRequestException", "There is no such task");
				return true;
			}
			Optional<JsonNode> completion = read(body);
			List<String> problems = completion.isEmpty() ? List.of("The body is not JSON")
					: CompletionVariables.problems(completion.get(), editable.get(), otherVariablesAllowed);
			if (!problems.isEmpty()) {
				error(request, response, 400, "InvalidRequestException", String.join("; ", problems));
				return true;
			}
			return false;
		}

		private boolean mayRead(Caller caller, String path, HttpServletRequest request) {
			Matcher instance = INSTANCE.matcher(path);
			if (instance.matches() && !instance.group(2).equals("count")) {
				return readers.mayRead(caller, List.of(instance.group(2)));
			}
			Matcher task = TASK_VARIABLES.matcher(path);
			if (task.matches()) {
				return readers.mayReadTask(caller, task.group(1));
			}
			Matcher record = RUNTIME_RECORD.matcher(path);
			if (record.matches() && !record.group(2).equals("count")) {
				return readers.mayReadRecord(caller, record.group(1), record.group(2));
			}
			return true;
		}

		/** The instances a query names; empty when it names none (then it would read them all). */
		private List<String> instanceIds(byte[] body, HttpServletRequest request) {
			List<String> ids = new ArrayList<>();
			if (request != null) {
				for (String name : INSTANCE_ID_PARAMETERS) {
					String value = request.getParameter(name);
					if (value != null) {
						ids.addAll(List.of(value.split(",")));
					}
				}
				return ids;
			}
			read(body).ifPresent(query -> {
				for (String name : INSTANCE_ID_PARAMETERS) {
					JsonNode named = query.path(name);
					if (named.isArray()) {
						named.forEach(id -> ids.add(id.asText()));
					}
					else if (named.isTextual()) {
						ids.addAll(List.of(named.asText().split(",")));
					}
				}
			});
			return ids;
		}

		/** Assigning, delegating, claiming for or adding a candidate: only within the task's own groups. */
		private boolean handsOverWithinTheOffice(String method, String path, byte[] body) {
			Matcher handOver = HAND_OVER.matcher(path);
			Matcher task = TASK.matcher(path);
			JsonNode request = read(body).orElse(json.nullNode());
			if (method.equals("POST") && handOver.matches()) {
				String taskId = handOver.group(1);
				String userId = text(request, "userId");
				String groupId = text(request, "groupId");
				return switch (handOver.group(2)) {
					// An office's post stays a candidate of its tasks.
					case "identity-links/delete" -> groupId == null;
					case "identity-links" -> (groupId == null || handOvers.isCandidateGroup(taskId, groupId))
							&& handOvers.mayGoTo(taskId, userId);
					default -> handOvers.mayGoTo(taskId, userId);
				};
			}
			if (method.equals("PUT") && task.matches()) {
				return handOvers.mayGoTo(task.group(1), text(request, "assignee"))
						&& handOvers.mayGoTo(task.group(1), text(request, "owner"));
			}
			return true;
		}

		private static String text(JsonNode node, String field) {
			JsonNode value = node.path(field);
			return value.isValueNode() && !value.isNull() ? value.asText() : null;
		}

		/**
		 * The body as JSON, a null node when there is none; empty when it is not JSON (where the guard lets such a body
		 * by, Camunda answers it).
		 */
		private Optional<JsonNode> read(byte[] body) {
			if (body == null || body.length == 0) {
				return Optional.of(json.nullNode());
			}
			try {
				return Optional.ofNullable(json.readTree(body));
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}

		private Optional<Caller> caller(HttpServletRequest request) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
				// The engine Camunda's authentication filter signed the caller in to: the one the REST API serves. Each
				// engine keeps its own sign-ins, and it need not be this context's engine where several run in one JVM
				// (the test suite's cached contexts): asking the injected identity service let every caller through
				// there (EngineRestGuardTest), so the look-up stays, class-path scan and all.
				ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
				Authentication current = (engine == null ? identity : engine.getIdentityService()).getCurrentAuthentication();
				return current == null || current.getUserId() == null ? Optional.empty()
						: Optional.of(new Caller(current.getUserId(),
								current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds())));
			}
			return DocumentAccess.signedIn(request).map(officer -> new Caller(officer.name(), officer.groups()));
		}

		/** The resource below the API's root, whichever of its addresses was used. */
		private static String resourcePath(HttpServletRequest request) {
			String uri = request.getRequestURI().substring(request.getContextPath().length());
			String path = uri.startsWith("/engine-rest") ? uri.substring("/engine-rest".length())
					: uri.substring("/camunda/api/engine".length());
			Matcher engine = ENGINE_PREFIX.matcher(path);
			return engine.lookingAt() ? path.substring(engine.end()) : path;
		}

		private void error(HttpServletRequest request, HttpServletResponse response, int status, String type,
				String message) throws IOException {
			// The caller's mistake, logged as the API's exception mappers log theirs (web/EngineRestErrors).
			log.info("Engine REST {} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status, message);
			response.setStatus(status);
			response.setContentType("application/json");
			json.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
		}

	}

	/** The request with its body read once by the guard and given again to Camunda. */
	static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BodyBytes(body);
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}

	}

}
