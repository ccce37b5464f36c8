package org.sevahub.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sevahub.application.form.FormDefinition;
import org.sevahub.application.form.FormField;

/**
 * A form sent back with mistakes, as the page shows it again: what the citizen typed is kept, so only the mistakes
 * need fixing, except an Aadhaar number. The page would carry it in clear to the browser a second time, where it
 * stays on screen at a kiosk or a cyber café, in a screenshot sent to someone for help, or in a page saved to finish
 * later; SevaHub otherwise shows an Aadhaar only masked. The field shows what was held before (masked, or nothing),
 * and says why it must be typed once more.
 *
 * @param values what each field shows
 * @param errors the errors in the page's order: a field's own error wins over the request to type it again
 */
record FormShownAgain(Map<String, String> values, Map<String, String> errors) {

	/**
	 * @param held   the values held before this post (an Aadhaar masked), empty for a new application
	 * @param typed  what the citizen posted
	 * @param errors the post's errors, in the page's order
	 * @param typeAgain the request to type an Aadhaar once more, in the reader's language
	 */
	static FormShownAgain of(FormDefinition form, Map<String, String> held, Map<String, String> typed,
			Map<String, String> errors, String typeAgain) {
		Map<String, String> values = new LinkedHashMap<>(held);
		values.putAll(typed);
		Map<String, String> inOrder = new LinkedHashMap<>();
		for (FormField field : form.inputs()) {
			String key = field.key();
			if (field.isAadhaar() && isNewlyTyped(typed.get(key), held.get(key))) {
				putOrRemove(values, key, held.get(key));
				inOrder.put(key, errors.getOrDefault(key, typeAgain));
			}
			else if (errors.containsKey(key)) {
				inOrder.put(key, errors.get(key));
			}
		}
		errors.forEach(inOrder::putIfAbsent);
		return new FormShownAgain(values, inOrder);
	}

	/** The masked number shown before, sent back unchanged, is no number typed. */
	private static boolean isNewlyTyped(String typed, String held) {
		return typed != null && !typed.isBlank() && !typed.equals(held);
	}

	private static void putOrRemove(Map<String, String> values, String key, String value) {
		if (value == null) {
			values.remove(key);
		}
		else {
			values.put(key, value);
		}
	}

}
