package org.sevahub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * SevaHub's parse listeners run after the engine's own, each plugin adding its own to those already set: the engine
 * takes one list, so a plugin that set it would drop another's.
 */
public final class BpmnParseListeners {

	private BpmnParseListeners() {
	}

	public static void append(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		List<BpmnParseListener> listeners = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPostBPMNParseListeners(), List.of()));
		listeners.add(listener);
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
