package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.Application;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.catalog.ServiceDefinition;

/**
 * A status was just recorded (by {@link StatusRecorder}). Published synchronously in the engine's transaction,
 * so a listener's writes (the citizen's notifications, say) commit or roll back with the status itself; the
 * execution is where the token is, for listeners that read what the process waits for next.
 */
public record StatusRecorded(DelegateExecution execution, Application application, ServiceDefinition service,
		StatusHistoryEntry entry) {
}
