package org.sevahub.sandbox.aaplesarkar;

import java.util.regex.Pattern;

/** The field table of pullWebService's request string (document 3.3, 3.2), as Aaple Sarkar checks it. */
final class SandboxAaplesarkarValidation {

	private static final Pattern DATE = Pattern.compile("NA|\\d{4}-\\d{2}-\\d{2}");

	private SandboxAaplesarkarValidation() {
	}

	/** What is wrong with the 21 fields, or null. */
	static String problem(String[] f, String clientCode) {
		if (!f[0].matches("\\d{1,20}")) {
			return "Invalid Track ID";
		}
		if (!f[1].equals(clientCode)) {
			return "Invalid Client Code";
		}
		if (f[2].isBlank()) {
			return "User ID is required";
		}
		if (!f[3].matches("\\d{4}")) {
			return "ServiceID must be 4 digits";
		}
		if (f[4].isBlank() || f[4].length() > 50) {
			return "ApplicationID is required";
		}
		if (!f[5].matches("[YN]") || !f[7].matches("[YN]")) {
			return "Payment Status and DigitalSign Status must be Y or N";
		}
		if (!DATE.matcher(f[6]).matches() || !DATE.matcher(f[8]).matches() || !DATE.matcher(f[10]).matches()) {
			return "Dates must be YYYY-MM-DD or NA";
		}
		if (f[5].equals("Y") == f[6].equals("NA") || f[7].equals("Y") == f[8].equals("NA")) {
			return "A date is required exactly when its status is Y";
		}
		if (!f[9].matches("\\d{1,4}")) {
			return "Estimated ServiceDays must be an integer";
		}
		if (!f[11].matches("\\d{1,10}\\.\\d{2}")) {
			return "Amount must be a decimal";
		}
		if (!f[12].matches("[012]")) {
			return "Request Flag must be 0, 1 or 2";
		}
		if (!f[13].matches("[1-5]")) {
			return "ApplicationStatus must be 1 to 5";
		}
		if (f[14].isBlank()) {
			return "Remark is required";
		}
		return null;
	}

}
