package org.sevahub.workflow.guard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.sevahub.workflow.StatusRecorder;

/**
 * SevaHub's own rules for a BPMN, the same as the repository's bpmnlint plugin (lint/bpmnlint-plugin-sevahub) checks
 * in the build and in Camunda Modeler:
 * <ul>
 * <li>every status is declared the one way ({@code status} property and {@code ${statusRecorder.record(execution)}})
 * and is canonical, or one the process declares as its department's own ({@code departmentStatus} property on the
 * process);</li>
 * <li>every bean an expression calls is one SevaHub offers to processes ({@code @ProcessApi});</li>
 * <li>every user task has a form that exists, candidate groups, a due date and a follow-up date;</li>
 * <li>every service task calling a bean that reaches outside the engine runs asynchronously with a retry cycle.</li>
 * </ul>
 * Works on the engine's own parse tree, so each finding carries the element's id and line.
 */
public final class ProcessRules {

	/** A process-level property naming a status of the department's own, beside the canonical ones. */
	public static final String DEPARTMENT_STATUS_PROPERTY = "departmentStatus";

	static final String RECORD = "${statusRecorder.record(execution)}";

	/** Names an expression may call methods on that are the engine's, not beans. */
	static final Set<String> ENGINE_NAMES = Set.of("execution", "task");

