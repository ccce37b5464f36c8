package org.sevahub.application;

/**
 * What an application's OFFICE_ROUTED and OFFICE_TRANSFERRED events keep for officers (application_event.facts), to
 * be put in their words with each office's name in the reader's language.
 *
 * @param from   the office code it left (OFFICE_TRANSFERRED; null: it had none)
 * @param to     the office code it went to
 * @param by     the administrator's user id (OFFICE_TRANSFERRED)
 * @param reason the administrator's reason as written (OFFICE_TRANSFERRED)
 * @param basis  how the office was chosen (OFFICE_ROUTED): portal-and-pin, portal, pin, district or fallback
 * @param portal the portal whose district choice routed it (basis portal, portal-and-pin)
 * @param place  the PIN code or district that routed it (basis pin, portal-and-pin, district)
 */
public record OfficeMove(String from, String to, String by, String reason, String basis, String portal,
		String place) {

	public static OfficeMove routed(String to, String basis, String portal, String place) {
		return new OfficeMove(null, to, null, null, basis, portal, place);
	}

	public static OfficeMove transferred(String from, String to, String by, String reason) {
		return new OfficeMove(from, to, by, reason, null, null, null);
	}

}
