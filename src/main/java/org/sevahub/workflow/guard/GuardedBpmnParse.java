package org.sevahub.workflow.guard;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The engine's BPMN parse with SevaHub's rules on top: every finding is added as a parse error on its element, so the
 * engine refuses the whole deployment (startup, {@code /engine-rest/deployment/create}, Cockpit) and says what is
 * wrong where, and nothing is deployed.
 */
class GuardedBpmnParse extends BpmnParse {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Function<java.util.function.Predicate<String>, ProcessRules> rules;

	GuardedBpmnParse(BpmnParser parser, Function<java.util.function.Predicate<String>, ProcessRules> rules) {
		super(parser);
		this.rules = rules;
	}

	@Override
	protected void parseRootElement() {
		super.parseRootElement();
		for (ProcessRules.Violation violation : rules.apply(this::formExists).check(rootElement)) {
			addError(violation.message(), violation.element(), violation.elementId());
		}
	}

	/** A Camunda Form with this id in the same deployment, or already deployed. */
	private boolean formExists(String key) {
		if (deployment != null && deployment.getResources() != null) {
			for (ResourceEntity resource : deployment.getResources().values()) {
				if (resource.getName().endsWith(".form") && key.equals(formId(resource.getBytes()))) {
					return true;
				}
			}
		}
		return Context.getCommandContext() != null
				&& Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
	}

	private static String formId(byte[] form) {
		try {
			JsonNode id = JSON.readTree(form).get("id");
			return id == null ? null : id.asText();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
