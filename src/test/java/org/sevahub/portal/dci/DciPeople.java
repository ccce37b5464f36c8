package org.sevahub.portal.dci;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sevahub.testsupport.ProcessDriver;

/** Welfare applicants of their own for each test, so no test sees another's enrollments in the registry. */
final class DciPeople {

	private DciPeople() {
	}

	static String newAadhaar() {
		return ProcessDriver.newAadhaar();
	}

	static Map<String, String> pensionForm(String nameEn, String nameLocal, String aadhaar) {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("applicant.nameEn", nameEn);
		form.put("applicant.nameLocal", nameLocal);
		form.put("applicant.aadhaar", aadhaar);
		return form;
	}

}
