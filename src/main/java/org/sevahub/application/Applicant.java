package org.sevahub.application;

import java.time.LocalDate;

/**
 * The person an application is for. The Aadhaar number itself is never held here: only its ciphertext, a
 * masked form for display, a keyed hash for matching, and a portal's reference token where one was given.
 */
public record Applicant(Long id, String nameEn, String nameLocal, String fatherName, String motherName, String gender,
		LocalDate dateOfBirth, String mobile, String email, String category, String maritalStatus, String address,
		String permanentAddress, String district, String pincode, String stateCode, String familyId, String memberId,
		String aadhaarCipher, String aadhaarMasked, String aadhaarHash, String aadhaarRef) {

	public static Applicant empty() {
		return new Applicant(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
	}

	/** The name to print: the state-language name beside the English one where both exist. */
	public String displayName() {
		if (nameLocal != null && !nameLocal.isBlank() && nameEn != null && !nameLocal.equals(nameEn)) {
			return nameEn + " / " + nameLocal;
		}
		return nameEn != null ? nameEn : nameLocal;
	}

	public Applicant withId(Long newId) {
		return new Applicant(newId, nameEn, nameLocal, fatherName, motherName, gender, dateOfBirth, mobile, email,
				category, maritalStatus, address, permanentAddress, district, pincode, stateCode, familyId, memberId,
				aadhaarCipher, aadhaarMasked, aadhaarHash, aadhaarRef);
	}

	public Applicant withAadhaar(ProtectedAadhaar aadhaar) {
		return new Applicant(id, nameEn, nameLocal, fatherName, motherName, gender, dateOfBirth, mobile, email,
				category, maritalStatus, address, permanentAddress, district, pincode, stateCode, familyId, memberId,
				aadhaar.cipher(), aadhaar.masked(), aadhaar.hash(), aadhaarRef);
	}

}
