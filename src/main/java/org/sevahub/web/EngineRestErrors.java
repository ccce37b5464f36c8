package org.sevahub.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * How the engine's REST API answers what goes wrong, at both of its addresses: {@code /engine-rest} and the
 * webapps' own {@code /camunda/api/engine}, which Tasklist calls (served by Camunda's {@code EngineRestApplication}
 * in a Jersey servlet of its own, which Spring Boot's Jersey customizers never see). Answers are in Camunda's shape
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
 * Everything else keeps Camunda's status and message.
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

	/** The servlet Camunda's webapp starter registers for {@code /camunda/api/engine/*} (CamundaBpmWebappInitializer). */
	static final String WEBAPP_ENGINE_API = "Engine Api";

	/** The mappers both addresses answer through. */
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
	 * {@code /camunda/api/engine}: Jersey adds the classes named in its servlet's {@code provider.classnames} to the
	 * servlet's application. The web server factory's own initializers run after the initializer beans, Camunda's
	 * among them, so the servlet is registered by then (Tasklist answered a refused decision with a 500 naming
	 * Java classes, TasklistCallsTest).
	 */
	@Override
	public void customize(ConfigurableServletWebServerFactory factory) {
		factory.addInitializers(context -> {
			ServletRegistration engineApi = context.getServletRegistration(WEBAPP_ENGINE_API);
			if (engineApi != null) {
				engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
						MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
			}
		});
	}

	static Response answer(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof DecisionRefusedException refused) {
				// The caller's mistake, answered to them; one line is enough here (no ERROR: RefusedDecisionsAreNoErrors).
				log.info("A decision refused, answered 400: {}", refused.getMessage());
				return answer(400, "DecisionRefused", refused.getMessage(), 0);
			}
			if (cause instanceof DataIntegrityViolationException || cause instanceof SQLException) {
				log.warn("A value the database could not keep, answered 400", thrown);
				return answer(400, "InvalidRequestException",
						"A value is too long or has characters that cannot be kept: check the values sent", 0);
			}
			if (cause instanceof JsonProcessingException) {
				return answer(400, "InvalidRequestException", "The body is not what this call takes", 0);
			}
		}
		Response camunda = ExceptionHandlerHelper.getInstance().getResponse(thrown);
		if (!(camunda.getEntity() instanceof ExceptionDto dto)) {
			return camunda;
		}
		int status = camunda.getStatus();
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
			log.warn("Engine REST answer {} with its message replaced: {}", status, message);
			dto.setMessage(status >= 500 ? "The engine could not do this; the administrators can find why in the log"
					: "The request could not be carried out as sent");
		}
		// Camunda's own answer, its details kept (a deployment's parse errors element by element).
		return status == camunda.getStatus() ? camunda
				: Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
	}

	private static Response answer(int status, String type, String message, Integer code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		body.put("code", code == null ? 0 : code);
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	// One mapper per type Camunda maps, each of a higher priority than Camunda's own for the same type.

	@Priority(1)
	static class RestExceptions implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception);
		}

	}

	@Priority(1)
	static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return answer(exception);
		}

	}

	@Priority(1)
	static class UnmappableBodies implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return answer(exception);
		}

	}

	@Priority(1)
	static class UnparsableBodies implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return answer(exception);
		}

	}

	@Priority(1)
	static class Everything implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable exception) {
			return answer(exception);
		}

	}

}
