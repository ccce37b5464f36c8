package org.sevahub.testsupport;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Edits an analyst makes in Camunda Modeler's properties panel that the BPMN model API's fluent builder has no method
 * for: an extension property (a status declared on an element, a department's own status on the process).
 */
public final class ModelerEdits {

	private ModelerEdits() {
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
