package org.sevahub.platform.doors;

import jakarta.servlet.RequestDispatcher;

import ch.qos.logback.classic.Level;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.CapturedLogs;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The engine no longer logs a command's exception itself, so an engine exception that escapes a SevaHub controller
 * is logged where the servlet container sends it, {@code /error}: an ERROR with its trace. The request is the
 * container's forward (MockMvc does not forward); no controller fails on purpose.
 */
@SevaHubTest
class UnforeseenFaultsAreErrorsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anEngineExceptionNoAdviceAnsweredIsAnErrorWithItsTrace() throws Exception {
		ProcessEngineException fault = new ProcessEngineException("the engine could not correlate the message");
		try (CapturedLogs log = new CapturedLogs()) {
			mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/applications/X/withdrawal")
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, fault)).andExpect(status().isInternalServerError());
			assertThat(log.atLeast(Level.ERROR)).singleElement().satisfies(error -> {
				assertThat(error.getFormattedMessage()).contains("/api/v1/applications/X/withdrawal");
				assertThat(error.getThrowableProxy()).as("the stack trace").isNotNull();
				assertThat(error.getThrowableProxy().getMessage()).isEqualTo(fault.getMessage());
			});
		}
	}

}
