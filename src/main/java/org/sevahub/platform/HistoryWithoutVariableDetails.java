package org.sevahub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * History stays {@code full} (officers' actions in the user operation log, tasks, identity links, incidents, job
 * logs, every variable's last value) but without the detail row {@code full} adds for every change of every
 * variable: 66 rows per birth-certificate application, with a copy of each JSON value (the task briefs Tasklist
 * shows), and nothing SevaHub or an officer reads, since every status and decision is in SevaHub's own status
 * history. Measured in BENCHMARKS.md ("History without detail rows, cleanup by end time"). A department that
 * wants them back sets {@code sevahub.history.variable-details: true}.
 *
 * <p>Done in the engine's own history handler, not as a custom history level: Camunda compares the level with
 * {@code full} by class in several places (deleting identity-link and incident history among them), which a
 * custom level would silently turn off.
 */
@Component
@ConditionalOnProperty(name = "sevahub.history.variable-details", havingValue = "false", matchIfMissing = true)
class HistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The engine's database handler is replaced by this one; handlers other plugins add still run beside it.
		List<HistoryEventHandler> handlers = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomHistoryEventHandlers(), List.of()));
		handlers.add(0, new DbHistoryEventHandler() {
			@Override
			protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
				return false;
			}
		});
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		configuration.setCustomHistoryEventHandlers(handlers);
	}

}
