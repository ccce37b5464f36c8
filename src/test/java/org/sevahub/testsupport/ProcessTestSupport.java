package org.sevahub.testsupport;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationService;
import org.sevahub.certificate.CertificateRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * What every process test starts from: the engine for camunda-bpm-assert, the coverage listener (reports in
 * target/process-test-coverage/), and the engine's clock on a Monday morning in India, so working days are
 * easy to count (Tue 1, Wed 2, Thu 3). The clock is put back after each test.
 */
@SevaHubTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestSupport {

	protected static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected ProcessDriver driver;

	@Autowired
	protected ApplicationService applications;

	@Autowired
	protected ApplicationEvents events;

	@Autowired
	protected CertificateRepository certificates;

	@Autowired
	protected RuntimeService runtime;

	@BeforeEach
	void startOnAMondayMorning() {
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, IST).toInstant()));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

}
