package org.sevahub.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationEvents;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.BeneficiaryRegistry;
import org.sevahub.application.NoRegistry;
import org.sevahub.application.RegistryAnswer;
import org.sevahub.application.Lifecycle.Variables;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The welfare process's registry steps: search before sanction, report the enrollment, withdraw it when the
 * application is cancelled. They talk to whichever {@link BeneficiaryRegistry} is configured; where none is,
 * the search finds nothing and the event log says no registry was consulted.
 */
@Configuration
class RegistryDelegates {

	static final String NO_REGISTRY = "NO_REGISTRY";

	private final ObjectProvider<BeneficiaryRegistry> registry;

	private final ApplicationRepository applications;

	private final ApplicationEvents events;

	private final ServiceCatalog catalog;

	RegistryDelegates(ObjectProvider<BeneficiaryRegistry> registry, ApplicationRepository applications,
			ApplicationEvents events, ServiceCatalog catalog) {
		this.registry = registry;
		this.applications = applications;
		this.events = events;
		this.catalog = catalog;
	}

	@Bean
	@ProcessApi(callsOutside = true)
	JavaDelegate registrySearch() {
		return execution -> {
			Application app = application(execution);
			Optional<BeneficiaryRegistry> configured = Optional.ofNullable(registry.getIfAvailable());
			if (configured.isEmpty()) {
				events.record(app.id(), NO_REGISTRY, "No beneficiary registry configured; duplicates not checked",
						new NoRegistry(NoRegistry.Step.DUPLICATE_CHECK));
				execution.setVariable(Variables.REGISTRY_SEARCH_PENDING, false);
				execution.setVariable(Variables.ALREADY_ENROLLED, false);
				return;
			}
			BeneficiaryRegistry.Search search = configured.get().search(app, service(app));
			execution.setVariable(Variables.REGISTRY_TRANSACTION, search.transactionId());
			execution.setVariable(Variables.REGISTRY_SEARCH_PENDING, search.enrolled().isEmpty());
			search.enrolled().ifPresent(enrolled -> execution.setVariable(Variables.ALREADY_ENROLLED, enrolled));
			// The transaction id is for support staff tracing the exchange; officers read the answer (TaskBriefs).
			events.record(app.id(), "REGISTRY_SEARCH", search.transactionId() + ": " + search.detail(),
					new RegistryAnswer(search.enrolled().orElse(null), app.serviceCode()));
		};
	}

	@Bean
	@ProcessApi
	JavaDelegate reportEnrollment() {
		return execution -> {
			Application app = application(execution);
			BeneficiaryRegistry configured = registry.getIfAvailable();
			if (configured == null) {
				events.record(app.id(), NO_REGISTRY, "No beneficiary registry configured; enrollment not reported",
						new NoRegistry(NoRegistry.Step.ENROLMENT_REPORT));
				return;
			}
			configured.reportEnrollment(app, service(app));
		};
	}

	@Bean
	@ProcessApi
	JavaDelegate withdrawEnrollment() {
		return execution -> {
			Application app = application(execution);
			BeneficiaryRegistry configured = registry.getIfAvailable();
			if (configured != null) {
				configured.withdrawEnrollment(app, service(app));
			}
		};
	}

	private Application application(DelegateExecution execution) {
		return applications.findByNo(execution.getProcessBusinessKey()).orElseThrow();
	}

	private ServiceDefinition service(Application app) {
		return catalog.get(app.serviceCode());
	}

}
