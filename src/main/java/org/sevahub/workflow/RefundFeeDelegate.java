package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.Lifecycle.Variables;

import org.springframework.stereotype.Component;

/**
 * Compensation of "Collect fee": records the refund owed against the payment reference, for the accounts
 * section to pay back through the gateway that collected it.
 */
@Component("refundFee")
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
		Application app = applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
		events.record(app.id(), FEE_REFUND_DUE, "Refund " + execution.getVariable(Variables.FEE_AMOUNT)
				+ " paid under reference " + execution.getVariable(Variables.PAYMENT_REFERENCE));
	}

}
