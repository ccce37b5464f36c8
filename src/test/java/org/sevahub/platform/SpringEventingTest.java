package org.sevahub.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.spring.boot.starter.event.ExecutionEvent;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.ProcessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Of Camunda's Spring eventing only the task stream is on: officers' task briefs and documents are built from its
 * events, while execution and history events had no listener and cost a published event per activity, per flow
 * taken and per history row.
 */
@RecordApplicationEvents
class SpringEventingTest extends ProcessTestSupport {

	@Autowired
	ApplicationEvents events;

	@Test
	void onlyTaskEventsReachSpring() {
		driver.startAndSubmit("BIRTH-CERT");

		assertThat(events.stream(DelegateTask.class)).isNotEmpty();
		assertThat(events.stream(DelegateExecution.class)).isEmpty();
		assertThat(events.stream(ExecutionEvent.class)).isEmpty();
		assertThat(events.stream(HistoryEvent.class)).isEmpty();
	}

}
