package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.FeeRefund;
import org.sevahub.application.Lifecycle.Variables;

import org.springframework.stereotype.Component;

/**
 * Compensation of the citizen's submission: records the refund owed against the payment reference, for the accounts
 * section to pay back through the gateway that collected it, with the amount, the reference and the citizen's reason
 * for withdrawing kept beside the English detail. A service without a fee, or an application submitted without
 * paying, owes nothing.
 */
@Component("refundFee")
@ProcessApi
class RefundFeeDelegate implements JavaDelegate {

	static final String FEE_REFUND_DUE = "FEE_REFUND_DUE";

	private final ApplicationRepository applications;

	private final ApplicationEvents events;

	RefundFeeDelegate(ApplicationRepository applications, ApplicationEvents events) {
		this.applications = applications;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object reference = execution.getVariable(Variables.PAYMENT_REFERENCE);
		if (reference == null) {
			return;
		}
		Application app = applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
		Object amount = execution.getVariable(Variables.FEE_AMOUNT);
		events.record(app.id(), FEE_REFUND_DUE, "Refund " + amount + " paid under reference " + reference,
				FeeRefund.withdrawn(amount == null ? null : amount.toString(), reference.toString(),
						RevokeCertificateDelegate.citizens(execution.getVariable(Variables.REMARKS))));
	}

}
