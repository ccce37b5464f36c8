package org.sevahub.language;

import org.sevahub.application.ServiceNameOnTasks;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * Tasks name their service in English and the state language, as their names, forms and filters do ("Birth
 * Certificate / जन्म प्रमाणपत्र"); English alone where the state language is English or the catalog has no name in it.
 */
@Component
class BilingualServiceNames implements ServiceNameOnTasks {

	private final Languages languages;

	BilingualServiceNames(Languages languages) {
		this.languages = languages;
	}

	@Override
	public String of(ServiceDefinition service) {
		return Words.bilingual(service.nameEn(), service.name(languages.stateLanguage()));
	}

}
