package org.sevahub.application.form;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sevahub.application.Applicant;

/**
 * Form keys under {@code applicant.} bind to the canonical {@link Applicant}; every other key is service data.
 * Portals fill these same keys, so a landing can lock exactly the fields a portal vouched for.
 */
public final class ApplicantFields {

	public static final String PREFIX = "applicant.";

	public static final String AADHAAR = PREFIX + "aadhaar";

	/** What the form shows for an Aadhaar a portal verified and holds in its vault (SevaHub has only the reference). */
	public static final String VERIFIED_BY_PORTAL = "Verified by the portal";

	public static final List<String> KEYS = List.of(key("nameEn"), key("nameLocal"), key("fatherName"),
			key("motherName"), key("gender"), key("dateOfBirth"), key("mobile"), key("email"), key("category"),
			key("maritalStatus"), key("address"), key("permanentAddress"), key("district"), key("pincode"),
			key("stateCode"), key("familyId"), key("memberId"));

	private ApplicantFields() {
	}

	public static String key(String property) {
		return PREFIX + property;
	}

	/** The applicant's values by form key; Aadhaar appears only masked. */
	public static Map<String, String> values(Applicant a) {
		Map<String, String> values = new LinkedHashMap<>();
		put(values, "nameEn", a.nameEn());
		put(values, "nameLocal", a.nameLocal());
		put(values, "fatherName", a.fatherName());
		put(values, "motherName", a.motherName());
		put(values, "gender", a.gender());
		put(values, "dateOfBirth", a.dateOfBirth() == null ? null : a.dateOfBirth().toString());
		put(values, "mobile", a.mobile());
		put(values, "email", a.email());
		put(values, "category", a.category());
		put(values, "maritalStatus", a.maritalStatus());
		put(values, "address", a.address());
		put(values, "permanentAddress", a.permanentAddress());
		put(values, "district", a.district());
		put(values, "pincode", a.pincode());
		put(values, "stateCode", a.stateCode());
		put(values, "familyId", a.familyId());
		put(values, "memberId", a.memberId());
		put(values, "aadhaar", a.aadhaarMasked() != null ? a.aadhaarMasked()
				: a.aadhaarRef() != null ? VERIFIED_BY_PORTAL : null);
		return values;
	}

	/**
	 * The applicant with the given form values applied. Keys not present keep their old value; the Aadhaar
	 * key is not handled here (it must be protected first).
	 */
	public static Applicant apply(Applicant a, Map<String, String> v) {
		return new Applicant(a.id(), pick(v, "nameEn", a.nameEn()), pick(v, "nameLocal", a.nameLocal()),
				pick(v, "fatherName", a.fatherName()), pick(v, "motherName", a.motherName()),
				pick(v, "gender", a.gender()), date(v, a.dateOfBirth()),
				pick(v, "mobile", a.mobile()), pick(v, "email", a.email()), pick(v, "category", a.category()),
				pick(v, "maritalStatus", a.maritalStatus()), pick(v, "address", a.address()),
				pick(v, "permanentAddress", a.permanentAddress()), pick(v, "district", a.district()),
				pick(v, "pincode", a.pincode()), pick(v, "stateCode", a.stateCode()),
				pick(v, "familyId", a.familyId()), pick(v, "memberId", a.memberId()), a.aadhaarCipher(),
				a.aadhaarMasked(), a.aadhaarHash(), a.aadhaarRef());
	}

	private static void put(Map<String, String> values, String property, String value) {
		if (value != null) {
			values.put(key(property), value);
		}
	}

	private static String pick(Map<String, String> values, String property, String fallback) {
		String key = key(property);
		if (!values.containsKey(key)) {
			return fallback;
		}
		String value = values.get(key);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static LocalDate date(Map<String, String> values, LocalDate fallback) {
		String key = key("dateOfBirth");
		if (!values.containsKey(key)) {
			return fallback;
		}
		String value = values.get(key);
		return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
	}

}
