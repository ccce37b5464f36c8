package org.sevahub.application;

import java.util.Optional;

import org.sevahub.application.catalog.ServiceDefinition;

/**
 * A social-protection registry that welfare schemes consult before sanctioning (so nobody is paid twice) and
 * tell whom they enrolled. The DCI connector implements it; without one, schemes run without a registry and
 * the process records that none was consulted.
 */
public interface BeneficiaryRegistry {

	/**
	 * Asks whether the applicant is already enrolled in the service's programme. Registries may answer at once
	 * or later: a later answer is passed to {@link ApplicationService#registryAnswered} by transaction id.
	 */
	Search search(Application application, ServiceDefinition service);

	/**
	 * Queues the enrollment report for the registry; runs in the process's transaction, so the report is sent
	 * (through the outbox) if and only if the step commits.
	 */
	void reportEnrollment(Application application, ServiceDefinition service);

	/** Queues the withdrawal of an enrollment reported earlier (compensation when the application is cancelled). */
	void withdrawEnrollment(Application application, ServiceDefinition service);

	/**
	 * @param transactionId the registry's transaction, to correlate a later answer
	 * @param enrolled      the answer, or empty while the registry has yet to answer
	 */
	record Search(String transactionId, Optional<Boolean> enrolled, String detail) {

		public static Search answered(String transactionId, boolean enrolled, String detail) {
			return new Search(transactionId, Optional.of(enrolled), detail);
		}

		public static Search pending(String transactionId) {
			return new Search(transactionId, Optional.empty(), "awaiting the registry's answer");
		}

	}

}
