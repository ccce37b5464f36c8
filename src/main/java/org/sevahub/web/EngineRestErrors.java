package org.sevahub.web;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.sevahub.workflow.DecisionRefusedException;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine wraps anything a task listener throws into a server error; an officer's refused decision is the
 * client's mistake, so {@code /engine-rest} answers it with 400 and the guard's own sentence. Everything else
 * keeps Camunda's handling.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		if (config instanceof CamundaJerseyResourceConfig) {
			config.register(DecisionRefusedMapper.class);
		}
	}

	@Priority(1)
	static class DecisionRefusedMapper implements ExceptionMapper<RestException> {

		private final RestExceptionHandler camunda = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				if (cause instanceof DecisionRefusedException refused) {
					return Response.status(Response.Status.BAD_REQUEST)
						.type(MediaType.APPLICATION_JSON_TYPE)
						.entity(Map.of("type", "DecisionRefused", "message", refused.getMessage(), "code", 0))
						.build();
				}
			}
			return camunda.toResponse(exception);
		}

	}

}
