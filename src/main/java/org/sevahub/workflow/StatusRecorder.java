package org.sevahub.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.StatusHistory;
import org.sevahub.application.StatusHistoryEntry;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.delivery.DeliveryOutbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place a status is recorded. The BPMN declares each status on the element where the token passes, as
 * its extension property {@code status} (Modeler's "Record status" template), with the listener
 * {@code ${statusRecorder.record(execution)}} on the element's start; this writes the history row and queues one
 * delivery per linked portal, in the engine's transaction, then publishes {@link StatusRecorded} in that
 * transaction (the citizen's notifications listen to it).
 */
@Component("statusRecorder")
@ProcessApi
public class StatusRecorder {

	/** The extension property of a BPMN element that declares the status reached there. */
	public static final String STATUS_PROPERTY = "status";

	private final ApplicationRepository applications;

	private final StatusHistory history;

	private final ServiceCatalog catalog;

	private final DeliveryOutbox outbox;

	private final IdentityService identity;

	private final ApplicationEventPublisher publisher;

	StatusRecorder(ApplicationRepository applications, StatusHistory history, ServiceCatalog catalog,
			DeliveryOutbox outbox, IdentityService identity, ApplicationEventPublisher publisher) {
		this.applications = applications;
		this.history = history;
		this.catalog = catalog;
		this.outbox = outbox;
		this.identity = identity;
		this.publisher = publisher;
	}

	/** Records the status the current element declares in its {@value #STATUS_PROPERTY} property. */
	public void record(DelegateExecution execution) {
		record(execution, declaredStatus(execution));
	}

	public void record(DelegateExecution execution, String status) {
		String applicationNo = execution.getProcessBusinessKey();
		Application app = applications.findByNo(applicationNo)
			.orElseThrow(() -> new IllegalStateException("Process " + execution.getProcessInstanceId()
					+ " has business key " + applicationNo + ", which is no application"));
		// The remarks of the decision that led here belong to this status only.
		Object remarks = execution.getVariable(Variables.REMARKS);
		if (remarks != null) {
			execution.removeVariable(Variables.REMARKS);
		}
		Application updated = applications.updateStatus(app.id(), status);
		StatusHistoryEntry entry = history.append(new StatusHistoryEntry(null, app.id(), status,
				execution.getCurrentActivityName(), DrawnIn.processKey(execution.getBpmnModelElementInstance()),
				execution.getCurrentActivityId(), remarks == null ? null : remarks.toString(), actor(execution),
				EngineClock.now()));
		// The status lives in the application's row alone. Processes started before this release still carry it as
		// a variable, which would go stale: it goes at their next status (a no-op where there is none).
		execution.removeVariable(Variables.FORMER_STATUS);
		ServiceDefinition service = catalog.get(updated.serviceCode());
		outbox.statusChanged(updated, service, entry, applicationProcess(execution));
		publisher.publishEvent(new StatusRecorded(execution, updated, service, entry));
	}

	private static String declaredStatus(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		if (element != null && element.getExtensionElements() != null) {
			for (CamundaProperties properties : element.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaProperties.class)
				.list()) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (STATUS_PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
						return property.getCamundaValue().strip();
					}
				}
			}
		}
		throw new IllegalStateException("Element " + execution.getCurrentActivityId() + " of "
				+ execution.getProcessDefinitionId() + " records a status but declares none in its '"
				+ STATUS_PROPERTY + "' property");
	}

	/**
	 * The application's own process (the top of a chain of called blocks): a delivery that cannot be made hangs its
	 * incident there, because a block that recorded the status may long have ended.
	 */
	private static String applicationProcess(DelegateExecution execution) {
		DelegateExecution top = execution;
		while (top.getSuperExecution() != null) {
			top = top.getSuperExecution();
		}
		return top.getProcessInstanceId();
	}

	/** The officer signed in to the engine, else who the caller said acted, else the system itself. */
	private String actor(DelegateExecution execution) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		Object actor = execution.getVariable(ApplicationService.ACTOR);
		return actor != null ? actor.toString() : "system";
	}

}
