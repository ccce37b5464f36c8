package org.sevahub.application;

import java.util.List;

/**
 * A registry record that made an applicant a possible duplicate, as an application's REGISTRY_MATCH event keeps it
 * for the officer's duplicate review (application_event.facts), to be put in the officer's words. Never an Aadhaar
 * number nor its keyed hash: only whether the record is known by that hash, or its identifier masked.
 *
 * @param reference     the registry's reference for the record (its member identifier)
 * @param name          the name the registry holds, as it holds it; empty when it gave none
 * @param born          the birth date it holds, ISO (yyyy-MM-dd) when it could be read, else as the registry wrote it
 * @param matchedOn     which of the applicant's details the record holds too
 * @param searchedBy    what the registry's search that found it was by, for a record that matched on nothing we hold
 * @param service       the catalog's code of the service whose programme the record is enrolled in, which names it
 * @param programme     the registry's code of that programme
 * @param programmeName the registry's name of that programme; empty when it gave none
 * @param status        the enrolment status as the registry wrote it (the DCI's Active, Inactive)
 * @param since         the enrolment date, as {@code born}
 * @param identifier    the identifier the record holds; null when it names none
 */
public record RegistryRecord(String reference, String name, String born, List<Detail> matchedOn,
		List<Detail> searchedBy, String service, String programme, String programmeName, String status, String since,
		Identifier identifier) {

	/** A detail of the applicant a registry can hold. */
	public enum Detail {
		AADHAAR, NAME, BIRTH_DATE
	}

	/**
	 * The record's identifier as an officer may see it.
	 *
	 * @param type   the registry's type of identifier
	 * @param masked the value with all but its last digits hidden where it could be an Aadhaar number; null for the
	 *               keyed hash of an Aadhaar, which is never shown
	 */
	public record Identifier(String type, String masked) {

		public static Identifier aadhaarHash(String type) {
			return new Identifier(type, null);
		}

		public boolean aadhaarHash() {
			return masked == null;
		}

	}

}
