package org.sevahub.platform;

import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How long the engine keeps a finished process's history comes from the catalog, not from the BPMN: a process
 * keeps it for the longest {@code history-retention-days} of the services that run it, and a process no service
 * names (an appeal, a called sub-process) or a decision table for the longest of all, since any service may call
 * it. New deployments get it as they are parsed (on any node, whatever an analyst typed in the Modeler); those
 * deployed before get it at start. Camunda's history cleanup then removes an instance's history that many days
 * after it ended (cleanup by end time; a called block by its own figure), in the nightly window set in
 * application.yml.
 */
@Component
class HistoryRetention extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private final ServiceCatalog catalog;

	private final RepositoryService repository;

	HistoryRetention(ServiceCatalog catalog, @Lazy RepositoryService repository) {
		this.catalog = catalog;
		this.repository = repository;
	}

	/** Days of history for a process (or decision) key. */
	int days(String key) {
		return catalog.all()
			.stream()
			.filter(service -> service.processKey().equals(key))
			.mapToInt(ServiceDefinition::historyRetentionDays)
			.max()
			.orElseGet(this::longest);
	}

	private int longest() {
		return catalog.all().stream().mapToInt(ServiceDefinition::historyRetentionDays).max().orElseThrow();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		BpmnParseListeners.append(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element process, ProcessDefinitionEntity definition) {
				definition.setHistoryTimeToLive(days(definition.getKey()));
			}
		});
	}

	/** Definitions deployed before this release, or before the catalog changed, get the catalog's figure. */
	@EventListener(BeforeServing.Event.class)
	@Order(0)
	public void applyToDeployedDefinitions() {
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
			int days = days(definition.getKey());
			if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
				repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
				log.info("History of {} v{} is kept {} days", definition.getKey(), definition.getVersion(), days);
			}
		}
		for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
			int days = longest();
			if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
				repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
			}
		}
	}

}