	private static final Set<String> EL_WORDS = Set.of("not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "true",
			"false", "null", "empty", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	/** A name not preceded by a dot, and whether a method is called on it ({@code name.method(}). */
	private static final Pattern ROOT = Pattern
		.compile("(?<![\\w.])([A-Za-z_]\\w*)(\\s*\\.\\s*[A-Za-z_]\\w*\\s*\\()?");

	private static final Namespace BPMN = new Namespace(BpmnParser.BPMN20_NS);

	private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

	private final Set<String> canonicalStatuses;

	private final Map<String, Boolean> beans;

	private final Predicate<String> formExists;

	/**
	 * @param beans      the beans processes may name, each with whether it calls outside the engine
	 * @param formExists whether a Camunda Form with this key is deployed or part of the deployment
	 */
	public ProcessRules(Set<String> canonicalStatuses, Map<String, Boolean> beans, Predicate<String> formExists) {
		this.canonicalStatuses = Set.copyOf(canonicalStatuses);
		this.beans = Map.copyOf(beans);
		this.formExists = formExists;
	}

	/** A finding: what is wrong, on which element. */
	public record Violation(Element element, String elementId, String message) {
	}

	public List<Violation> check(Element definitions) {
		List<Violation> found = new ArrayList<>();
		for (Element process : definitions.elementsNS(BPMN, "process")) {
			Set<String> statuses = new LinkedHashSet<>(canonicalStatuses);
			statuses.addAll(properties(process, DEPARTMENT_STATUS_PROPERTY));
			walk(process, process.attribute("id"), statuses, found);
		}
		return found;
	}

	private void walk(Element element, String ownerId, Set<String> statuses, List<Violation> found) {
		String id = element.attribute("id") != null ? element.attribute("id") : ownerId;
		if (BpmnParser.BPMN20_NS.equals(element.getUri())) {
			switch (element.getTagName()) {
				case "documentation" -> {
					return;
				}
				case "userTask" -> checkUserTask(element, id, found);
				case "serviceTask", "sendTask", "businessRuleTask", "scriptTask" -> checkAsync(element, id, found);
				case "callActivity" -> checkCallActivity(element, id, found);
				default -> {
				}
			}
			if (element.attribute("id") != null && !"process".equals(element.getTagName())) {
				checkStatus(element, id, statuses, found);
			}
		}
		checkExpressions(element, id, found);
		for (Element child : element.elements()) {
			walk(child, id, statuses, found);
		}
	}

	private void checkStatus(Element element, String id, Set<String> statuses, List<Violation> found) {
		List<String> declared = properties(element, StatusRecorder.STATUS_PROPERTY);
		boolean records = false;
		for (Element listener : extensions(element, "executionListener")) {
			String expression = listener.attribute("expression");
			if (expression != null && expression.contains("statusRecorder.")) {
				if (RECORD.equals(expression.strip())) {
					records = true;
				}
				else {
					found.add(new Violation(listener, id, "Element " + id + " records a status with '" + expression
							+ "': declare the status as the element's 'status' property and record it with " + RECORD
							+ " (Modeler's 'Record status' template)"));
				}
			}
		}
		if (records && declared.isEmpty()) {
			found.add(new Violation(element, id,
					"Element " + id + " records a status but declares none: give it a 'status' property"));
		}
		for (String status : declared) {
			if (!records) {
				found.add(new Violation(element, id, "Element " + id + " declares the status " + status
						+ " but never records it: add the listener " + RECORD + " on start"));
			}
			if (!statuses.contains(status)) {
				found.add(new Violation(element, id, "Element " + id + " records the unknown status '" + status
						+ "': use a canonical status, or declare the department's own status on the process as a '"
						+ DEPARTMENT_STATUS_PROPERTY + "' property"));
			}
		}
	}

	private void checkUserTask(Element task, String id, List<Violation> found) {
		String formRef = task.attributeNS(CAMUNDA, "formRef");
		String formKey = task.attributeNS(CAMUNDA, "formKey");
		if (blank(formRef) && blank(formKey)) {
			found.add(new Violation(task, id, "User task " + id + " has no form: set camunda:formRef to a form in forms/"));
		}
		else if (!blank(formRef) && !formRef.contains("{") && !formExists.test(formRef.strip())) {
			found.add(new Violation(task, id, "User task " + id + " names the form '" + formRef
					+ "', which is neither deployed nor part of this deployment"));
		}
		if (blank(task.attributeNS(CAMUNDA, "candidateGroups")) && blank(task.attributeNS(CAMUNDA, "candidateUsers"))
				&& blank(task.attributeNS(CAMUNDA, "assignee"))) {
			found.add(new Violation(task, id, "User task " + id
					+ " has no candidate groups: name the post, e.g. ${posts.group(execution, 'designatedOfficer')}"));
		}
		if (blank(task.attributeNS(CAMUNDA, "dueDate"))) {
			found.add(new Violation(task, id, "User task " + id
					+ " has no due date: take it from the statutory clock, e.g. ${deadlines.due(execution, 'disposal')}"));
		}
		if (blank(task.attributeNS(CAMUNDA, "followUpDate"))) {
			found.add(new Violation(task, id, "User task " + id
					+ " has no follow-up date: e.g. ${deadlines.followUp(execution, 'disposal')}"));
		}
	}

	/**
	 * A called block takes and gives back what it lists. "All variables" would hand a block the citizen's whole form
	 * and let it overwrite the caller's variables with its own (a decision, remarks) unseen.
	 */
	private void checkCallActivity(Element call, String id, List<Violation> found) {
		for (String direction : List.of("in", "out")) {
			for (Element mapping : extensions(call, direction)) {
				if ("all".equals(mapping.attribute("variables"))) {
					found.add(new Violation(mapping, id, "Call activity " + id + " passes all variables " + direction
							+ ": list each variable the block takes or gives back (camunda:" + direction
							+ " source/target), and the business key"));
				}
			}
		}
	}

	private void checkAsync(Element task, String id, List<Violation> found) {
		String bean = calledBean(task);
		if (bean == null || !Boolean.TRUE.equals(beans.get(bean))) {
			return;
		}
		if (!"true".equals(task.attributeNS(CAMUNDA, "asyncBefore"))) {
			found.add(new Violation(task, id, "Service task " + id + " calls ${" + bean
					+ "}, which reaches outside the engine: make it asynchronous before (camunda:asyncBefore)"));
		}
		if (extensions(task, "failedJobRetryTimeCycle").stream().allMatch(cycle -> blank(cycle.getText()))) {
			found.add(new Violation(task, id, "Service task " + id + " calls ${" + bean
					+ "}, which reaches outside the engine: give it a retry time cycle, e.g. R5/PT5M"));
		}
	}

	private void checkExpressions(Element element, String id, List<Violation> found) {
		for (String key : element.attributes()) {
			String value = element.attribute(key);
			if (key.endsWith("delegateExpression")) {
				Matcher bare = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$").matcher(value);
				if (!bare.matches() || !beans.containsKey(bare.group(1))) {
					found.add(new Violation(element, id, "Element " + id + " delegates to '" + value
							+ "', which is no bean SevaHub offers to processes"));
				}
				continue;
			}
			checkCalls(element, id, value, found);
		}
		if (!element.getText().isBlank()) {
			checkCalls(element, id, element.getText(), found);
		}
	}

	private void checkCalls(Element element, String id, String text, List<Violation> found) {
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			Matcher root = ROOT.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll("''"));
			while (root.find()) {
				String name = root.group(1);
				if (root.group(2) != null && !EL_WORDS.contains(name) && !ENGINE_NAMES.contains(name)
						&& !beans.containsKey(name)) {
					found.add(new Violation(element, id, "Element " + id + " calls '" + name + "' in "
							+ expression.group() + ", which is no bean SevaHub offers to processes"));
				}
			}
		}
	}

	private static String calledBean(Element task) {
		for (String attribute : List.of("delegateExpression", "expression")) {
			String value = task.attributeNS(CAMUNDA, attribute);
			if (value != null) {
				Matcher root = ROOT.matcher(value.replaceFirst("^\\s*[$#]\\{", ""));
				if (root.lookingAt() || root.find()) {
					return root.group(1);
				}
			}
		}
		return null;
	}

	private static List<Element> extensions(Element element, String tag) {
		Element extensions = element.elementNS(BPMN, "extensionElements");
		return extensions == null ? List.of() : extensions.elementsNS(CAMUNDA, tag);
	}

	static List<String> properties(Element element, String name) {
		List<String> values = new ArrayList<>();
		for (Element properties : extensions(element, "properties")) {
			for (Element property : properties.elementsNS(CAMUNDA, "property")) {
				if (name.equals(property.attribute("name")) && !blank(property.attribute("value"))) {
					values.add(property.attribute("value").strip());
				}
			}
		}
		return values;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
