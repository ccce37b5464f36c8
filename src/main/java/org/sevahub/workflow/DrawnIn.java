package org.sevahub.workflow;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Where a BPMN element is drawn: the process whose texts and statuses are its own. */
public final class DrawnIn {

	private DrawnIn() {
	}

	/**
	 * The key of the process the element is drawn in: a called block's own, not its caller's, so a shared block's
	 * task or status is named by the block ({@code stage.verification.Task_VerifyApplication}). Read from the model,
	 * not the repository, which would check the caller's authorizations on every task an officer's completion opens.
	 */
	public static String processKey(ModelElementInstance element) {
		ModelElementInstance scope = element;
		while (scope != null && !(scope instanceof Process)) {
			scope = scope.getParentElement();
		}
		return scope == null ? null : ((Process) scope).getId();
	}

}
