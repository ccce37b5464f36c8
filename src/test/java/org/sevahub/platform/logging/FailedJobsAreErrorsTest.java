package org.sevahub.platform.logging;

import java.util.List;
import java.util.NoSuchElementException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.CapturedLogs;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A genuine fault still pages: the "Issue certificate" step of an approved application whose process names an
 * application that is not there (its delegate's look-up fails) fails on every attempt, and the attempt that
 * leaves it no retries raises an incident and is one ERROR with the delegate's exception. The attempts before it
 * are no ERROR: retries to come are the engine's business.
 */
@SevaHubTest
class FailedJobsAreErrorsTest {

	@Autowired
	ProcessDriver driver;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Test
	void aJobOutOfRetriesIsAnErrorWithItsTraceAndAnIncident() {
		Application app = driver.startAndSubmit("BIRTH-CERT");
		driver.decide(app, "Task_VerifyApplication", "forward", null);
		driver.decide(app, "Task_Decide", "approve", null);
		Job issue = management.createJobQuery()
			.processInstanceId(app.processInstanceId())
			.activityId("Task_Issue")
			.singleResult();
		renameTo("NO-SUCH-APPLICATION", app);
		try {
			List<ILoggingEvent> errorsBeforeTheLast;
			List<ILoggingEvent> errors;
			try (CapturedLogs log = new CapturedLogs()) {
				while (retriesOf(issue) > 1) {
					assertThat(catchThrowable(() -> management.executeJob(issue.getId())))
						.isInstanceOf(NoSuchElementException.class);
				}
				errorsBeforeTheLast = log.atLeast(Level.ERROR);
				assertThat(catchThrowable(() -> management.executeJob(issue.getId())))
					.isInstanceOf(NoSuchElementException.class);
				errors = log.atLeast(Level.ERROR);
			}

			assertThat(errorsBeforeTheLast).as("a failed attempt with retries left").isEmpty();
			assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getLoggerName()).isEqualTo(FailedJobsAreErrors.class.getName());
				assertThat(error.getFormattedMessage()).contains(issue.getId(), "Task_Issue", "no retries left");
				assertThat(error.getThrowableProxy()).as("the delegate's exception").isNotNull();
				assertThat(error.getThrowableProxy().getClassName()).isEqualTo(NoSuchElementException.class.getName());
			});
			assertThat(runtime.createIncidentQuery().configuration(issue.getId()).list()).singleElement()
				.extracting(Incident::getIncidentType)
				.isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		}
		finally {
			runtime.deleteProcessInstance(app.processInstanceId(), "FailedJobsAreErrorsTest");
		}
	}

	/** RuntimeService cannot change a business key; a process can (DelegateExecution#setProcessBusinessKey). */
	private void renameTo(String businessKey, Application app) {
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				context.getExecutionManager().findExecutionById(app.processInstanceId()).setProcessBusinessKey(businessKey);
				return null;
			});
	}

	private int retriesOf(Job job) {
		return management.createJobQuery().jobId(job.getId()).singleResult().getRetries();
	}

}
