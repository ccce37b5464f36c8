package org.sevahub.workflow;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.form.Aadhaar;

import org.springframework.stereotype.Component;

/**
 * Checks an officer's decision when a task completes. The BPMN names the decisions each task allows
 * ({@code ${decisions.require(task, 'forward,clarify')}} on complete); anything else is refused, and a
 * rejection or a clarification must say why. {@code EngineRestErrors} turns the refusal into a 400 on the
 * engine's REST API. A decision that passes keeps no Aadhaar number in its remarks: they are stored, shown to the
 * citizen and sent to every linked portal, and an officer may well note the number seen on a card.
 */
@Component("decisions")
@ProcessApi
public class DecisionGuard {

	public static final List<String> KNOWN = List.of("approve", "reject", "clarify", "forward");

	/** On create: a decision left over from an earlier task must not complete this one. */
	public void reset(DelegateTask task) {
		task.getExecution().removeVariable(Variables.DECISION);
		task.getExecution().removeVariable(Variables.REMARKS);
	}

	public void require(DelegateTask task, String allowed) {
		List<String> choices = Arrays.stream(allowed.split(",")).map(String::strip).toList();
		Object decision = task.getVariable(Variables.DECISION);
		if (decision == null || !choices.contains(decision.toString())) {
			throw new DecisionRefusedException(
					"Unknown decision '" + decision + "' for task '" + task.getName() + "': expected one of "
							+ String.join(", ", choices));
		}
		Object remarks = task.getVariable(Variables.REMARKS);
		boolean needsReason = "reject".equals(decision) || "clarify".equals(decision);
		if (needsReason && (remarks == null || remarks.toString().isBlank())) {
			throw new DecisionRefusedException(
					"A decision to " + decision + " must give the citizen its reasons in 'remarks'");
		}
		if (remarks instanceof String text && text.length() > StatusHistoryEntry.REMARKS_LENGTH) {
			// Refused before the status history's insert fails: that aborts PostgreSQL's transaction, and Camunda,
			// looking in it for a BPMN error handler, logged an ERROR of its own (ENGINE-02035).
			throw new DecisionRefusedException("The remarks are too long: at most "
					+ StatusHistoryEntry.REMARKS_LENGTH + " characters");
		}
		if (remarks instanceof String text && !text.equals(Aadhaar.maskedIn(text))) {
			// Set where the completion put it, so the engine's runtime and history rows keep the masked text only.
			task.setVariable(Variables.REMARKS, Aadhaar.maskedIn(text));
		}
	}

}
