package org.sevahub.sandbox.isp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Citizens registered on the sandbox ISP, with the common details ISP's manual lists (names in English and
 * Hindi, codes for gender, category and marital status, both addresses as code-table values). Made up.
 */
final class SandboxIspCitizens {

	private SandboxIspCitizens() {
	}

	static Map<String, Object> ramesh(String applicantId, String serviceCode, String serviceName) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("applicant_id", applicantId);
		d.put("service_name_eng", serviceName);
		d.put("service_name_hindi", "सेवा");
		d.put("service_code", serviceCode);
		d.put("family_id", "118812569782");
		d.put("member_id", "11881256978201");
		d.put("aadhar_reference_no", "ISPVAULT00000000000042");
		d.put("first_name_eng", "Ramesh");
		d.put("middle_name_eng", "Kumar");
		d.put("last_name_eng", "Verma");
		d.put("first_name_hindi", "रमेश");
		d.put("middle_name_hindi", "कुमार");
		d.put("last_name_hindi", "वर्मा");
		d.put("gender", "M");
		d.put("father_or_husband_or_guardian", "father");
		d.put("father_or_husband_or_guardian_name_eng", "Suresh Chandra Verma");
		d.put("father_or_husband_or_guardian_name_hindi", "सुरेश चंद्र वर्मा");
		d.put("mother_name_eng", "Kamla Devi");
		d.put("mother_name_hindi", "कमला देवी");
		d.put("category", "2");
		d.put("dob", "1958-07-14");
		d.put("pan_no", "ABCPV1234K");
		d.put("mobile", "9415012345");
		d.put("email", "ramesh.verma@example.in");
		d.put("marital_status", "2");
		d.put("income", "84000");
		d.put("occupation", "12");
		d.put("residential_area_type", "2");
		d.put("residential_house_no", "C-214");
		d.put("residential_mohalla", "Vikas Nagar");
		d.put("residential_pin", "226022");
		for (String field : new String[] { "district", "tehsil", "vikaskhand", "grampanchayat", "rajasvagram", "ward",
				"nagarpalika", "nagarnigam", "nagarpanchayat", "police_station", "state" }) {
			d.put("residential_" + field, field.equals("district") ? "164" : field.equals("state") ? "09" : "0");
		}
		d.put("permanent_area_type", "1");
		d.put("permanent_house_no", "12");
		d.put("permanent_mohalla", "Gram Bakshi Ka Talab");
		d.put("permanent_pin", "226201");
		for (String field : new String[] { "district", "tehsil", "vikaskhand", "grampanchayat", "rajasthagran", "ward",
				"nagarpalika", "nagarnigam", "nagarpanchayat", "police_station", "state" }) {
			d.put("permanent_" + field, field.equals("district") ? "164" : field.equals("state") ? "09" : "0");
		}
		for (int i = 1; i <= 20; i++) {
			d.put("d" + i, null);
		}
		return d;
	}

}
