package org.sevahub.testsupport;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Edits an analyst makes in Camunda Modeler that the BPMN model API's fluent builder has no method for: cutting a flow
 * to put a step in between, an extension property (a status declared on an element, a department's own status on the
 * process).
 */
public final class ModelerEdits {

	private ModelerEdits() {
	}

	/**
	 * Cuts a sequence flow out of the diagram, as an analyst does to put a step in between; returns the flow's source,
	 * whose builder then goes on to the new step.
	 */
	public static FlowNode cut(BpmnModelInstance model, String flowId) {
		SequenceFlow flow = model.getModelElementById(flowId);
		FlowNode source = flow.getSource();
		source.getOutgoing().remove(flow);
		flow.getTarget().getIncoming().remove(flow);
		flow.getParentElement().removeChildElement(flow);
		ModelElementInstance shape = model.getModelElementById(flowId + "_di");
		shape.getParentElement().removeChildElement(shape);
		return source;
	}

	/** Sets (or adds) the extension property {@code name} of the element with this id. */
	public static void property(BpmnModelInstance model, String elementId, String name, String value) {
		BaseElement element = model.getModelElementById(elementId);
		ExtensionElements extensions = element.getExtensionElements();
		if (extensions == null) {
			extensions = model.newInstance(ExtensionElements.class);
			element.setExtensionElements(extensions);
		}
		CamundaProperties properties = extensions.getElementsQuery().filterByType(CamundaProperties.class).list()
			.stream()
			.findFirst()
			.orElse(null);
		if (properties == null) {
			properties = extensions.addExtensionElement(CamundaProperties.class);
		}
		for (CamundaProperty property : properties.getCamundaProperties()) {
			if (name.equals(property.getCamundaName())) {
				property.setCamundaValue(value);
				return;
			}
		}
		CamundaProperty property = model.newInstance(CamundaProperty.class);
		property.setCamundaName(name);
		property.setCamundaValue(value);
		properties.getCamundaProperties().add(property);
	}

}
