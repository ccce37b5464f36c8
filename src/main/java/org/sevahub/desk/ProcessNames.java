package org.sevahub.desk;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.platform.BpmnParseListeners;

import org.springframework.stereotype.Component;

/**
 * Each process's name in English and the installation's state language, as {@link TaskNames} names its tasks:
 * Tasklist prints the process's name under every task in its list and over every form ("Shared block: verification,
 * with clarification from the citizen / साझा खंड: सत्यापन, नागरिक से स्पष्टीकरण सहित"), and its start dialog and
 * Cockpit list them. The name is the BPMN's and beside it the process's text in the state language
 * ({@code process.<key>}, {@link Words#process(String, String, java.util.Locale)}), set as the engine parses the
 * definition; no BPMN changes. SevaHub's own pages name a process by its key in the reader's language and never read
 * this name. Camunda keeps a definition's name as it was deployed and has no call to change it: a definition deployed
 * before this, or before the installation's state language changed, keeps its name until its BPMN is deployed again.
 */
@Component
class ProcessNames extends AbstractProcessEnginePlugin {

	/** ACT_RE_PROCDEF.NAME_: a name that would not fit keeps the BPMN's alone. */
	private static final int LONGEST = 255;

	private final Languages languages;

	private final Words words;

	ProcessNames(Languages languages, Words words) {
		this.languages = languages;
		this.words = words;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		BpmnParseListeners.append(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element process, ProcessDefinitionEntity definition) {
				definition.setName(name(definition.getKey(), definition.getName()));
			}
		});
	}

	/** The BPMN's name of a process, and beside it its text in the state language where there is one. */
	String name(String key, String name) {
		String language = languages.stateLanguage();
		if (name == null || name.isBlank() || "en".equals(language)) {
			return name;
		}
		String named = Words.bilingual(name, words.process(key, name, Languages.locale(language)));
		return named.length() > LONGEST ? name : named;
	}

}
