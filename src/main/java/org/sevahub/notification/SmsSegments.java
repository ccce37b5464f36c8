package org.sevahub.notification;

/**
 * How many SMS an SMS text costs, counted the way handsets and gateways split it: in the GSM 03.38 7-bit
 * alphabet 160 septets fit one SMS and 153 each part of a longer one (the rest carries the concatenation
 * header), a character of the extension table taking two septets that are never split; any other text
 * (Devanagari, Bengali) goes as UCS-2, 70 UTF-16 units in one SMS and 67 in each part, a surrogate pair never
 * split. Written here because the counting is a few lines over the standard's table, and the Java SMS
 * libraries that carry it (SMPP stacks) are far larger than what SevaHub needs.
 *
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

	public enum Encoding {

		GSM7, UCS2

	}

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "\f^{}\\[~]|€";

	public static SmsSegments of(String text) {
		return isGsm7(text) ? gsm7(text) : ucs2(text);
	}

	public boolean unicode() {
		return encoding == Encoding.UCS2;
	}

	public static boolean isGsm7(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static SmsSegments gsm7(String text) {
		int total = 0;
		for (int i = 0; i < text.length(); i++) {
			total += septets(text.charAt(i));
		}
		if (total <= 160) {
			return new SmsSegments(Encoding.GSM7, total, text.isEmpty() ? 0 : 1);
		}
		int parts = 1;
		int used = 0;
		for (int i = 0; i < text.length(); i++) {
			int size = septets(text.charAt(i));
			if (used + size > 153) {
				parts++;
				used = 0;
			}
			used += size;
		}
		return new SmsSegments(Encoding.GSM7, total, parts);
	}

	private static SmsSegments ucs2(String text) {
		int total = text.length();
		if (total <= 70) {
			return new SmsSegments(Encoding.UCS2, total, 1);
		}
		int parts = 1;
		int used = 0;
		for (int i = 0; i < text.length(); i++) {
			int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
			if (used + size > 67) {
				parts++;
				used = 0;
			}
			used += size;
			i += size - 1;
		}
		return new SmsSegments(Encoding.UCS2, total, parts);
	}

	private static int septets(char c) {
		return EXTENSION.indexOf(c) >= 0 ? 2 : 1;
	}

}
