package org.sevahub.desk;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.workflow.DrawnIn;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each task's name in Tasklist's list and header in English and the installation's state language, as its form and
 * brief are ("Verify application / आवेदन का सत्यापन"): when a task is created its BPMN name gets the text the officer's
 * page names that element by, {@code stage.<process key>.<activity id>} ({@link Words#stage}), the key being the
 * task's own process (a called block's, an appeal's). The English name alone where the state language is English or
 * the element has no text; a task without a name stays unnamed. Nothing reads a task's name for its meaning
 * (code reads its definition key; an application's history records the BPMN element's own name), so only what
 * officers read changes. Like {@link TaskBriefs}, no BPMN changes: Camunda's Spring eventing publishes every task
 * event.
 */
@Component
class TaskNames {

	private final Languages languages;

	private final Words words;

	TaskNames(Languages languages, Words words) {
		this.languages = languages;
		this.words = words;
	}

	@EventListener
	@Order(0)
	void on(DelegateTask task) {
		if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			return;
		}
		String named = name(DrawnIn.processKey(task.getBpmnModelElementInstance()), task.getTaskDefinitionKey(),
				task.getName());
		if (named != null && !named.equals(task.getName())) {
			task.setName(named);
		}
	}

	/** The BPMN's name of an element, and beside it its text in the state language where there is one. */
	String name(String processKey, String activityId, String name) {
		String language = languages.stateLanguage();
		if (name == null || name.isBlank() || "en".equals(language)) {
			return name;
		}
		return Words.bilingual(name, words.stage(processKey, activityId, null, Languages.locale(language)));
	}

}
