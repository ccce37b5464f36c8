package org.sevahub.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/** An officer's task completed with a decision its task does not allow, or without the reasons it needs. */
public class DecisionRefusedException extends ProcessEngineException {

	public DecisionRefusedException(String message) {
		super(message);
	}

}
