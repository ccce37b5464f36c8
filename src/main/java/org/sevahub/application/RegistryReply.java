package org.sevahub.application;

/**
 * What a beneficiary registry's callback said about a search when it did not simply answer it, as the application's
 * REGISTRY_SEARCH_PENDING, REGISTRY_SEARCH_REJECTED, REGISTRY_STATUS_CHECK_REJECTED and REGISTRY_LATE_ANSWER events
 * keep it for officers (application_event.facts). The event's kind says which exchange it was; the transaction id
 * stays in the event's English detail, for support staff.
 *
 * @param service  the catalog's code of the service whose programme was searched, which names the programme
 * @param enrolled what a final answer said (a late one: the search had been made again by then); null otherwise
 * @param answered how many of the requests the registry has answered so far, for an answer not yet complete
 * @param asked    how many requests the search sent, beside {@code answered}
 * @param refusal  the registry's own reason for refusing (its reason code and message, as it wrote them), for a
 *                 refusal; it is the registry's text, shown quoted, never translated
 */
public record RegistryReply(String service, Boolean enrolled, Integer answered, Integer asked, String refusal) {

	public static RegistryReply answered(String service, boolean enrolled) {
		return new RegistryReply(service, enrolled, null, null, null);
	}

	public static RegistryReply partly(String service, int answered, int asked) {
		return new RegistryReply(service, null, answered, asked, null);
	}

	public static RegistryReply refused(String service, String reason) {
		return new RegistryReply(service, null, null, null, reason == null ? "" : reason.strip());
	}

	/** Not an is- getter: Jackson would write it as a second "refusal". */
	public boolean wasRefused() {
		return refusal != null;
	}

	public boolean cameInPart() {
		return answered != null && asked != null;
	}

}
