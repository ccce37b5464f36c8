package org.sevahub.application;

/** How a person's name is shown to whoever may not know it in full (a public page, a status lookup). */
public final class PersonNames {

	private PersonNames() {
	}

	/**
	 * "Sunita Banerjee" becomes "Su**** Ba******": enough to match a paper in hand, not enough to harvest
	 * names. Counted in code points so Bengali and Devanagari words are cut between characters, not bytes.
	 */
	public static String mask(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		StringBuilder masked = new StringBuilder();
		for (String word : name.strip().split("\\s+")) {
			int keep = Math.min(2, word.codePointCount(0, word.length()));
			int cut = word.offsetByCodePoints(0, keep);
			masked.append(word, 0, cut).append("*".repeat(word.codePointCount(cut, word.length()))).append(' ');
		}
		return masked.toString().strip();
	}

}
