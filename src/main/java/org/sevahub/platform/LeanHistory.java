package org.sevahub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History stays {@code full} (officers' actions in the user operation log, tasks, identity links, incidents, job
 * logs, every variable's last value) without two things nobody reads from it, since every status, decision and
 * document verdict is in SevaHub's own tables:
 * <ul>
 * <li>the detail row {@code full} adds for every change of every variable (66 rows per birth-certificate
 * application when it was measured, BENCHMARKS.md "History without detail rows, cleanup by end time");
 * {@code sevahub.history.variable-details: true} brings them back;</li>
 * <li>the task-local variables that restate those tables for a Tasklist form ({@code sevahub.history.task-views}:
 * the officer's brief, the documents and their checklist), a history row and a JSON copy each for every task of
 * every application.</li>
 * </ul>
 * Done in the engine's own history handler, not as a custom history level: Camunda compares the level with
 * {@code full} by class in several places (deleting identity-link and incident history among them), which a custom
 * level would silently turn off. A task view is left out at every event of its life (created, updated, deleted), so
 * the engine never updates a history row that was not written.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

	private final boolean variableDetails;

	private final Set<String> taskViews;

	LeanHistory(@Value("${sevahub.history.variable-details:false}") boolean variableDetails,
			@Value("${sevahub.history.task-views:}") Set<String> taskViews) {
		this.variableDetails = variableDetails;
		this.taskViews = Set.copyOf(taskViews);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The engine's database handler is replaced by this one; handlers other plugins add still run beside it.
		List<HistoryEventHandler> handlers = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomHistoryEventHandlers(), List.of()));
		handlers.add(0, new DbHistoryEventHandler() {

			@Override
			public void handleEvent(HistoryEvent event) {
				if (!isTaskView(event)) {
					super.handleEvent(event);
				}
			}

			@Override
			protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
				return variableDetails && super.shouldWriteHistoricDetail(event);
			}

		});
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	private boolean isTaskView(HistoryEvent event) {
		return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
				&& taskViews.contains(variable.getVariableName());
	}

}
