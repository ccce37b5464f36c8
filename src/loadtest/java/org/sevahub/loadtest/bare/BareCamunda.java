package org.sevahub.loadtest.bare;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The comparison the load test runs beside SevaHub: Camunda 7.24 alone (the Spring Boot starter with its REST API,
 * history full, the engine's own schema handling), on its own database on the same PostgreSQL, driving a process of
 * the same shape as an application's officer work: three user tasks. Nothing of SevaHub is scanned or configured.
 */
@SpringBootApplication(exclude = { FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class, SessionAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
public class BareCamunda {

	static final String PROCESS = "bare-lifecycle";

	public static void main(String[] args) {
		SpringApplication.run(BareCamunda.class, args);
	}

	private final RepositoryService repository;

	BareCamunda(RepositoryService repository) {
		this.repository = repository;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void deploy() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
			.camundaHistoryTimeToLive(365)
			.startEvent("start")
			.userTask("first")
			.userTask("second")
			.userTask("third")
			.endEvent("end")
			.done();
		repository.createDeployment()
			.name(PROCESS)
			.addModelInstance(PROCESS + ".bpmn", model)
			.enableDuplicateFiltering(true)
			.deploy();
	}

}
