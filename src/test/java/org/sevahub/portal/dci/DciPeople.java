package org.sevahub.portal.dci;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.sevahub.application.form.Aadhaar;
import org.sevahub.testsupport.ProcessDriver;

/** Welfare applicants of their own for each test, so no test sees another's enrollments in the registry. */
final class DciPeople {

	private DciPeople() {
	}

	static String newAadhaar() {
		while (true) {
			String candidate = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
			if (Aadhaar.isValid(candidate)) {
				return candidate;
			}
		}
	}

	static Map<String, String> pensionForm(String nameEn, String nameLocal, String aadhaar) {
		Map<String, String> form = new LinkedHashMap<>(ProcessDriver.validForm("OLD-AGE-PENSION"));
		form.put("applicant.nameEn", nameEn);
		form.put("applicant.nameLocal", nameLocal);
		form.put("applicant.aadhaar", aadhaar);
		return form;
	}

}
