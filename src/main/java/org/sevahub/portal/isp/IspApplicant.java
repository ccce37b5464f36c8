package org.sevahub.portal.isp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.sevahub.application.AadhaarVault;
import org.sevahub.application.Applicant;
import org.sevahub.application.form.Aadhaar;
import org.sevahub.application.form.ApplicantFields;

/**
 * ISP's common details of an applicant (getApplicantCommonDetails) as SevaHub's applicant, and which form
 * keys ISP vouched for: the manual requires those fields non-editable on the department's form.
 */
final class IspApplicant {

	private static final Map<String, String> CATEGORIES = Map.of("1", "GEN", "2", "OBC", "3", "SC", "4", "ST");

	private static final Map<String, String> MARITAL = Map.of("1", "SINGLE", "2", "MARRIED", "3", "DIVORCED", "4",
			"WIDOW", "5", "WIDOWER");

	/**
	 * @param applicant the person, Aadhaar as ISP's reference to its vault, or protected by SevaHub's vault when
	 *                  ISP sent the number itself
	 * @param locked    form keys ISP gave a value for
	 * @param prefill   service data ISP knows that the citizen may still correct (income)
	 */
	record Mapped(Applicant applicant, Set<String> locked, Map<String, String> prefill,
			Map<String, String> attributes) {
	}

	private IspApplicant() {
	}

	/**
	 * The manual's {@code aadhar_reference_no} is ISP's reference to the number in its Aadhaar Data Vault, but a
	 * field named so is easily filled with the number itself; when it holds a valid Aadhaar number it is taken as
	 * one and protected at once (encrypted, masked, hashed), as Aaple Sarkar's UIDNO is, so it never reaches the
	 * database in clear. Anything else (ISP's vault references are not Aadhaar numbers) is kept as the reference.
	 */
	static Mapped from(JsonNode d, Map<String, String> districtNames, AadhaarVault vault) {
		String nameEn = join(d, "first_name_eng", "middle_name_eng", "last_name_eng");
		String nameHindi = join(d, "first_name_hindi", "middle_name_hindi", "last_name_hindi");
		String residentialDistrict = text(d, "residential_district");
		String aadhaarReference = text(d, "aadhar_reference_no");
		boolean aadhaarItself = aadhaarReference != null && Aadhaar.isValid(aadhaarReference);
		Applicant applicant = new Applicant(null, nameEn, nameHindi, text(d, "father_or_husband_or_guardian_name_eng"),
				text(d, "mother_name_eng"), text(d, "gender"), date(text(d, "dob")), text(d, "mobile"), text(d, "email"),
				CATEGORIES.get(text(d, "category")), MARITAL.get(text(d, "marital_status")),
				address(d, "residential"), address(d, "permanent"),
				residentialDistrict == null ? null : districtNames.getOrDefault(residentialDistrict, residentialDistrict),
				text(d, "residential_pin"), text(d, "residential_state"), text(d, "family_id"), text(d, "member_id"),
				null, null, null, aadhaarItself ? null : aadhaarReference);
		if (aadhaarItself) {
			applicant = applicant.withAadhaar(vault.protect(aadhaarReference));
		}
		Set<String> locked = new LinkedHashSet<>();
		ApplicantFields.values(applicant).forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				locked.add(key);
			}
		});
		Map<String, String> prefill = new LinkedHashMap<>();
		if (text(d, "income") != null && text(d, "income").matches("\\d{1,12}")) {
			prefill.put("annualIncome", text(d, "income"));
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("applicant_id", text(d, "applicant_id"));
		attributes.put("residential_district", residentialDistrict);
		attributes.values().removeIf(v -> v == null);
		return new Mapped(applicant, locked, prefill, attributes);
	}

	private static String address(JsonNode d, String which) {
		String area = "1".equals(text(d, which + "_area_type")) ? "rural" : "2".equals(text(d, which + "_area_type"))
				? "urban" : null;
		String joined = Stream.of(text(d, which + "_house_no"), text(d, which + "_mohalla"), text(d, which + "_pin"))
			.filter(s -> s != null && !s.isBlank())
			.collect(Collectors.joining(", "));
		if (joined.isEmpty()) {
			return null;
		}
		return area == null ? joined : joined + " (" + area + ")";
	}

	private static String join(JsonNode d, String... fields) {
		String joined = List.of(fields)
			.stream()
			.map(f -> text(d, f))
			.filter(s -> s != null && !s.isBlank())
			.collect(Collectors.joining(" "));
		return joined.isEmpty() ? null : joined;
	}

	private static String text(JsonNode d, String field) {
		JsonNode value = d.get(field);
		return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
	}

	private static LocalDate date(String value) {
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

}
