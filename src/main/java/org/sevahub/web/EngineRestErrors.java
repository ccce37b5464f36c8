package org.sevahub.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.sevahub.workflow.DecisionRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * How the engine's REST API answers what goes wrong, at both of its addresses: {@code /engine-rest} and the
 * webapps' own {@code /camunda/api/engine}, which Tasklist calls (served by Camunda's {@code EngineRestApplication}
 * in a Jersey servlet of its own, which Spring Boot's Jersey customizers never see); and the webapps' other APIs
 * beside it (Cockpit's, Admin's and Tasklist's plugins, {@code /camunda/api/cockpit} and so on), whose resources
 * throw the same engine exceptions and whose Camunda handlers answered them the same way. Answers are in Camunda's shape
 * ({@code type}, {@code message}, {@code code}), where Camunda's own handlers answer the caller's mistakes with a 500 or put Java in the message:
 * <ul>
 * <li>an officer's refused decision (a task listener's {@link DecisionRefusedException}): 400 with its sentence;</li>
 * <li>a value the database cannot keep (too long for its column, a NUL): 400, without the SQL;</li>
 * <li>a missing or unknown id ({@code NullValueException}, "task is null") and a query the engine calls invalid
 * ("Invalid query usage"): 400 with Camunda's sentence;</li>
 * <li>a body Jackson cannot read as the call's type: 400 without the DTO's class name (Camunda answers text);</li>
 * <li>a variable sent as a serialized Java object, which the engine refuses (ENGINE-17007): 400;</li>
 * <li>any other server error: 500 whose message names no class and no SQL; the log keeps the whole of it.</li>
 * </ul>
 * Everything else keeps Camunda's status and message. Every answer is logged here, as its status says
 * ({@link #answered}): the engine itself logs no command's exception.
 */
@Component
class EngineRestErrors
		implements ResourceConfigCustomizer, WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

	/** A Java class or package name, an exception's name or SQL: what an answer must not carry. */
	private static final Pattern INTERNALS = Pattern.compile(
			"\\b(org|java|javax|jakarta|com)\\.[a-z]|[A-Za-z]+(Exception|Error)\\b|\\bSQL\\b|\\b(INSERT|UPDATE|SELECT|DELETE) ");

	/** Camunda's code for a variable sent as a serialized Java object, which the engine is set to refuse. */
	private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

	/**
	 * The servlets Camunda's webapp starter registers for {@code /camunda/api/engine/*}, {@code /camunda/api/cockpit/*}
	 * and the rest (CamundaBpmWebappInitializer).
	 */
	static final List<String> WEBAPP_APIS = List.of("Engine Api", "Cockpit Api", "Admin Api", "Tasklist Api",
			"Welcome Api");

	/** The mappers every one of these APIs answers through. */
	static final List<Class<?>> MAPPERS = List.of(RestExceptions.class, EngineExceptions.class, UnmappableBodies.class,
			UnparsableBodies.class, Everything.class);

	/** {@code /engine-rest}: Spring Boot's Jersey application. */
	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		if (config instanceof CamundaJerseyResourceConfig) {
			MAPPERS.forEach(config::register);
		}
	}

	/**
	 * {@code /camunda/api/*}: Jersey adds the classes named in a servlet's {@code provider.classnames} to the
	 * servlet's application. The web server factory's own initializers run after the initializer beans, Camunda's
	 * among them, so the servlet is registered by then (Tasklist answered a refused decision with a 500 naming
	 * Java classes, TasklistCallsTest).
	 */
	@Override
	public void customize(ConfigurableServletWebServerFactory factory) {
		String mappers = MAPPERS.stream().map(Class::getName).collect(Collectors.joining(","));
		factory.addInitializers(context -> WEBAPP_APIS.stream()
			.map(context::getServletRegistration)
			.filter(Objects::nonNull)
			.forEach(api -> api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, mappers)));
	}

	/**
	 * The engine logs no command's exception itself ({@code enableCmdExceptionLogging: false}): the answer decides.
	 * A 4xx is the caller's mistake, one INFO line; anything else is a fault of the server's, ERROR with its trace.
	 */
	static Response answered(Throwable thrown, HttpServletRequest request) {
		Response answer = answer(thrown);
		String call = request == null ? "call" : request.getMethod() + " " + request.getRequestURI();
		if (answer.getStatus() >= 500) {
			log.error("Engine REST {} answered {}", call, answer.getStatus(), thrown);
		}
		else {
			String said = said(answer);
			String why = oneLine(NestedExceptionUtils.getMostSpecificCause(thrown).getMessage());
			log.info("Engine REST {} answered {}: {}{}", call, answer.getStatus(), said,
					why.isEmpty() || said.contains(why) ? "" : " (" + why + ")");
		}
		return answer;
	}

	static Response answer(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof DecisionRefusedException refused) {
				return answer(400, "DecisionRefused", refused.getMessage(), 0);
			}
			if (cause instanceof DataIntegrityViolationException || cause instanceof SQLException) {
				return answer(400, "InvalidRequestException",
						"A value is too long or has characters that cannot be kept: check the values sent", 0);
			}
			if (cause instanceof JsonProcessingException) {
				return answer(400, "InvalidRequestException", "The body is not what this call takes", 0);
			}
		}
		// Camunda's status and body without ExceptionHandlerHelper.getResponse, which logs a 5xx as WARN itself.
		ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
		int status = camunda.getStatus(thrown).getStatusCode();
		ExceptionDto dto = camunda.fromException(thrown);
		String message = dto.getMessage() == null ? "" : dto.getMessage();
		if (status >= 500 && (thrown instanceof NullValueException || thrown.getCause() instanceof NullValueException
				|| message.startsWith("Invalid query usage"))) {
			status = 400;
		}
		if (status >= 500 && message.contains(JAVA_SERIALIZATION_PROHIBITED)) {
			// The engine refuses serialized Java objects by configuration; the caller sent one, the server is fine.
			return answer(400, "InvalidRequestException",
					"A variable cannot be a serialized Java object: send JSON, XML or a plain value", 0);
		}
		if (INTERNALS.matcher(message).find()) {
			// The log keeps Camunda's own message: the exception's, which answered() writes.
			dto.setMessage(status >= 500 ? "The engine could not do this; the administrators can find why in the log"
					: "The request could not be carried out as sent");
		}
		// Camunda's own answer, its details kept (a deployment's parse errors element by element).
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
	}

	private static String said(Response answer) {
		Object entity = answer.getEntity();
		if (entity instanceof ExceptionDto dto) {
			return oneLine(dto.getMessage());
		}
		return entity instanceof Map<?, ?> body ? oneLine(String.valueOf(body.get("message"))) : "";
	}

	/** PostgreSQL's messages carry their detail on lines of their own. */
	private static String oneLine(String text) {
		return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	private static Response answer(int status, String type, String message, Integer code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		body.put("code", code == null ? 0 : code);
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	// One mapper per type Camunda maps, each of a higher priority than Camunda's own for the same type.

	/** Jersey injects a proxy to the current request: the mappers are singletons. */
	abstract static class Mapper<T extends Throwable> implements ExceptionMapper<T> {

		@Context
		HttpServletRequest request;

		@Override
		public Response toResponse(T exception) {
			return answered(exception, request);
		}

	}

	@Priority(1)
	static class RestExceptions extends Mapper<RestException> {

	}

	@Priority(1)
	static class EngineExceptions extends Mapper<ProcessEngineException> {

	}

	@Priority(1)
	static class UnmappableBodies extends Mapper<JsonMappingException> {

	}

	@Priority(1)
	static class UnparsableBodies extends Mapper<JsonParseException> {

	}

	@Priority(1)
	static class Everything extends Mapper<Throwable> {

	}

}
