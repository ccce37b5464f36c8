package org.sevahub.application;

/**
 * Which step went without a beneficiary registry, as an application's NO_REGISTRY event keeps it for officers
 * (application_event.facts): the search for duplicates before sanction, or the report of the enrolment after it.
 */
public record NoRegistry(Step step) {

	public enum Step {
		DUPLICATE_CHECK, ENROLMENT_REPORT
	}

}
