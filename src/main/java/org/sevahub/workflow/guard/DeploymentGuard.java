package org.sevahub.workflow.guard;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.sevahub.application.ApplicationStatus;
import org.sevahub.workflow.ProcessApi;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every BPMN the engine is asked to deploy against SevaHub's rules ({@link ProcessRules}) before it is
 * accepted: a process engine plugin that gives the engine a BPMN parse which adds each finding as a parse error.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin {

	private final ListableBeanFactory beans;

	private volatile Map<String, Boolean> processBeans;

	DeploymentGuard(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBpmnParseFactory(parser -> new GuardedBpmnParse(parser, this::rules));
	}

	/** The rules as they stand, with how this deployment's forms are found. */
	public ProcessRules rules(Predicate<String> formExists) {
		return new ProcessRules(canonicalStatuses(), processBeans(), formExists);
	}

	public static Set<String> canonicalStatuses() {
		return Arrays.stream(ApplicationStatus.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The beans marked {@link ProcessApi}, by name, each with whether it calls outside the engine. Read from the bean
	 * definitions (no bean is created: the engine deploys while Spring still builds the beans that need it).
	 */
	public Map<String, Boolean> processBeans() {
		Map<String, Boolean> known = processBeans;
		if (known == null) {
			known = new TreeMap<>();
			for (String name : beans.getBeanNamesForAnnotation(ProcessApi.class)) {
				ProcessApi api = beans.findAnnotationOnBean(name, ProcessApi.class, false);
				known.put(name, api != null && api.callsOutside());
			}
			processBeans = known = Map.copyOf(known);
		}
		return known;
	}

}
