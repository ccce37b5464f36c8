package org.sevahub.notification;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.sevahub.application.EngineClock;
import org.sevahub.workflow.StatutoryCalendar;

import org.springframework.stereotype.Component;

/**
 * The dates a citizen is told to act by, read from where the process keeps them rather than repeated here: a
 * status is declared just before the step it opens (the fee to pay, the reply to give, the appeal to hear), and
 * that step's timer boundary event is the deadline. So an analyst who changes "Unpaid for 30 days" in the BPMN
 * changes what the SMS says.
 */
@Component
class NoticeDeadlines {

	/** How far past the status's own element to look for the step it opens (events and gateways in between). */
	private static final int MAX_HOPS = 6;

	/** The earliest timer on the step the token goes to next, evaluated as the engine will evaluate it. */
	Optional<Instant> ofNextStep(DelegateExecution execution) {
		Optional<FlowNode> next = nextStep(execution).filter(Activity.class::isInstance);
		if (next.isEmpty()) {
			return Optional.empty();
		}
		Instant earliest = null;
		for (BoundaryEvent boundary : next.get().getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
			if (boundary.getAttachedTo() != next.get()) {
				continue;
			}
			for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
				Instant due = due(execution, timer);
				if (due != null && (earliest == null || due.isBefore(earliest))) {
					earliest = due;
				}
			}
		}
		return Optional.ofNullable(earliest);
	}

	/** Whether the token goes on to a called process (the appeal) rather than ending. */
	boolean opensCalledProcess(DelegateExecution execution) {
		return nextStep(execution).filter(CallActivity.class::isInstance).isPresent();
	}

	/** {@code days} calendar days from now, counted by the statutory calendar (as the appeal clocks are). */
	Instant calendarDays(DelegateExecution execution, int days) {
		return configuration(execution).getBusinessCalendarManager()
			.getBusinessCalendar(StatutoryCalendar.CALENDAR_DAYS)
			.resolveDuedate("P" + days + "D", Date.from(EngineClock.now()))
			.toInstant();
	}

	private static Optional<FlowNode> nextStep(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		if (!(element instanceof FlowNode node)) {
			return Optional.empty();
		}
		for (int hop = 0; hop < MAX_HOPS; hop++) {
			if (node instanceof Activity) {
				return Optional.of(node);
			}
			if (node.getOutgoing().size() != 1) {
				return Optional.empty();
			}
			node = node.getOutgoing().iterator().next().getTarget();
		}
		return Optional.empty();
	}

	private static Instant due(DelegateExecution execution, TimerEventDefinition timer) {
		ProcessEngineConfigurationImpl configuration = configuration(execution);
		Expression expression;
		String calendar;
		if (timer.getTimeDate() != null) {
			expression = timer.getTimeDate();
			calendar = DueDateBusinessCalendar.NAME;
		}
		else if (timer.getTimeDuration() != null) {
			expression = timer.getTimeDuration();
			calendar = DurationBusinessCalendar.NAME;
		}
		else {
			return null;
		}
		Object value = configuration.getExpressionManager()
			.createExpression(expression.getTextContent().strip())
			.getValue(execution);
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value == null) {
			return null;
		}
		BusinessCalendar businessCalendar = configuration.getBusinessCalendarManager().getBusinessCalendar(calendar);
		return businessCalendar.resolveDuedate(value.toString(), Date.from(EngineClock.now())).toInstant();
	}

	private static ProcessEngineConfigurationImpl configuration(DelegateExecution execution) {
		return (ProcessEngineConfigurationImpl) execution.getProcessEngine().getProcessEngineConfiguration();
	}

}
