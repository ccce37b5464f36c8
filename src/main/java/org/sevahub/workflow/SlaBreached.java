package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sevahub.application.Application;

/**
 * An officer let a statutory period run out (the disposal period, or an appeal's). Published synchronously in
 * the engine's transaction by {@link SlaClock#breached}.
 *
 * @param whose the post that missed it, as the process names it ("designated officer")
 */
public record SlaBreached(DelegateExecution execution, Application application, String whose) {
}
