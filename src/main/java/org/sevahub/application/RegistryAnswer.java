package org.sevahub.application;

/**
 * A beneficiary registry's answer to the search before sanction, as an application's REGISTRY_SEARCH event keeps it
 * for officers (application_event.facts): no transaction id, which stays in the event's detail for support staff.
 *
 * @param enrolled whether the registry lists the applicant in the service's programme; null while it has yet to say
 * @param service  the catalog's code of the service whose programme was searched, which names the programme
 */
public record RegistryAnswer(Boolean enrolled, String service) {

}
