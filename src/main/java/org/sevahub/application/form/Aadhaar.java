package org.sevahub.application.form;

import java.util.regex.Pattern;

/**
 * Aadhaar's own check: 12 digits, not starting with 0 or 1, the last a Verhoeff check digit. Written here
 * because it is 20 lines of published tables and no well-kept Java library carries it.
 */
public final class Aadhaar {

	private static final int[][] MULTIPLY = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
			{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
			{ 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
			{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };

	private static final int[][] PERMUTE = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
			{ 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
			{ 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 } };

	/**
	 * Twelve digits in text people write (remarks, reasons, file names), run together or in fours split by a space,
	 * dot, hyphen or underscore, with no digit either side. Checksum or not: a mistyped Aadhaar is still the
	 * citizen's, and no other number of twelve digits belongs in such text.
	 */
	private static final Pattern IN_TEXT = Pattern.compile("(?<!\\d)\\d{4}[ ._-]?\\d{4}[ ._-]?(\\d{4})(?!\\d)");

	private Aadhaar() {
	}

	public static boolean isValid(String number) {
		String digits = number == null ? "" : number.replace(" ", "");
		if (!digits.matches("[2-9]\\d{11}")) {
			return false;
		}
		int check = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			check = MULTIPLY[check][PERMUTE[i % 8][digit]];
		}
		return check == 0;
	}

	/** Only the last four digits, as UIDAI asks for display. */
	public static String mask(String number) {
		String digits = number.replace(" ", "");
		return "XXXX XXXX " + digits.substring(digits.length() - 4);
	}

	/**
	 * The text with every Aadhaar-like number in it masked as {@link #mask} does, for free text that is stored, shown
	 * and sent on: an officer's remarks ("Aadhaar 4736 1928 5709 seen"), a citizen's grounds, a scan's file name.
	 */
	public static String maskedIn(String text) {
		return text == null ? null : IN_TEXT.matcher(text).replaceAll("XXXX XXXX $1");
	}

}
