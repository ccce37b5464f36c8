package org.sevahub.sandbox.aaplesarkar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Citizens registered on the sandbox Aaple Sarkar, with the profile pushWebService answers with (document 3.3,
 * 3.1.8): names and address in English and Marathi, codes from MahaIT's location master. Made up.
 */
final class SandboxAaplesarkarCitizens {

	private SandboxAaplesarkarCitizens() {
	}

	static Map<String, String> sunita(String userId, String trackId) {
		Map<String, String> d = new LinkedHashMap<>();
		d.put("Response", "Success");
		d.put("UserID", userId);
		d.put("UsertypeName", "User");
		d.put("Username", "sunita.patil");
		// MahaIT sends the user's password hash along; the department must never keep it.
		d.put("Password", "F91E15DBEC69FC40F81F0876E7009648");
		d.put("PasswordChanged", "true");
		d.put("IsActive", "true");
		d.put("VerifyStatus", "Verified");
		d.put("EmailID", "sunita.patil@example.in");
		d.put("MobileNo", "9822012345");
		d.put("Salutation", "MRS");
		d.put("FullName", "Sunita Ramesh Patil");
		d.put("FullName_mr", "सुनीता रमेश पाटील");
		d.put("Age", "41");
		d.put("Gender", "F");
		d.put("UIDNO", "234123412346");
		d.put("PANNo", "ABCPP1234K");
		d.put("DOB", "14-12-1984");
		d.put("AddrCareOf", "NA");
		d.put("AddrCareOf_LL", "");
		d.put("AddrBuilding", "Flat 12, Ganesh Apartments");
		d.put("AddrBuilding_LL", "सदनिका १२, गणेश अपार्टमेंट्स");
		d.put("AddrStreet", "Karve Road");
		d.put("AddrStreet_LL", "कर्वे रस्ता");
		d.put("AddrLandmark", "Near Nal Stop");
		d.put("AddrLandmark_LL", "नळ स्टॉपजवळ");
		d.put("AddrLocality", "Erandwane");
		d.put("AddrLocality_LL", "एरंडवणे");
		d.put("PinCode", "411004");
		d.put("DistrictID", "518");
		d.put("TalukaID", "4207");
		d.put("VillageID", "556612");
		d.put("FatherFullName", "Ramesh Dattatray Patil");
		d.put("FatherFullName_mr", "रमेश दत्तात्रय पाटील");
		d.put("Father_Salutation", "Shri");
		d.put("TrackId", trackId);
		return d;
	}

}
