package org.sevahub.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a DLT content template: its fixed text, which a message must repeat exactly, and its variables,
 * each filled by a value of its kind and length. This is what the operators' scrubbing checks before an SMS
 * leaves the gateway; SevaHub checks it first so that a message that would be dropped is never sent and an
 * admin hears of it instead.
 */
final class DltShape {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{#(var|numeric|alphanumeric|url)#}");

	private static final Pattern NUMERIC = Pattern.compile("\\d+");

	private static final Pattern ALPHANUMERIC = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");

	private static final Pattern URL = Pattern.compile("https?://\\S+");

	private final Pattern pattern;

	private final List<String> kinds;

	private final int varMaxLength;

	private final int urlMaxLength;

	DltShape(String content, int varMaxLength, int urlMaxLength) {
		this.varMaxLength = varMaxLength;
		this.urlMaxLength = urlMaxLength;
		this.kinds = new ArrayList<>();
		StringBuilder regex = new StringBuilder("\\A");
		Matcher placeholder = PLACEHOLDER.matcher(content);
		int at = 0;
		while (placeholder.find()) {
			regex.append(Pattern.quote(content.substring(at, placeholder.start())));
			// Reluctant, and never across a line: the fixed text between variables decides where each ends.
			regex.append("([^\\r\\n]+?)");
			kinds.add(placeholder.group(1));
			at = placeholder.end();
		}
		regex.append(Pattern.quote(content.substring(at))).append("\\z");
		this.pattern = Pattern.compile(regex.toString());
	}

	/** Why {@code text} is not this template filled in, or empty when it is. */
	Optional<String> mismatch(String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.matches()) {
			return Optional.of("the text differs from the registered template's fixed words");
		}
		for (int i = 0; i < kinds.size(); i++) {
			String value = matcher.group(i + 1);
			String kind = kinds.get(i);
			int max = kind.equals("url") ? urlMaxLength : varMaxLength;
			if (value.codePointCount(0, value.length()) > max) {
				return Optional.of("variable " + (i + 1) + " ({#" + kind + "#}) is " + value.codePointCount(0, value.length())
						+ " characters; DLT allows " + max);
			}
			boolean fits = switch (kind) {
				case "numeric" -> NUMERIC.matcher(value).matches();
				case "alphanumeric" -> ALPHANUMERIC.matcher(value).matches();
				case "url" -> URL.matcher(value).matches();
				default -> true;
			};
			if (!fits) {
				return Optional.of("variable " + (i + 1) + " is not a {#" + kind + "#} value");
			}
		}
		return Optional.empty();
	}

}
