package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.Application;

/**
 * The process reached "Deliver to the citizen": the certificate (or sanction order) is issued and the citizen is
 * to be told where to get it. Published synchronously in the engine's transaction.
 */
public record ServiceDelivered(DelegateExecution execution, Application application) {
}
