package org.sevahub.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.ApplicationRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Deliver to the citizen": announces {@link ServiceDelivered}, on which the citizen is told (by SMS under a
 * registered DLT template, and by e-mail, in their language, through the outbox) that the certificate is ready
 * and where to get it. The portals hear of the delivery through the DELIVERED status that follows.
 */
@Component("deliverService")
@ProcessApi(callsOutside = true)
class DeliverServiceDelegate implements JavaDelegate {

	private final ApplicationRepository applications;

	private final ApplicationEventPublisher publisher;

	DeliverServiceDelegate(ApplicationRepository applications, ApplicationEventPublisher publisher) {
		this.applications = applications;
		this.publisher = publisher;
	}

	@Override
	public void execute(DelegateExecution execution) {
		publisher.publishEvent(new ServiceDelivered(execution,
				applications.findByNo(execution.getProcessBusinessKey()).orElseThrow()));
	}

}
