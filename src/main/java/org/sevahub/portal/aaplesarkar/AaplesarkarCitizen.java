package org.sevahub.portal.aaplesarkar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sevahub.application.AadhaarVault;
import org.sevahub.application.Applicant;
import org.sevahub.application.form.Aadhaar;
import org.sevahub.application.form.ApplicantFields;

/**
 * The citizen profile of pushWebService's answer (document 3.3, 3.1.8) as SevaHub's applicant: names in English
 * and Marathi, the address, Aadhaar protected at once (UIDNO never leaves this method in clear), and the form keys
 * Aaple Sarkar vouched for, locked. Its user's MD5 password has been dropped by the client already.
 */
final class AaplesarkarCitizen {

	/** Maharashtra's census state code. */
	static final String MAHARASHTRA = "27";

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("dd-MM-yyyy"),
			DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ISO_LOCAL_DATE);

	record Mapped(Applicant applicant, Set<String> locked, Map<String, String> attributes) {
	}

	private AaplesarkarCitizen() {
	}

	static Mapped from(Map<String, String> f, Map<String, String> districtNames, AadhaarVault vault) {
		String district = value(f, "DistrictID");
		Applicant applicant = new Applicant(null, value(f, "FullName"), value(f, "FullName_mr"),
				value(f, "FatherFullName"), null, gender(value(f, "Gender")), date(value(f, "DOB")),
				value(f, "MobileNo"), value(f, "EmailID"), null, null, address(f), null,
				district == null ? null : districtNames.getOrDefault(district, district), value(f, "PinCode"),
				MAHARASHTRA, null, null, null, null, null, null);
		String uid = value(f, "UIDNO");
		if (uid != null && Aadhaar.isValid(uid.replace(" ", ""))) {
			applicant = applicant.withAadhaar(vault.protect(uid));
		}
		Set<String> locked = new LinkedHashSet<>();
		ApplicantFields.values(applicant).forEach((key, v) -> {
			if (v != null && !v.isBlank()) {
				locked.add(key);
			}
		});
		Map<String, String> attributes = new LinkedHashMap<>();
		for (String field : List.of("UserID", "DistrictID", "TalukaID", "VillageID")) {
			String v = value(f, field);
			if (v != null) {
				attributes.put(field, v);
			}
		}
		return new Mapped(applicant, locked, attributes);
	}

	/**
	 * The English address, as the applicant's (current) address. The _LL fields are the same address in Marathi,
	 * not a permanent address: SevaHub's applicant has no field for them, so they are not taken.
	 */
	private static String address(Map<String, String> f) {
		String joined = List.of("AddrCareOf", "AddrBuilding", "AddrStreet", "AddrLandmark", "AddrLocality")
			.stream()
			.map(field -> value(f, field))
			.filter(v -> v != null)
			.distinct()
			.collect(Collectors.joining(", "));
		return joined.isEmpty() ? null : joined;
	}

	private static String gender(String g) {
		return g != null && g.matches("[MFT]") ? g : null;
	}

	/** The document's table says 14-12-1984, its sample 01/01/1988. */
	private static LocalDate date(String value) {
		if (value == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException next) {
				// try the next spelling
			}
		}
		return null;
	}

	/** Aaple Sarkar writes "NA" (and blanks) for what it does not know. */
	private static String value(Map<String, String> f, String field) {
		String v = f.get(field);
		return v == null || v.isBlank() || v.equalsIgnoreCase("NA") ? null : v.strip();
	}

}
