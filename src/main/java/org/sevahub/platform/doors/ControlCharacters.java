package org.sevahub.platform.doors;

/**
 * C0 control characters (but tab, line feed and carriage return) and DEL: no counterpart sends them in a name,
 * a number or an id, and PostgreSQL cannot store NUL in text at all. Inbound values with them are refused as
 * bad input; records SevaHub must keep whatever was sent (the audit trail) replace them.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	public static boolean in(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (control(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** The text with each control character replaced by U+FFFD. */
	public static String replaced(String text) {
		if (!in(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(control(c) ? '\uFFFD' : c);
		}
		return out.toString();
	}

	private static boolean control(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
	}

}
