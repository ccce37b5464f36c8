package org.sevahub.delivery;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.sevahub.application.EngineClock;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Parked deliveries show in Cockpit as incidents of type {@value #TYPE} on the application's process instance.
 * Resolving one, from SevaHub's admin page or through the engine's API, puts the message back in the queue:
 * one path for both, so an incident never disappears while its message stays parked.
 */
@Component
class DeliveryIncidents extends AbstractProcessEnginePlugin implements IncidentHandler {

	static final String TYPE = "portalDelivery";

	private final IncidentHandler standard = new DefaultIncidentHandler(TYPE);

	private final DeliveryRepository deliveries;

	DeliveryIncidents(@Lazy DeliveryRepository deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomIncidentHandlers());
		handlers.add(this);
		configuration.setCustomIncidentHandlers(handlers);
	}

	@Override
	public String getIncidentHandlerType() {
		return TYPE;
	}

	@Override
	public Incident handleIncident(IncidentContext context, String message) {
		return standard.handleIncident(context, message);
	}

	/** The incident's configuration is the delivery's id. */
	@Override
	public void resolveIncident(IncidentContext context) {
		deliveries.requeue(Long.parseLong(context.getConfiguration()), EngineClock.now());
		standard.resolveIncident(context);
	}

	@Override
	public void deleteIncident(IncidentContext context) {
		standard.deleteIncident(context);
	}

}
