package org.sevahub.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

import org.springframework.stereotype.Component;

/**
 * Evaluates a document's condition, a FEEL expression (the language Camunda's forms and decision tables use, so
 * an analyst writes it the same way everywhere) over the form's answers. A key {@code applicant.category} is
 * read as {@code applicant.category}: a context {@code applicant} holding {@code category}. Blank answers are
 * absent ({@code null}), so {@code bplCardNumber != null} means "a BPL card number was given".
 */
@Component
class DocumentConditions {

	private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

	private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

	void check(String condition, String where) {
		ParseResult result = feel.parseExpression(condition);
		if (!result.isSuccess()) {
			throw new IllegalStateException(where + ": the condition is not a FEEL expression: " + condition);
		}
	}

	/** Whether the condition holds for these answers; anything but {@code true} (an error, null) does not. */
	boolean holds(String condition, Map<String, String> answers) {
		ParsedExpression expression = parsed.computeIfAbsent(condition,
				c -> feel.parseExpression(c).parsedExpression());
		var result = feel.evaluate(expression, context(answers));
		return result.isSuccess() && Boolean.TRUE.equals(result.result());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> context(Map<String, String> answers) {
		Map<String, Object> context = new LinkedHashMap<>();
		answers.forEach((key, value) -> {
			if (value == null || value.isBlank()) {
				return;
			}
			String[] path = key.split("\\.");
			Map<String, Object> into = context;
			for (int i = 0; i < path.length - 1; i++) {
				Object next = into.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
				if (!(next instanceof Map)) {
					return;
				}
				into = (Map<String, Object>) next;
			}
			into.put(path[path.length - 1], value.strip());
		});
		return context;
	}

}
