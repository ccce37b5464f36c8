package org.sevahub.platform.logging;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The engine logs no command's exception itself ({@code enableCmdExceptionLogging: false}, application.yml): the
 * caller logs what it makes of it. For a job the engine is its own caller: the job executor logs every failed
 * attempt as a WARN with its trace (ENGINE-14006), a retry to come being no page. The attempt that leaves the job
 * no retries raises an incident, which only an administrator clears: that one is an ERROR with its exception, once
 * the incident is committed.
 */
@Component
class FailedJobsAreErrors extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(FailedJobsAreErrors.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		FailedJobCommandFactory engines = configuration.getFailedJobCommandFactory();
		configuration.setFailedJobCommandFactory((jobId, failure) -> {
			Command<Object> retries = engines.getCommand(jobId, failure);
			return context -> {
				Object done = retries.execute(context);
				JobEntity job = context.getJobManager().findJobById(jobId);
				if (job != null && job.getRetries() == 0) {
					String activity = job.getActivityId();
					String instance = job.getProcessInstanceId();
					context.getTransactionContext()
						.addTransactionListener(TransactionState.COMMITTED,
								committed -> log.error("Job {} at {} of process instance {} failed with no retries left; "
										+ "an incident is raised", jobId, activity, instance, failure));
				}
				return done;
			};
		});
	}

}
