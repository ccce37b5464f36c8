package org.sevahub.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's history is kept as long as the catalog says and no longer: an application that ended gets its
 * time-to-live from its service's {@code history-retention-days}, the nightly cleanup is scheduled in its window,
 * and once the clock has passed its end plus that time the cleanup takes the process's history away while SevaHub's
 * own status history stays, and an application still running keeps all of its.
 */
class HistoryCleanupTest extends ProcessTestSupport {

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Test
	void everyProcessTakesItsTimeToLiveFromTheCatalog() {
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("certificate-issuance").list())
			.extracting(d -> d.getHistoryTimeToLive())
			.containsOnly(1095);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("welfare-scheme").list())
			.extracting(d -> d.getHistoryTimeToLive())
			.containsOnly(2555);
		// Called by any service: the longest of them.
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("rts-appeal").list())
			.extracting(d -> d.getHistoryTimeToLive())
			.containsOnly(2555);
	}

	@Test
	void theNightlyCleanupIsScheduledInsideItsWindow() {
		List<Job> cleanups = history.findHistoryCleanupJobs();
		assertThat(cleanups).isNotEmpty();
		for (Job job : cleanups) {
			int hour = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour();
			assertThat(hour).as("due %s", job.getDuedate()).isBetween(1, 4);
		}
	}

	@Test
	void anExpiredApplicationsProcessHistoryIsRemovedAndARunningOnesIsKept() {
		Application done = driver.delivered("BIRTH-CERT");
		Application running = driver.startAndSubmit("BIRTH-CERT");

		HistoricProcessInstance ended = historic(done);
		assertThat(ended.getEndTime()).as("the application's process has ended").isNotNull();
		assertThat(ended.getRemovalTime()).as("cleanup by end time stamps no removal date on history rows").isNull();
		Instant endedAt = ended.getEndTime().toInstant();

		ClockUtil.setCurrentTime(Date.from(endedAt.plus(Duration.ofDays(1094))));
		cleanUp();
		assertThat(historic(done)).as("a day before its time-to-live has passed").isNotNull();

		ClockUtil.setCurrentTime(Date.from(endedAt.plus(Duration.ofDays(1095)).plus(Duration.ofHours(1))));
		cleanUp();

		assertThat(historic(done)).isNull();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(done.processInstanceId()).count())
			.isZero();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(done.processInstanceId()).count())
			.isZero();
		assertThat(driver.statuses(done)).as("SevaHub's own record stays").endsWith("DELIVERED");
		assertThat(historic(running)).isNotNull();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(running.processInstanceId()).count())
			.isPositive();
	}

	private HistoricProcessInstance historic(Application app) {
		return history.createHistoricProcessInstanceQuery().processInstanceId(app.processInstanceId()).singleResult();
	}

	/** What the job executor does in the window: run the cleanup job until it has nothing left to remove now. */
	private void cleanUp() {
		Job job = history.cleanUpHistoryAsync(true);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		for (int round = 0; round < 20 && job != null && !job.getDuedate().toInstant().isAfter(now); round++) {
			management.executeJob(job.getId());
			job = management.createJobQuery().jobId(job.getId()).singleResult();
		}
	}

}
